import type { ObjectStore, ProxiedService } from '../store/types';
import { KfpService } from '../services/kfp/KfpService';
import { ModelRegistryService } from '../services/modelRegistry/ModelRegistryService';
import { DEMO_PROFILES } from './demoIdentities';
import { seedProfiles } from './demoProfiles';
import {
  completedSparkApplication,
  podDefaults,
  pytorchJob,
  sequenceGraph,
  llmService,
  seedNotebook,
  DEMO_IMAGES,
  sparkSpec,
  tensorboard,
  torchDistributedRuntime,
  trainJob,
} from './demoWorkloads';
import { experimentSpec, seedFinishedExperiment } from './demoKatib';
import {
  inferenceService,
  registryLabels,
  seedModel,
  seedPipeline,
} from './demoMlops';
import { DEMO_IR_TEMPLATE } from './pipelineIr';
import {
  DEMO_ENDPOINTS,
  DEMO_PIPELINES,
  demoModels,
  demoNotebooks,
} from './demoCatalog';
import { SeedWriter } from './seedObjects';
import { seedClusterServingRuntimes } from './servingRuntimes';
import { servingRuntimeFor } from '../controllers/inferenceServiceModel';

const KFP_KEY = 'kubeflow/ml-pipeline:8888';
const MR_KEY = 'kubeflow/model-registry-service:8080';

/**
 * The demo: three team profiles (see DEMO_PROFILES) with notebooks, pipelines and runs, Katib
 * experiments, registered models served by InferenceServices (one canary, one failing), TrainJobs,
 * Spark applications, PodDefaults and a Tensorboard — in their "after some time" state.
 */
