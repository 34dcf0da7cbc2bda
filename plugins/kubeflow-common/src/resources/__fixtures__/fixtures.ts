import {
  ComponentSpec,
  ComponentStatus,
  InferenceService,
  KSERVE_FRAMEWORKS,
  KServeFramework,
  KatibExperiment,
  KatibTrial,
  KfpExperiment,
  KfpPipeline,
  KfpPipelineVersion,
  KfpRecurringRun,
  KfpRun,
  ModelArtifact,
  ModelVersion,
  Notebook,
  PredictorExtensionSpec,
  Profile,
  RegisteredModel,
  RegistryInferenceService,
  ServingContainer,
  SparkApplication,
  TrainJob,
} from '..';

/**
 * Every field of T made required, recursively: a fixture of this type must set every field our
 * shapes declare, so validating it against the official schema (with unknown properties
 * rejected) proves each declared field exists there with a compatible type.
 */
export type Complete<T> = T extends Array<infer U>
  ? Array<Complete<U>>
  : T extends object
  ? { [K in keyof T]-?: Complete<T[K]> }
  : T;

const meta = (name: string) => ({
  name,
  namespace: 'team-a',
  uid: '7c0e5f4e-0000-4000-8000-000000000001',
  resourceVersion: '42',
  generation: 2,
  creationTimestamp: '2026-11-01T10:00:00Z',
  deletionTimestamp: '2026-11-02T10:00:00Z',
  labels: { app: name },
  annotations: { 'kubeflow-resource-stopped': '2026-11-02T10:00:00Z' },
});

const condition = {
  type: 'Ready',
  status: 'True' as const,
  reason: 'Ready',
  message: 'all good',
  lastTransitionTime: '2026-11-01T10:00:00Z',
};

export const notebook: Complete<Notebook> = {
  apiVersion: 'kubeflow.org/v1',
  kind: 'Notebook',
  metadata: meta('eda'),
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: 'eda',
            image: 'kubeflownotebookswg/jupyter-scipy:v1.10.0',
            resources: {
              requests: { cpu: '500m', memory: '1Gi' },
              limits: { cpu: 1, memory: '2Gi' },
            },
          },
        ],
        serviceAccountName: 'default-editor',
      },
    },
  },
  status: {
    readyReplicas: 1,
    containerState: {
      running: { startedAt: '2026-11-01T10:00:05Z' },
      waiting: { reason: 'ContainerCreating', message: 'pulling' },
      terminated: { exitCode: 0, reason: 'Completed', message: 'done' },
    },
    conditions: [condition],
  },
};

export const profile: Complete<Profile> = {
  apiVersion: 'kubeflow.org/v1',
  kind: 'Profile',
  metadata: meta('team-a'),
  spec: {
    owner: { kind: 'User', name: 'alice@example.com' },
    resourceQuotaSpec: { hard: { cpu: '8', 'requests.nvidia.com/gpu': 1 } },
  },
  status: {
    conditions: [
      { type: 'Failed', status: 'True', message: 'namespace taken' },
    ],
  },
};

function componentStatus(name: string): Complete<ComponentStatus> {
  return {
    url: `http://sklearn-iris-${name}.team-a.example.com`,
    latestReadyRevision: `sklearn-iris-${name}-00002`,
    latestCreatedRevision: `sklearn-iris-${name}-00002`,
    previousRolledoutRevision: `sklearn-iris-${name}-00001`,
    latestRolledoutRevision: `sklearn-iris-${name}-00001`,
    traffic: [
      {
        tag: 'latest',
        revisionName: `sklearn-iris-${name}-00002`,
        latestRevision: true,
        percent: 10,
        url: `http://latest-sklearn-iris-${name}.team-a.example.com`,
      },
    ],
  };
}

/** The fields a predictor's `model` form and its framework shortcuts share. */
const predictorExtension: Complete<PredictorExtensionSpec> = {
  storageUri: 'gs://kfserving-examples/models/sklearn/1.0/model',
  storage: {
    key: 'localMinIO',
    path: 'sklearn',
    schemaPath: 'schema.json',
    parameters: { bucket: 'example-models' },
  },
  runtimeVersion: '1.5.0',
  protocolVersion: 'v2',
  image: 'kserve/sklearnserver:v0.16.0',
  args: ['--workers=2'],
  env: [{ name: 'STORAGE_URI', value: 'gs://kfserving-examples/models' }],
  resources: { requests: { cpu: '100m' }, limits: { memory: '1Gi' } },
};

