import type { DemoNotebook } from './demoWorkloads';
import type { DemoModel, DemoPipeline } from './demoMlops';

/** Notebook images offered by the spawner (see spawnerImages). */
export interface SpawnerImages {
  jupyter: string[];
  vscode: string;
  rstudio: string;
}

/** The demo notebooks (running and stopped) per team. */
export function demoNotebooks(images: SpawnerImages): DemoNotebook[] {
  const [scipy, pytorch, pytorchCuda, tensorflow] = images.jupyter;
  return [
    {
      namespace: 'team-vision',
      name: 'resnet-finetune',
      image: pytorchCuda,
      creator: 'alice@example.com',
      serverType: 'jupyter',
      cpu: '4',
      memory: '16Gi',
      gpu: 1,
      podDefaults: ['access-ml-pipeline', 'add-minio-secret'],
      minutesAgo: 2 * 24 * 60,
    },
    {
      namespace: 'team-vision',
      name: 'defect-eda',
      image: scipy,
      creator: 'dave@example.com',
      serverType: 'jupyter',
      cpu: '1',
      memory: '4Gi',
      podDefaults: ['add-minio-secret'],
      minutesAgo: 300,
    },
    {
      namespace: 'team-vision',
      name: 'vscode-dev',
      image: images.vscode,
      creator: 'alice@example.com',
      serverType: 'group-one',
      cpu: '2',
      memory: '4Gi',
      stopped: true,
      minutesAgo: 6 * 24 * 60,
    },
    {
      namespace: 'team-nlp',
      name: 'bert-experiments',
      image: pytorch,
      creator: 'bob@example.com',
      serverType: 'jupyter',
      cpu: '4',
      memory: '16Gi',
      podDefaults: ['access-ml-pipeline'],
      minutesAgo: 26 * 60,
    },
    {
      namespace: 'team-nlp',
      name: 'tokenizer-rstudio',
      image: images.rstudio,
      creator: 'erin@example.com',
      serverType: 'group-two',
      cpu: '1',
      memory: '2Gi',
      stopped: true,
      minutesAgo: 9 * 24 * 60,
    },
    {
      namespace: 'team-forecasting',
      name: 'demand-eda',
      image: scipy,
      creator: 'carol@example.com',
      serverType: 'jupyter',
      cpu: '2',
      memory: '8Gi',
      podDefaults: ['access-ml-pipeline', 'add-minio-secret'],
      minutesAgo: 3 * 24 * 60,
    },
    {
      namespace: 'team-forecasting',
      name: 'feature-store-dev',
      image: tensorflow,
      creator: 'carol@example.com',
      serverType: 'jupyter',
      cpu: '1',
      memory: '4Gi',
      stopped: true,
      minutesAgo: 12 * 24 * 60,
    },
  ];
}

