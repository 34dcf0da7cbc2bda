import {
  KatibExperimentDto,
  MetricsComparisonDto,
  PipelineDto,
  RunDetailsDto,
  RunDto,
  SparkApplicationDto,
  TrainJobDto,
  TrainingJobDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowExperimentsApi } from '../api/KubeflowExperimentsApi';

const tasks = [
  { name: 'preprocess-images', dependsOn: [] },
  { name: 'train-resnet', dependsOn: ['preprocess-images'] },
  { name: 'evaluate-model', dependsOn: ['train-resnet'] },
].map(t => ({ ...t, outputArtifacts: [], outputParameters: [] }));

export const pipeline: PipelineDto = {
  cluster: 'sandbox',
  id: 'p-1',
  name: 'image-classifier-training',
  displayName: 'image-classifier-training',
  namespace: 'team-vision',
  versions: [
    {
      id: 'v-2',
      name: 'image-classifier-training-v2',
      displayName: 'v2',
      description: 'Adds register-model',
      createdAt: '2026-11-20T10:00:00Z',
      parameters: [
        { name: 'epochs', type: 'NUMBER_INTEGER', optional: false },
        { name: 'learning_rate', type: 'NUMBER_DOUBLE', optional: false },
        { name: 'dataset', type: 'STRING', optional: false },
      ],
      tasks: [
        ...tasks,
        {
          name: 'register-model',
          dependsOn: ['evaluate-model'],
          outputArtifacts: [],
          outputParameters: [],
        },
      ],
    },
    {
      id: 'v-1',
      name: 'image-classifier-training-v1',
      displayName: 'v1',
      parameters: [],
      tasks,
    },
  ],
};

export const run = (
  name: string,
  state: string,
  phase: RunDto['display']['phase'],
): RunDto => ({
  cluster: 'sandbox',
  namespace: 'team-vision',
  id: `run-${name}`,
  name,
  state,
  display: { phase, message: state },
  storageState: 'AVAILABLE',
  pipelineId: 'p-1',
  pipelineVersionId: 'v-2',
  createdAt: '2026-11-28T10:00:00Z',
  durationSeconds: 190,
});

export const runs = [
  run('train-resnet50-v4', 'RUNNING', 'ready'),
  run('train-resnet50-bad-labels', 'FAILED', 'error'),
  run('train-resnet50-lr-0005', 'SUCCEEDED', 'succeeded'),
];

export const failedRun: RunDetailsDto = {
  ...runs[1],
  error: "task 'evaluate-model' failed",
  parameters: { epochs: 20, dataset: 's3://datasets/defects/v4-unreviewed' },
  graph: tasks,
  tasks: [
    {
      id: 't1',
      name: 'preprocess-images',
      state: 'SUCCEEDED',
      display: { phase: 'succeeded', message: 'SUCCEEDED' },
      durationSeconds: 95,
    },
    {
      id: 't2',
      name: 'train-resnet',
      state: 'SUCCEEDED',
      display: { phase: 'succeeded', message: 'SUCCEEDED' },
      durationSeconds: 95,
    },
    {
      id: 't3',
      name: 'evaluate-model',
      state: 'FAILED',
      display: { phase: 'error', message: 'FAILED' },
      durationSeconds: 95,
      error:
        'container exited with code 1: RuntimeError: evaluate-model failed',
      podName: 'image-classifier-training-abcde-system-container-impl-1',
    },
  ],
  outputs: [],
};

const trial = (
  name: string,
  lr: string,
  augmentation: string,
  objective: number,
  best = false,
) => ({
  name,
  phase: 'Succeeded',
  state: { phase: 'succeeded' as const, message: 'Trial has succeeded' },
  parameters: { lr, augmentation },
  // Katib records metric values as strings.
  objective: String(objective),
  metrics: {
    accuracy: String(objective),
    loss: String(+(1 - objective).toFixed(4)),
  },
  best,
});

