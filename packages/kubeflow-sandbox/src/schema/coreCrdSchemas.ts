import { LEGACY_TRAINING_JOBS, replicaSpecsField } from './crdCatalog';
import type { JsonSchema } from './loadCrds';

/**
 * The core of each Kubeflow kind's schema, for a sandbox started without the official
 * definitions: the fields the CRD requires and the types of the fields the portal reads, by kind.
 * Every object keeps its unknown fields (nothing is pruned), and enums, formats and the rest of
 * each CRD are not checked: with the definitions, the CRD itself validates instead.
 */

type Props = Record<string, JsonSchema>;

const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer' };
const bool: JsonSchema = { type: 'boolean' };

function obj(properties: Props = {}, required?: string[]): JsonSchema {
  return {
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
    properties,
    ...(required?.length ? { required } : {}),
  };
}

function list(items: JsonSchema, minItems?: number): JsonSchema {
  return { type: 'array', items, ...(minItems ? { minItems } : {}) };
}

const container = obj({ name: str, image: str }, ['name']);
const resources = obj({ limits: obj(), requests: obj() });

/** A kind's root schema: metadata is the store's, spec (and status) are the kind's. */
function root(spec: JsonSchema, options: { specRequired?: boolean } = {}) {
  return obj(
    { apiVersion: str, kind: str, metadata: obj(), spec, status: obj() },
    options.specRequired ? ['spec'] : undefined,
  );
}

const predictor = obj({
  model: obj(
    {
      modelFormat: obj({ name: str, version: str }, ['name']),
      runtime: str,
      storageUri: str,
      protocolVersion: str,
      resources,
    },
    ['modelFormat'],
  ),
  containers: list(container),
  minReplicas: int,
  maxReplicas: int,
  canaryTrafficPercent: int,
  serviceAccountName: str,
});

const servingRuntimeSpec = obj(
  {
    containers: list(container),
    supportedModelFormats: list(
      obj({ name: str, version: str, autoSelect: bool, priority: int }, [
        'name',
      ]),
    ),
    protocolVersions: list(str),
    multiModel: bool,
    disabled: bool,
  },
  ['containers'],
);

const trainingRuntimeSpec = obj({
  mlPolicy: obj({ numNodes: int }),
  template: obj({ spec: obj({ replicatedJobs: list(obj({ name: str })) }) }),
});

const sparkPod = obj({
  cores: int,
  memory: str,
  instances: int,
  image: str,
  serviceAccount: str,
});

const sparkSpec = obj(
  {
    type: str,
    mode: str,
    sparkVersion: str,
    image: str,
    mainApplicationFile: str,
    mainClass: str,
    arguments: list(str),
    driver: sparkPod,
    executor: sparkPod,
  },
  ['type', 'sparkVersion', 'mainApplicationFile', 'driver', 'executor'],
);

const llmServiceSpec = obj({
  model: obj({ uri: str, name: str }, ['uri']),
  replicas: int,
  router: obj(),
  template: obj({ containers: list(container) }),
  worker: obj(),
  prefill: obj(),
  parallelism: obj({ tensor: int, pipeline: int, data: int }),
});

const legacyJobs = Object.fromEntries(
  LEGACY_TRAINING_JOBS.map(kind => {
    const field = replicaSpecsField(kind);
    const replicaSpec = obj({
      replicas: int,
      restartPolicy: str,
      template: obj({ spec: obj({ containers: list(container) }) }),
    });
    const spec = obj(
      {
        [field]: { type: 'object', additionalProperties: replicaSpec },
        runPolicy: obj({ suspend: bool, backoffLimit: int }),
      },
      [field],
    );
    return [kind, root(spec, { specRequired: true })];
  }),
);

/** The core schema by Kubeflow kind (every kind in CRD_CATALOG has one). */
export const CORE_CRD_SCHEMAS: Record<string, JsonSchema> = {
  Profile: root(
    obj({
      owner: obj({ kind: str, name: str }, ['kind', 'name']),
      resourceQuotaSpec: obj({ hard: obj() }),
      plugins: list(obj({ kind: str })),
    }),
  ),
  PodDefault: root(obj({ desc: str, selector: obj() }, ['selector']), {
    specRequired: true,
  }),
  Notebook: root(
    obj({
      template: obj({
        spec: obj({
          containers: list(
            obj({ name: str, image: str }, ['name', 'image']),
            1,
          ),
          volumes: list(obj({ name: str }, ['name'])),
        }),
      }),
    }),
  ),
  PVCViewer: root(obj({ pvc: str, rwoScheduling: bool }, ['pvc']), {
    specRequired: true,
  }),
  Experiment: root(
    obj({
      objective: obj({ type: str, objectiveMetricName: str, goal: {} }),
      algorithm: obj({ algorithmName: str }),
      parameters: list(
        obj({ name: str, parameterType: str, feasibleSpace: obj() }),
      ),
      nasConfig: obj({ graphConfig: obj(), operations: list(obj()) }),
      trialTemplate: obj(),
      maxTrialCount: int,
      parallelTrialCount: int,
      maxFailedTrialCount: int,
    }),
  ),
  Trial: root(obj()),
  Suggestion: root(obj({ algorithm: obj({ algorithmName: str }) })),
  Tensorboard: root(obj({ logspath: str }, ['logspath']), {
    specRequired: true,
  }),
  InferenceService: root(
    obj({ predictor, transformer: obj(), explainer: obj() }, ['predictor']),
    { specRequired: true },
  ),
  ServingRuntime: root(servingRuntimeSpec, { specRequired: true }),
  ClusterServingRuntime: root(servingRuntimeSpec, { specRequired: true }),
  InferenceGraph: root(obj({ nodes: obj() }, ['nodes']), {
    specRequired: true,
  }),
  TrainedModel: root(
    obj({ inferenceService: str, model: obj() }, ['inferenceService', 'model']),
    { specRequired: true },
  ),
  TrainJob: root(
    obj(
      {
        runtimeRef: obj({ name: str, kind: str, apiGroup: str }, ['name']),
        trainer: obj({
          image: str,
          numNodes: int,
          resourcesPerNode: resources,
        }),
        suspend: bool,
      },
      ['runtimeRef'],
    ),
    { specRequired: true },
  ),
  LLMInferenceService: root(llmServiceSpec),
  LLMInferenceServiceConfig: root(llmServiceSpec),
  ...legacyJobs,
  TrainingRuntime: root(trainingRuntimeSpec),
  ClusterTrainingRuntime: root(trainingRuntimeSpec),
  SparkApplication: root(sparkSpec, { specRequired: true }),
  ScheduledSparkApplication: root(
    obj({ schedule: str, suspend: bool, template: sparkSpec }, [
      'schedule',
      'template',
    ]),
    { specRequired: true },
  ),
  Pipeline: root(obj({ displayName: str, description: str })),
  PipelineVersion: root(obj({ pipelineName: str, pipelineSpec: obj() })),
};