/** The demo pipelines with their runs and recurring runs. */
export const DEMO_PIPELINES: DemoPipeline[] = [
  {
    namespace: 'team-vision',
    name: 'image-classifier-training',
    description: 'Fine-tunes ResNet-50 on the defect images and evaluates it',
    inputs: {
      epochs: 'NUMBER_INTEGER',
      learning_rate: 'NUMBER_DOUBLE',
      dataset: 'STRING',
    },
    steps: [
      { name: 'preprocess-images' },
      {
        name: 'train-resnet',
        dependsOn: ['preprocess-images'],
        image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
      },
      { name: 'evaluate-model', dependsOn: ['train-resnet'] },
    ],
    v2Step: { name: 'register-model', dependsOn: ['evaluate-model'] },
    runs: [
      {
        name: 'train-resnet50-baseline',
        outcome: 'SUCCEEDED',
        minutesAgo: 4 * 24 * 60,
        parameters: {
          epochs: 10,
          learning_rate: 0.001,
          dataset: 's3://datasets/defects/v3',
        },
      },
      {
        name: 'train-resnet50-lr-0005',
        outcome: 'SUCCEEDED',
        minutesAgo: 2 * 24 * 60,
        parameters: {
          epochs: 20,
          learning_rate: 0.0005,
          dataset: 's3://datasets/defects/v3',
        },
      },
      {
        name: 'train-resnet50-bad-labels',
        outcome: 'FAILED',
        minutesAgo: 30 * 60,
        parameters: {
          epochs: 20,
          learning_rate: 0.0005,
          dataset: 's3://datasets/defects/v4-unreviewed',
        },
      },
      {
        name: 'train-resnet50-v4',
        outcome: 'RUNNING',
        minutesAgo: 1,
        parameters: {
          epochs: 20,
          learning_rate: 0.0005,
          dataset: 's3://datasets/defects/v4',
        },
      },
    ],
    recurring: { name: 'nightly-retrain', cron: '0 0 2 * * *' },
  },
  {
    namespace: 'team-nlp',
    name: 'sentiment-training',
    description: 'Fine-tunes BERT for review sentiment',
    inputs: { base_model: 'STRING', epochs: 'NUMBER_INTEGER' },
    steps: [
      { name: 'tokenize' },
      { name: 'fine-tune-bert', dependsOn: ['tokenize'] },
      { name: 'evaluate', dependsOn: ['fine-tune-bert'] },
    ],
    v2Step: { name: 'export-onnx', dependsOn: ['evaluate'] },
    runs: [
      {
        name: 'bert-base-3ep',
        outcome: 'SUCCEEDED',
        minutesAgo: 6 * 24 * 60,
        parameters: { base_model: 'bert-base-uncased', epochs: 3 },
      },
      {
        name: 'bert-large-oom',
        outcome: 'FAILED',
        minutesAgo: 5 * 24 * 60,
        parameters: { base_model: 'bert-large-uncased', epochs: 3 },
      },
      {
        name: 'bert-base-5ep',
        outcome: 'SUCCEEDED',
        minutesAgo: 3 * 24 * 60,
        parameters: { base_model: 'bert-base-uncased', epochs: 5 },
      },
    ],
  },
  {
    namespace: 'team-forecasting',
    name: 'demand-forecast-training',
    description: 'Weekly XGBoost demand model with backtest',
    inputs: { horizon_days: 'NUMBER_INTEGER', region: 'STRING' },
    steps: [
      { name: 'extract-sales' },
      { name: 'build-features', dependsOn: ['extract-sales'] },
      { name: 'train-xgboost', dependsOn: ['build-features'] },
      { name: 'backtest', dependsOn: ['build-features'] },
    ],
    v2Step: {
      name: 'publish-forecast',
      dependsOn: ['train-xgboost', 'backtest'],
    },
    runs: [
      {
        name: 'weekly-2026-w46',
        outcome: 'SUCCEEDED',
        minutesAgo: 14 * 24 * 60,
        parameters: { horizon_days: 28, region: 'eu-west' },
      },
      {
        name: 'weekly-2026-w47',
        outcome: 'SUCCEEDED',
        minutesAgo: 7 * 24 * 60,
        parameters: { horizon_days: 28, region: 'eu-west' },
      },
      {
        name: 'weekly-2026-w48',
        outcome: 'FAILED',
        minutesAgo: 24 * 60,
        parameters: { horizon_days: 28, region: 'us-east' },
      },
    ],
    recurring: { name: 'weekly-retrain', cron: '0 0 5 * * 1' },
  },
];