export const katibExperiment: KatibExperimentDto = {
  cluster: 'sandbox',
  namespace: 'team-vision',
  name: 'resnet-augment-search',
  state: { phase: 'ready', message: 'Experiment is running' },
  objective: {
    type: 'maximize',
    metricName: 'accuracy',
    goal: 0.995,
    additionalMetricNames: ['loss'],
    metricStrategies: [
      { name: 'accuracy', value: 'max' },
      { name: 'loss', value: 'max' },
    ],
  },
  algorithm: 'random',
  algorithmTitle: 'random',
  algorithmSettings: [],
  description: 'random search over 2 parameters',
  metricsCollector: { kind: 'StdOut' },
  trial: {
    kind: 'PyTorchJob',
    apiVersion: 'kubeflow.org/v1',
    title: 'PyTorchJob',
    primaryContainerName: 'pytorch',
    parameters: [{ name: 'learningRate', reference: 'lr' }],
  },
  parameters: [
    { name: 'lr', type: 'double', min: '0.0005', max: '0.005' },
    {
      name: 'augmentation',
      type: 'categorical',
      list: ['none', 'flip', 'randaugment', 'mixup'],
    },
  ],
  maxTrialCount: 24,
  parallelTrialCount: 2,
  resumePolicy: 'LongRunning',
  counts: { trials: 3, running: 0, succeeded: 3, failed: 0, killed: 0 },
  bestTrialName: 'resnet-augment-search-b',
  trials: [
    trial('resnet-augment-search-a', '0.001', 'flip', 0.91),
    trial('resnet-augment-search-b', '0.002', 'mixup', 0.95, true),
    trial('resnet-augment-search-c', '0.004', 'none', 0.88),
  ],
  stopped: false,
  restartable: false,
};

const genotype =
  "Genotype(normal=[[('max_pooling_3x3', 0), ('dilated_convolution_5x5', 1)]], normal_concat=range(2, 3), reduce=[[('skip_connection', 0), ('avg_pooling_3x3', 1)]], reduce_concat=range(2, 3))";

/** A DARTS experiment (Katib's SDK notebook): an architecture space, a genotype as its objective. */
export const dartsExperiment: KatibExperimentDto = {
  ...katibExperiment,
  name: 'darts-search',
  state: { phase: 'succeeded', message: 'Experiment has succeeded' },
  objective: {
    type: 'maximize',
    metricName: 'Best-Genotype',
    additionalMetricNames: ['Validation-Accuracy'],
    metricStrategies: [
      { name: 'Best-Genotype', value: 'max' },
      { name: 'Validation-Accuracy', value: 'max' },
    ],
  },
  algorithm: 'darts',
  algorithmTitle: 'DARTS',
  algorithmSettings: [{ name: 'num_nodes', value: '3' }],
  description:
    'DARTS neural architecture search over 2 layers with 2 operations',
  parameters: [],
  nas: {
    numLayers: 2,
    inputSizes: [32, 32, 3],
    outputSizes: [10],
    operations: [
      {
        type: 'dilated_convolution',
        parameters: [
          { name: 'filter_size', type: 'categorical', list: ['3', '5'] },
        ],
      },
      { type: 'skip_connection', parameters: [] },
    ],
  },
  metricsCollector: { kind: 'StdOut', source: '([\\w-]+)=(Genotype.*)' },
  trial: {
    kind: 'Job',
    apiVersion: 'batch/v1',
    title: 'Job',
    parameters: [{ name: 'numberLayers', reference: 'num-layers' }],
  },
  resumePolicy: 'Never',
  maxTrialCount: 1,
  parallelTrialCount: 1,
  counts: { trials: 1, running: 0, succeeded: 1, failed: 0, killed: 0 },
  bestTrialName: 'darts-search-x',
  trials: [
    {
      name: 'darts-search-x',
      phase: 'Succeeded',
      state: { phase: 'succeeded', message: '' },
      parameters: {
        'search-space':
          "['dilated_convolution_3x3', 'dilated_convolution_5x5', 'skip_connection']",
        'num-layers': '2',
      },
      objective: genotype,
      metrics: { 'Best-Genotype': genotype, 'Validation-Accuracy': '0.91234' },
      best: true,
    },
  ],
};