export function applyDemoSeed(
  store: ObjectStore,
  services: Record<string, ProxiedService>,
): void {
  const writer = new SeedWriter(store);
  const images = DEMO_IMAGES;
  const kfpService = services[KFP_KEY];
  const mrService = services[MR_KEY];
  const kfp =
    kfpService instanceof KfpService ? kfpService.repository : undefined;
  const mr =
    mrService instanceof ModelRegistryService
      ? mrService.repository
      : undefined;
  const sample = DEMO_IR_TEMPLATE;

  seedProfiles(writer, DEMO_PROFILES);
  seedClusterServingRuntimes(writer);
  writer.create(
    'clustertrainingruntimes.trainer.kubeflow.org',
    torchDistributedRuntime(),
  );
  for (const p of DEMO_PROFILES)
    for (const pd of podDefaults(p.name))
      writer.create('poddefaults.kubeflow.org', pd);

  const notebooks = demoNotebooks(images);
  for (const n of notebooks) seedNotebook(writer, n);
  writer.create(
    'tensorboards.tensorboard.kubeflow.org',
    tensorboard(
      'team-vision',
      'resnet-logs',
      'pvc://resnet-finetune-workspace/logs',
    ),
  );

  // Katib: one finished experiment per team, one running in team-vision.
  const katibImage = 'ghcr.io/kubeflow/katib/pytorch-mnist-cpu:latest';
  seedFinishedExperiment(
    writer,
    'team-vision',
    'resnet-lr-tuning',
    experimentSpec({
      metric: 'loss',
      type: 'minimize',
      goal: 0.001,
      algorithm: 'random',
      maxTrialCount: 12,
      parallelTrialCount: 3,
      image: katibImage,
      parameters: [
        {
          name: 'lr',
          parameterType: 'double',
          feasibleSpace: { min: '0.0001', max: '0.01' },
        },
        {
          name: 'momentum',
          parameterType: 'double',
          feasibleSpace: { min: '0.5', max: '0.95' },
        },
      ],
    }),
    2 * 24 * 60,
  );
  writer.create('experiments.kubeflow.org', {
    apiVersion: 'kubeflow.org/v1beta1',
    kind: 'Experiment',
    metadata: { name: 'resnet-augment-search', namespace: 'team-vision' },
    spec: {
      ...experimentSpec({
        metric: 'accuracy',
        type: 'maximize',
        goal: 0.995,
        algorithm: 'random',
        maxTrialCount: 24,
        parallelTrialCount: 2,
        image: katibImage,
        parameters: [
          {
            name: 'lr',
            parameterType: 'double',
            feasibleSpace: { min: '0.0005', max: '0.005' },
          },
          {
            name: 'augmentation',
            parameterType: 'categorical',
            feasibleSpace: { list: ['none', 'flip', 'randaugment', 'mixup'] },
          },
        ],
      }),
      // Keeps its suggestion when it completes, so it can be restarted with more trials.
      resumePolicy: 'LongRunning',
    },
  });
  seedFinishedExperiment(
    writer,
    'team-nlp',
    'bert-lr-warmup',
    experimentSpec({
      metric: 'accuracy',
      type: 'maximize',
      goal: 0.99,
      algorithm: 'grid',
      maxTrialCount: 9,
      parallelTrialCount: 3,
      image: katibImage,
      parameters: [
        {
          name: 'lr',
          parameterType: 'double',
          feasibleSpace: { min: '0.00002', max: '0.00006', step: '0.00002' },
        },
        {
          name: 'warmup_steps',
          parameterType: 'int',
          feasibleSpace: { min: '0', max: '1000', step: '500' },
        },
      ],
    }),
    4 * 24 * 60,
  );
  seedFinishedExperiment(
    writer,
    'team-forecasting',
    'xgb-hyperparams',
    experimentSpec({
      metric: 'loss',
      type: 'minimize',
      goal: 0.001,
      algorithm: 'random',
      maxTrialCount: 10,
      parallelTrialCount: 2,
      image: 'ghcr.io/example-org/xgb-train:1.4',
      parameters: [
        {
          name: 'max_depth',
          parameterType: 'int',
          feasibleSpace: { min: '3', max: '10' },
        },
        {
          name: 'eta',
          parameterType: 'double',
          feasibleSpace: { min: '0.01', max: '0.3' },
        },
        {
          name: 'booster',
          parameterType: 'categorical',
          feasibleSpace: { list: ['gbtree', 'dart'] },
        },
      ],
    }),
    5 * 24 * 60,
  );

  // Training and Spark.
  writer.create(
    'trainjobs.trainer.kubeflow.org',
    trainJob('team-vision', 'resnet50-ddp', {
      complete: true,
      progress: 100,
      numNodes: 2,
      image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
      minutesAgo: 3 * 24 * 60,
    }),
  );
  writer.create(
    'trainjobs.trainer.kubeflow.org',
    trainJob('team-vision', 'vit-pretrain', {
      complete: false,
      progress: 40,
      numNodes: 2,
      image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
      minutesAgo: 90,
    }),
  );
  writer.create(
    'trainjobs.trainer.kubeflow.org',
    trainJob('team-nlp', 'bert-finetune-ddp', {
      complete: true,
      progress: 100,
      numNodes: 3,
      image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
      minutesAgo: 5 * 24 * 60,
    }),
  );
  writer.create(
    'inferencegraphs.serving.kserve.io',
    sequenceGraph('team-nlp', 'sentiment-pipeline', [
      'sentiment-legacy',
      'bert-sentiment',
    ]),
  );
  writer.create(
    'llminferenceservices.serving.kserve.io',
    llmService('team-nlp', 'qwen-chat', 'Qwen/Qwen2.5-7B-Instruct'),
  );
  writer.create(
    'pytorchjobs.kubeflow.org',
    pytorchJob('team-vision', 'mnist-ddp', { workers: 2, minutesAgo: 6 * 60 }),
  );
  const corpus = sparkSpec(
    'local:///opt/jobs/corpus_dedup.py',
    undefined,
    'Python',
    [
      '--input=s3a://datasets/corpus/raw',
      '--output=s3a://datasets/corpus/dedup',
    ],
  );
  writer.create(
    'sparkapplications.sparkoperator.k8s.io',
    completedSparkApplication('team-nlp', 'corpus-dedup', corpus, 20 * 60),
  );
  const sales = sparkSpec(
    'local:///opt/spark/examples/jars/spark-examples.jar',
    'com.example.SalesAggregation',
    'Scala',
    ['--date=yesterday'],
  );
  writer.create('scheduledsparkapplications.sparkoperator.k8s.io', {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'ScheduledSparkApplication',
    metadata: {
      name: 'daily-sales-aggregation',
      namespace: 'team-forecasting',
    },
    spec: {
      schedule: '0 1 * * *',
      concurrencyPolicy: 'Forbid',
      successfulRunHistoryLimit: 2,
      failedRunHistoryLimit: 1,
      template: sales,
    },
  });
  writer.create(
    'sparkapplications.sparkoperator.k8s.io',
    completedSparkApplication(
      'team-forecasting',
      'daily-sales-aggregation-1764378000',
      sales,
      22 * 60,
      { 'sparkoperator.k8s.io/scheduled-app-name': 'daily-sales-aggregation' },
    ),
  );

  // Pipelines, runs, models, endpoints.
  const pipelines = DEMO_PIPELINES;
  const runIds: Record<string, string> = {};
  if (kfp)
    for (const p of pipelines)
      Object.assign(runIds, seedPipeline(kfp, sample, p));

  const models = demoModels(runIds);
  const registered: Record<string, ReturnType<typeof seedModel>> = {};
  if (mr)
    for (const m of models) registered[m.name] = seedModel(mr, m, m.minutesAgo);

  const endpoints = DEMO_ENDPOINTS;
  const environments: Record<string, string> = {};
  for (const e of endpoints) {
    const reg = registered[e.model];
    let labels: Record<string, string> = {};
    if (mr && reg) {
      environments[e.namespace] ??= mr.create('serving_environments', {
        name: e.namespace,
        description: `KServe in namespace ${e.namespace}`,
      }).id;
      const record = mr.create('inference_services', {
        name: e.name,
        registeredModelId: reg.model.id,
        modelVersionId: reg.versions[e.version].id,
        servingEnvironmentId: environments[e.namespace],
        runtime: servingRuntimeFor(e.format),
        desiredState: 'DEPLOYED',
      });
      labels = registryLabels(
        reg.model.id,
        reg.versions[e.version].id,
        record.id,
      );
    }
    const uri = e.failing
      ? `s3://models/${e.namespace}/does-not-exist/${e.version}/`
      : `s3://models/${e.namespace}/${e.model}/${e.version}/`;
    writer.create(
      'inferenceservices.serving.kserve.io',
      inferenceService({
        namespace: e.namespace,
        name: e.name,
        format: e.format,
        storageUri: uri,
        labels,
        minutesAgo: 60 * (e.revisions + 2),
        revisions: e.revisions,
        canaryPercent: e.canaryPercent,
        failing: e.failing,
        minReplicas: e.minReplicas,
      }),
    );
  }
}