/** The demo registered models; versions link to the KFP runs (by run name) that produced them. */
export function demoModels(
  runIds: Record<string, string>,
): Array<DemoModel & { minutesAgo: number }> {
  return [
    {
      namespace: 'team-vision',
      name: 'resnet50-vision',
      description: 'ResNet-50 defect classifier',
      owner: 'alice@example.com',
      format: 'onnx',
      formatVersion: '1',
      minutesAgo: 10 * 24 * 60,
      versions: [
        {
          name: '1.0.0',
          kfpRunId: runIds['train-resnet50-baseline'],
          notebook: 'resnet-finetune',
          state: 'ARCHIVED',
          metrics: { accuracy: 0.912 },
        },
        {
          name: '1.1.0',
          kfpRunId: runIds['train-resnet50-baseline'],
          katibExperiment: 'resnet-lr-tuning',
          metrics: { accuracy: 0.934 },
        },
        {
          name: '2.0.0',
          kfpRunId: runIds['train-resnet50-lr-0005'],
          notebook: 'resnet-finetune',
          trainJob: 'resnet50-ddp',
          metrics: { accuracy: 0.951 },
        },
      ],
    },
    {
      namespace: 'team-nlp',
      name: 'bert-sentiment',
      description: 'BERT review sentiment classifier',
      owner: 'bob@example.com',
      format: 'pytorch',
      formatVersion: '2.3',
      minutesAgo: 12 * 24 * 60,
      versions: [
        { name: 'v1', notebook: 'bert-experiments', metrics: { f1: 0.87 } },
        {
          name: 'v2',
          kfpRunId: runIds['bert-base-3ep'],
          metrics: { f1: 0.905 },
        },
        {
          name: 'v3',
          kfpRunId: runIds['bert-base-5ep'],
          katibExperiment: 'bert-lr-warmup',
          trainJob: 'bert-finetune-ddp',
          metrics: { f1: 0.918 },
        },
      ],
    },
    {
      namespace: 'team-forecasting',
      name: 'demand-forecast-xgb',
      description: 'XGBoost weekly demand forecast',
      owner: 'carol@example.com',
      format: 'xgboost',
      formatVersion: '2.1',
      minutesAgo: 20 * 24 * 60,
      versions: [
        {
          name: '1.0',
          kfpRunId: runIds['weekly-2026-w46'],
          notebook: 'demand-eda',
          metrics: { mape: 0.112 },
        },
        {
          name: '1.1',
          kfpRunId: runIds['weekly-2026-w47'],
          metrics: { mape: 0.094 },
        },
      ],
    },
    {
      namespace: 'team-vision',
      name: 'fraud-detection',
      description:
        'Gradient-boosted card fraud scorer for checkout transactions',
      owner: 'alice@example.com',
      format: 'sklearn',
      formatVersion: '1',
      minutesAgo: 6 * 24 * 60,
      versions: [
        { name: 'v1', notebook: 'defect-eda', metrics: { auc: 0.941 } },
        { name: 'v2', notebook: 'defect-eda', metrics: { auc: 0.957 } },
      ],
    },
  ];
}

/** The demo InferenceServices and the model versions they serve. */
export interface DemoEndpoint {
  namespace: string;
  name: string;
  model: string;
  version: string;
  format: string;
  revisions: number;
  canaryPercent?: number;
  minReplicas?: number;
  failing?: boolean;
}

/** The demo endpoints: one canary in progress, one failing to load its model. */
export const DEMO_ENDPOINTS: DemoEndpoint[] = [
  {
    namespace: 'team-vision',
    name: 'resnet50-vision',
    model: 'resnet50-vision',
    version: '2.0.0',
    format: 'onnx',
    revisions: 2,
    canaryPercent: 10,
    minReplicas: 2,
  },
  {
    namespace: 'team-nlp',
    name: 'bert-sentiment',
    model: 'bert-sentiment',
    version: 'v3',
    format: 'pytorch',
    revisions: 3,
  },
  {
    namespace: 'team-nlp',
    name: 'sentiment-legacy',
    model: 'bert-sentiment',
    version: 'v1',
    format: 'pytorch',
    revisions: 1,
    failing: true,
  },
  {
    namespace: 'team-forecasting',
    name: 'demand-forecast',
    model: 'demand-forecast-xgb',
    version: '1.1',
    format: 'xgboost',
    revisions: 2,
  },
];