export const trainingJob: TrainingJobDto = {
  cluster: 'sandbox',
  namespace: 'team-vision',
  name: 'mnist-ddp',
  kind: 'PyTorchJob',
  framework: 'PyTorch',
  state: { phase: 'ready', message: 'PyTorchJob mnist-ddp is running.' },
  suspended: false,
  roles: [
    {
      role: 'Master',
      replicas: 1,
      image: 'docker.io/kubeflowkatib/pytorch-mnist:v1beta1-45c5727',
      command: ['python3', '/opt/pytorch-mnist/mnist.py', '--epochs=1'],
      requests: { cpu: '1' },
      limits: { 'nvidia.com/gpu': '1' },
      gpus: 1,
      active: 1,
      succeeded: 0,
      failed: 0,
    },
    {
      role: 'Worker',
      replicas: 2,
      image: 'docker.io/kubeflowkatib/pytorch-mnist:v1beta1-45c5727',
      command: [],
      requests: {},
      limits: {},
      gpus: 0,
      active: 1,
      succeeded: 0,
      failed: 1,
    },
  ],
  details: { 'Processes per node': 'auto', 'Backoff limit': '3' },
  conditions: [
    {
      type: 'Running',
      status: 'True',
      reason: 'PyTorchJobRunning',
      message: 'PyTorchJob mnist-ddp is running.',
      lastTransitionTime: '2026-08-20T10:05:00Z',
    },
  ],
  startTime: '2026-08-20T10:04:00Z',
  createdAt: '2026-08-20T10:03:00Z',
};

export const trainJob: TrainJobDto = {
  cluster: 'sandbox',
  namespace: 'team-vision',
  name: 'vit-pretrain',
  state: { phase: 'ready', message: 'Running' },
  suspended: false,
  runtime: { name: 'torch-distributed', kind: 'ClusterTrainingRuntime' },
  image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
  command: ['torchrun', 'train.py'],
  numNodes: 2,
  resourcesPerNode: {
    requests: { cpu: '4', memory: '16Gi' },
    limits: { 'nvidia.com/gpu': '1' },
  },
  conditions: [
    {
      type: 'Suspended',
      status: 'False',
      reason: 'Resumed',
      message: 'TrainJob is resumed',
    },
  ],
  jobs: [
    {
      name: 'node',
      active: 2,
      ready: 2,
      succeeded: 0,
      failed: 0,
      suspended: 0,
    },
  ],
  progress: {
    percentage: 40,
    estimatedRemainingSeconds: 12,
    metrics: { loss: '0.6', accuracy: '0.77' },
  },
};

export const sparkApplication: SparkApplicationDto = {
  cluster: 'sandbox',
  namespace: 'team-forecasting',
  name: 'daily-sales-aggregation-1764378000',
  state: { phase: 'succeeded', message: 'COMPLETED' },
  applicationState: 'COMPLETED',
  type: 'Scala',
  sparkVersion: '4.0.4',
  mode: 'cluster',
  image: 'docker.io/apache/spark:4.0.4',
  mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
  mainClass: 'com.example.SalesAggregation',
  arguments: ['--date=yesterday'],
  driver: { cores: 1, memory: '1g', podName: 'daily-sales-driver' },
  executor: { instances: 2, cores: 2, memory: '2g' },
  executors: [
    { pod: 'daily-sales-exec-1', state: 'COMPLETED' },
    { pod: 'daily-sales-exec-2', state: 'COMPLETED' },
  ],
  submissionAttempts: 1,
  executionAttempts: 1,
  submittedAt: '2026-11-29T01:00:00Z',
  terminatedAt: '2026-11-29T01:04:00Z',
  uiUrl: 'http://10.0.0.12:4040',
  schedule: {
    name: 'daily-sales-aggregation',
    schedule: '0 1 * * *',
    suspended: false,
    concurrencyPolicy: 'Forbid',
    runs: [
      {
        name: 'daily-sales-aggregation-1764378000',
        state: { phase: 'succeeded', message: 'COMPLETED' },
      },
    ],
  },
};