const servingContainer: Complete<ServingContainer> = {
  name: 'kserve-container',
  image: 'kserve/custom-model:latest',
  resources: {
    requests: { cpu: '1' },
    limits: { memory: '2Gi', 'nvidia.com/gpu': '1' },
  },
  args: ['--model_name=custom'],
  env: [{ name: 'STORAGE_URI', value: 'gs://kfserving-examples/models' }],
};

/** What the predictor, transformer and explainer share. */
const component: Complete<ComponentSpec> = {
  minReplicas: 1,
  maxReplicas: 3,
  scaleTarget: 10,
  scaleMetric: 'concurrency',
  canaryTrafficPercent: 10,
  containerConcurrency: 4,
  timeout: 60,
  batcher: { maxBatchSize: 16, maxLatency: 300, timeout: 60 },
  logger: { mode: 'all', url: 'http://message-dumper.default/' },
  deploymentStrategy: { type: 'RollingUpdate' },
  serviceAccountName: 'sa',
  containers: [servingContainer],
  resources: { requests: { cpu: '2' }, limits: { cpu: '4' } },
};

// Every shape at once: the schema accepts that (KServe's webhook would not), and it proves
// each field of each shape exists in the official definition.
export const inferenceService: Complete<InferenceService> = {
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: meta('sklearn-iris'),
  spec: {
    predictor: {
      ...component,
      model: {
        ...predictorExtension,
        modelFormat: { name: 'sklearn', version: '1' },
        runtime: 'kserve-sklearnserver',
      },
      storageUris: [{ uri: 's3://bucket/tokenizer', mountPath: '/mnt/tok' }],
      ...(Object.fromEntries(
        KSERVE_FRAMEWORKS.map(f => [f, predictorExtension]),
      ) as Record<KServeFramework, Complete<PredictorExtensionSpec>>),
    },
    transformer: component,
    explainer: {
      ...component,
      art: {
        type: 'SquareAttack',
        storageUri: 'gs://kfserving-examples/models/art/mnist',
        runtimeVersion: 'v0.16.0',
        image: 'kserve/art-explainer',
        config: { nb_classes: '10' },
        resources: { requests: { cpu: '1' }, limits: { memory: '2Gi' } },
      },
    },
  },
  status: {
    url: 'http://sklearn-iris.team-a.example.com',
    address: { url: 'http://sklearn-iris.team-a.svc.cluster.local' },
    conditions: [condition],
    components: {
      predictor: componentStatus('predictor'),
      transformer: componentStatus('transformer'),
      explainer: componentStatus('explainer'),
    },
    modelStatus: {
      transitionStatus: 'UpToDate',
      states: { activeModelState: 'Loaded', targetModelState: 'Loaded' },
      lastFailureInfo: { reason: 'ModelLoadFailed', message: 'no such key' },
    },
    deploymentMode: 'Serverless',
    servingRuntimeName: 'kserve-sklearnserver',
    clusterServingRuntimeName: 'kserve-sklearnserver',
    observedGeneration: 2,
  },
};

const katibCondition = {
  type: 'Succeeded',
  status: 'True',
  reason: 'ExperimentGoalReached',
  message: 'goal reached',
  lastTransitionTime: '2026-11-01T11:00:00Z',
};