export const modelMetrics: MetricsComparisonDto = {
  cluster: 'sandbox',
  title: 'What produced the versions of resnet50-vision',
  metricNames: ['accuracy', 'loss'],
  rows: [
    {
      version: '2.0.0',
      source: {
        kind: 'pipeline-run',
        name: 'train-resnet50-lr-0005',
        id: 'run-1',
        namespace: 'team-vision',
        entityRef: 'resource:sandbox/team-vision.image-classifier-training',
        state: { phase: 'succeeded', message: 'SUCCEEDED' },
      },
      parameters: { learning_rate: '0.0005' },
      metrics: { accuracy: 0.951 },
    },
    {
      version: '1.1.0',
      source: {
        kind: 'katib-experiment',
        name: 'resnet-lr-tuning',
        namespace: 'team-vision',
        entityRef: 'resource:sandbox/team-vision.resnet-lr-tuning',
      },
      parameters: { lr: '0.003' },
      metrics: { loss: 0.21 },
    },
    {
      version: '2.0.0',
      source: {
        kind: 'trainjob',
        name: 'resnet50-ddp',
        namespace: 'team-vision',
        entityRef: 'resource:sandbox/team-vision.resnet50-ddp',
      },
      parameters: { nodes: '2' },
      metrics: { accuracy: 0.93, loss: 0.12 },
    },
  ],
  missing: [],
};

/** The experimentation half of the fake API, with the actions as jest mocks. */
export function experimentsFakeApi(): KubeflowExperimentsApi {
  return {
    getPipeline: async () => pipeline,
    getRuns: jest.fn(async query => {
      const matching = runs.filter(
        r =>
          (!query.state || r.state === query.state) &&
          (!query.search || r.name.includes(query.search)),
      );
      return { runs: matching, totalSize: matching.length };
    }),
    getRun: async ({ runId }) =>
      runId === failedRun.id
        ? failedRun
        : {
            ...runs.find(r => r.id === runId)!,
            parameters: {},
            graph: [],
            tasks: [],
            outputs: [],
          },
    createRun: jest.fn(async r => ({
      ...run(r.name, 'PENDING', 'waiting'),
      id: 'run-new',
    })),
    changeRun: jest.fn(async r => ({
      ...runs.find(x => x.id === r.runId)!,
      state: 'RUNNING',
    })),
    getRecurringRuns: async () => [
      {
        cluster: 'sandbox',
        namespace: 'team-vision',
        id: 'rr-1',
        name: 'nightly-retrain',
        enabled: true,
        cron: '0 0 2 * * *',
        pipelineId: 'p-1',
      },
    ],
    setRecurringRunEnabled: jest.fn(async r => ({
      cluster: 'sandbox',
      namespace: 'team-vision',
      id: r.id,
      name: 'nightly-retrain',
      enabled: r.enabled,
    })),
    getKatibExperiment: async () => katibExperiment,
    setKatibExperimentRunning: jest.fn(async r => ({
      ...katibExperiment,
      stopped: !r.running,
    })),
    getTrainJob: async () => trainJob,
    getTrainingJob: async () => trainingJob,
    setTrainingJobSuspended: jest.fn(async r => ({
      ...trainingJob,
      suspended: r.suspended,
    })),
    setTrainJobSuspended: jest.fn(async r => ({
      ...trainJob,
      suspended: r.suspended,
    })),
    getSparkApplication: async () => sparkApplication,
    getScheduledSparkApplication: async () => sparkApplication,
    getModelMetrics: async () => modelMetrics,
    getProfileExperimentMetrics: async () => ({
      ...modelMetrics,
      title: 'Experiments in team-vision',
    }),
  };
}