export const katibExperiment: Complete<KatibExperiment> = {
  apiVersion: 'kubeflow.org/v1beta1',
  kind: 'Experiment',
  metadata: meta('random'),
  spec: {
    objective: {
      type: 'maximize',
      goal: 0.99,
      objectiveMetricName: 'accuracy',
      additionalMetricNames: ['loss'],
      metricStrategies: [{ name: 'loss', value: 'min' }],
    },
    algorithm: {
      algorithmName: 'random',
      algorithmSettings: [{ name: 'random_state', value: '10' }],
    },
    earlyStopping: {
      algorithmName: 'medianstop',
      algorithmSettings: [{ name: 'min_trials_required', value: '2' }],
    },
    parameters: [
      {
        name: 'lr',
        parameterType: 'double',
        feasibleSpace: {
          min: '0.01',
          max: '0.05',
          step: '0.01',
          list: ['0.01'],
          distribution: 'logUniform',
        },
      },
    ],
    // Katib reads either parameters or a NAS config; the schema allows both, and this fixture
    // sets every field we declare.
    nasConfig: {
      graphConfig: { numLayers: 8, inputSizes: [32, 32, 3], outputSizes: [10] },
      operations: [
        {
          operationType: 'convolution',
          parameters: [
            {
              name: 'filter_size',
              parameterType: 'categorical',
              feasibleSpace: {
                min: '3',
                max: '5',
                step: '2',
                list: ['3', '5'],
                distribution: 'uniform',
              },
            },
          ],
        },
      ],
    },
    metricsCollectorSpec: {
      collector: { kind: 'File' },
      source: {
        fileSystemPath: {
          path: '/katib/mnist.json',
          kind: 'File',
          format: 'JSON',
        },
        filter: { metricsFormat: ['([\\w-]+)=(Genotype.*)'] },
      },
    },
    trialTemplate: {
      primaryContainerName: 'training-container',
      trialParameters: [
        { name: 'learningRate', description: 'Learning rate', reference: 'lr' },
      ],
      trialSpec: { apiVersion: 'batch/v1', kind: 'Job' },
      configMap: {
        configMapName: 'trial-templates',
        configMapNamespace: 'kubeflow',
        templatePath: 'defaultTrialTemplate.yaml',
      },
      successCondition:
        'status.conditions.#(type=="Complete")#|#(status=="True")#',
      failureCondition:
        'status.conditions.#(type=="Failed")#|#(status=="True")#',
      retain: true,
    },
    resumePolicy: 'LongRunning',
    parallelTrialCount: 3,
    maxTrialCount: 12,
    maxFailedTrialCount: 3,
  },
  status: {
    conditions: [katibCondition],
    currentOptimalTrial: {
      bestTrialName: 'random-abc',
      parameterAssignments: [{ name: 'lr', value: '0.02' }],
      observation: {
        metrics: [
          { name: 'accuracy', min: '0.9', max: '0.97', latest: '0.97' },
        ],
      },
    },
    trials: 12,
    trialsRunning: 0,
    trialsSucceeded: 11,
    trialsFailed: 1,
    trialsKilled: 0,
    startTime: '2026-11-01T10:00:00Z',
    completionTime: '2026-11-01T11:00:00Z',
  },
};

export const katibTrial: Complete<KatibTrial> = {
  apiVersion: 'kubeflow.org/v1beta1',
  kind: 'Trial',
  metadata: meta('random-abc'),
  spec: { parameterAssignments: [{ name: 'lr', value: '0.02' }] },
  status: {
    conditions: [katibCondition],
    observation: {
      metrics: [{ name: 'accuracy', min: '0.9', max: '0.97', latest: '0.97' }],
    },
    startTime: '2026-11-01T10:00:00Z',
    completionTime: '2026-11-01T10:10:00Z',
  },
};

export const trainJob: Complete<TrainJob> = {
  apiVersion: 'trainer.kubeflow.org/v1alpha1',
  kind: 'TrainJob',
  metadata: meta('pytorch-mnist'),
  spec: {
    runtimeRef: {
      name: 'torch-distributed',
      kind: 'ClusterTrainingRuntime',
      apiGroup: 'trainer.kubeflow.org',
    },
    trainer: {
      image: 'ghcr.io/kubeflow/trainer/pytorch-mnist:latest',
      numNodes: 2,
      resourcesPerNode: {
        requests: { cpu: 2 },
        limits: { 'nvidia.com/gpu': 1 },
      },
    },
    suspend: false,
  },
  status: {
    conditions: [{ ...condition, type: 'Complete', reason: 'JobSetCompleted' }],
    jobsStatus: [
      {
        name: 'node',
        ready: 0,
        succeeded: 2,
        failed: 0,
        active: 0,
        suspended: 0,
      },
    ],
  },
};

export const sparkApplication: Complete<SparkApplication> = {
  apiVersion: 'sparkoperator.k8s.io/v1beta2',
  kind: 'SparkApplication',
  metadata: meta('spark-pi'),
  spec: {
    type: 'Scala',
    sparkVersion: '4.0.0',
    mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
    image: 'docker.io/library/spark:4.0.0',
    driver: { cores: 1, memory: '512m' },
    executor: { cores: 1, memory: '512m', instances: 2 },
  },
  status: {
    applicationState: { state: 'COMPLETED', errorMessage: '' },
    driverInfo: {
      podName: 'spark-pi-driver',
      webUIAddress: '10.0.0.1:4040',
      webUIPort: 4040,
    },
    executorState: { 'spark-pi-exec-1': 'COMPLETED' },
    sparkApplicationId: 'spark-123',
    executionAttempts: 1,
    lastSubmissionAttemptTime: '2026-11-01T10:00:00Z',
    terminationTime: '2026-11-01T10:05:00Z',
  },
};

const rpcStatus = { code: 9, message: 'task failed' };

export const kfpPipeline: Complete<KfpPipeline> = {
  pipeline_id: 'p-1',
  display_name: 'Training',
  name: 'training',
  description: 'Trains the model',
  created_at: '2026-11-01T10:00:00Z',
  namespace: 'team-a',
};

export const kfpPipelineVersion: Complete<KfpPipelineVersion> = {
  pipeline_id: 'p-1',
  pipeline_version_id: 'v-1',
  display_name: 'v1',
  name: 'v1',
  description: 'first',
  created_at: '2026-11-01T10:00:00Z',
  code_source_url: 'https://git.example.com/ml/training',
  pipeline_spec: { pipelineInfo: { name: 'training' } },
};

export const kfpExperiment: Complete<KfpExperiment> = {
  experiment_id: 'e-1',
  display_name: 'Default',
  description: 'default experiment',
  created_at: '2026-11-01T10:00:00Z',
  namespace: 'team-a',
  storage_state: 'AVAILABLE',
  last_run_created_at: '2026-11-01T11:00:00Z',
};

export const kfpRun: Complete<KfpRun> = {
  run_id: 'r-1',
  experiment_id: 'e-1',
  display_name: 'nightly',
  description: 'nightly training',
  storage_state: 'AVAILABLE',
  pipeline_version_reference: {
    pipeline_id: 'p-1',
    pipeline_version_id: 'v-1',
  },
  runtime_config: {
    parameters: { epochs: 3 },
    pipeline_root: 's3://bucket/root',
  },
  service_account: 'default-editor',
  created_at: '2026-11-01T10:00:00Z',
  scheduled_at: '2026-11-01T10:00:00Z',
  finished_at: '2026-11-01T10:30:00Z',
  state: 'FAILED',
  error: rpcStatus,
  run_details: {
    task_details: [
      {
        run_id: 'r-1',
        task_id: 't-1',
        display_name: 'train',
        create_time: '2026-11-01T10:00:00Z',
        start_time: '2026-11-01T10:01:00Z',
        end_time: '2026-11-01T10:30:00Z',
        state: 'FAILED',
        error: rpcStatus,
        parent_task_id: 't-0',
        pod_name: 'nightly-train-1234',
      },
    ],
  },
  recurring_run_id: 'rr-1',
};

export const kfpRecurringRun: Complete<KfpRecurringRun> = {
  recurring_run_id: 'rr-1',
  display_name: 'nightly',
  description: 'every night',
  pipeline_version_reference: {
    pipeline_id: 'p-1',
    pipeline_version_id: 'v-1',
  },
  max_concurrency: '1',
  trigger: {
    cron_schedule: {
      cron: '0 0 2 * * *',
      start_time: '2026-11-01T00:00:00Z',
      end_time: '2027-11-01T00:00:00Z',
    },
    periodic_schedule: { interval_second: '86400' },
  },
  mode: 'ENABLE',
  status: 'ENABLED',
  created_at: '2026-11-01T10:00:00Z',
  updated_at: '2026-11-01T10:00:00Z',
  namespace: 'team-a',
  experiment_id: 'e-1',
};

const registryBase = {
  description: 'described',
  externalId: 'ext-1',
  customProperties: {
    kfp_run_id: { metadataType: 'MetadataStringValue', string_value: 'r-1' },
  } as Complete<RegisteredModel>['customProperties'],
  createTimeSinceEpoch: '1761991200000',
  lastUpdateTimeSinceEpoch: '1761991200000',
};

export const registeredModel: Complete<RegisteredModel> = {
  ...registryBase,
  id: '1',
  name: 'resnet50-vision',
  owner: 'alice@example.com',
  state: 'LIVE',
};

export const modelVersion: Complete<ModelVersion> = {
  ...registryBase,
  id: '2',
  name: 'v1',
  registeredModelId: '1',
  author: 'alice@example.com',
  state: 'ARCHIVED',
};

export const modelArtifact: Complete<ModelArtifact> = {
  ...registryBase,
  id: '3',
  name: 'resnet50-onnx',
  artifactType: 'model-artifact',
  uri: 's3://models/resnet50/1',
  modelFormatName: 'onnx',
  modelFormatVersion: '1',
  storageKey: 'aws-connection-models',
  storagePath: 'resnet50/1',
  serviceAccountName: 'default-editor',
  modelSourceKind: 'kfp',
  modelSourceClass: 'pipelinerun',
  modelSourceGroup: 'team-a',
  modelSourceId: 'r-1',
  modelSourceName: 'nightly',
  state: 'LIVE',
};

export const registryInferenceService: Complete<RegistryInferenceService> = {
  ...registryBase,
  id: '4',
  name: 'resnet50',
  servingEnvironmentId: '5',
  registeredModelId: '1',
  modelVersionId: '2',
  runtime: 'kserve-tritonserver',
  desiredState: 'DEPLOYED',
};
