/**
 * The entity model: how Kubeflow resources appear in the Backstage catalog. Standard kinds only,
 * so the stock catalog filters, search and graph work unchanged; `spec.type` tells them apart.
 */

/** Prefix of every annotation this plugin set writes. @public */
export const KUBEFLOW_ANNOTATION_PREFIX = 'kubeflow.org';

/** Name of the configured cluster an entity came from. @public */
export const ANNOTATION_KUBEFLOW_CLUSTER = `${KUBEFLOW_ANNOTATION_PREFIX}/cluster`;
/** Namespace (Kubeflow profile) of the resource behind an entity. @public */
export const ANNOTATION_KUBEFLOW_NAMESPACE = `${KUBEFLOW_ANNOTATION_PREFIX}/namespace`;
/** Name of the resource behind an entity. @public */
export const ANNOTATION_KUBEFLOW_NAME = `${KUBEFLOW_ANNOTATION_PREFIX}/name`;
/** Kind of the resource behind an entity (`Notebook`, `InferenceService`, …). @public */
export const ANNOTATION_KUBEFLOW_KIND = `${KUBEFLOW_ANNOTATION_PREFIX}/kind`;
/** Id of a REST object (KFP pipeline, Model Registry model) behind an entity. @public */
export const ANNOTATION_KUBEFLOW_ID = `${KUBEFLOW_ANNOTATION_PREFIX}/id`;

/** `spec.type` values of the entities this plugin set creates. @public */
export const KUBEFLOW_ENTITY_TYPES = {
  profile: 'kubeflow-profile',
  notebook: 'kubeflow-notebook',
  pipeline: 'kubeflow-pipeline',
  pipelineExperiment: 'kubeflow-pipeline-experiment',
  katibExperiment: 'katib-experiment',
  model: 'ai-model',
  modelVersion: 'ai-model-version',
  modelServer: 'model-server',
  inferenceGraph: 'inference-graph',
  trainJob: 'kubeflow-trainjob',
  trainingJob: 'kubeflow-training-job',
  sparkApplication: 'spark-application',
} as const;

/** One of the entity types in {@link KUBEFLOW_ENTITY_TYPES}. @public */
export type KubeflowEntityType =
  (typeof KUBEFLOW_ENTITY_TYPES)[keyof typeof KUBEFLOW_ENTITY_TYPES];

/**
 * Which catalog kind and type each Kubeflow resource becomes. Standard kinds only: a Profile is a
 * Group (its members are the owner and contributors), an InferenceService a Component (it provides
 * an inference API), everything else a Resource.
 *
 * @public
 */
export const KUBEFLOW_ENTITY_KINDS = {
  Profile: { kind: 'Group', type: KUBEFLOW_ENTITY_TYPES.profile },
  Notebook: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.notebook },
  Pipeline: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.pipeline },
  PipelineExperiment: {
    kind: 'Resource',
    type: KUBEFLOW_ENTITY_TYPES.pipelineExperiment,
  },
  Experiment: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.katibExperiment },
  RegisteredModel: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.model },
  ModelVersion: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.modelVersion },
  InferenceService: {
    kind: 'Component',
    type: KUBEFLOW_ENTITY_TYPES.modelServer,
  },
  // KServe's LLM serving kind: a model server too.
  LLMInferenceService: {
    kind: 'Component',
    type: KUBEFLOW_ENTITY_TYPES.modelServer,
  },
  InferenceGraph: {
    kind: 'Component',
    type: KUBEFLOW_ENTITY_TYPES.inferenceGraph,
  },
  TrainJob: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.trainJob },
  // The Training Operator v1 jobs (see TRAINING_OPERATOR_KINDS): one entity type for all six.
  PyTorchJob: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.trainingJob },
  TFJob: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.trainingJob },
  MPIJob: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.trainingJob },
  XGBoostJob: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.trainingJob },
  JAXJob: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.trainingJob },
  PaddleJob: { kind: 'Resource', type: KUBEFLOW_ENTITY_TYPES.trainingJob },
  SparkApplication: {
    kind: 'Resource',
    type: KUBEFLOW_ENTITY_TYPES.sparkApplication,
  },
  // A schedule is one entity; the SparkApplications it runs are shown on its page, not ingested.
  ScheduledSparkApplication: {
    kind: 'Resource',
    type: KUBEFLOW_ENTITY_TYPES.sparkApplication,
  },
} as const;

/**
 * The relations that make lineage walkable in the catalog graph, as the standard relation types:
 * a profile owns what is in its namespace (`ownedBy`), a model version is `partOf` its model, an
 * endpoint `dependsOn` the model version it serves, and a model version `dependsOn` the run,
 * notebook or trial that produced it.
 *
 * @public
 */
export const KUBEFLOW_RELATIONS = {
  ownership: 'ownedBy',
  versionOfModel: 'partOf',
  servesModelVersion: 'dependsOn',
  producedBy: 'dependsOn',
} as const;

/**
 * Set on a cluster object (notebook, pipeline, …) by the template that created it: the ref of the
 * catalog component (the project repository) that declared it; the entity then is a dependency of
 * that component.
 *
 * @public
 */
export const ANNOTATION_KUBEFLOW_SOURCE_COMPONENT = `${KUBEFLOW_ANNOTATION_PREFIX}/source-component`;
/** On a model version entity: the ref of the model entity it is part of. @public */
export const ANNOTATION_KUBEFLOW_PART_OF = `${KUBEFLOW_ANNOTATION_PREFIX}/part-of`;
/** On a model version entity: the KFP run that produced it. @public */
export const ANNOTATION_KUBEFLOW_KFP_RUN_ID = `${KUBEFLOW_ANNOTATION_PREFIX}/kfp-run-id`;
/**
 * Where a model is stored: on a model version entity its artifact's URI, on an endpoint entity
 * the storage URI its predictor serves from. @public
 */
export const ANNOTATION_KUBEFLOW_STORAGE_URI = `${KUBEFLOW_ANNOTATION_PREFIX}/storage-uri`;

const MAX_ENTITY_NAME = 63;

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The catalog entity name of a Kubeflow object: its parts (namespace, name, …) made safe and
 * joined with dots, e.g. `team-vision.defect-eda`. Parts that needed changing, or a result over
 * 63 characters, get a short hash of the original so two objects never share a name.
 *
 * @public
 */
export function kubeflowEntityName(...parts: string[]): string {
  const original = parts.join('.');
  const safe = parts
    .map(
      part =>
        part
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'x',
    )
    .join('.');
  if (safe === original && safe.length <= MAX_ENTITY_NAME) return safe;
  const hash = fnv1a(original);
  const head = safe
    .slice(0, MAX_ENTITY_NAME - hash.length - 1)
    .replace(/[.-]+$/, '');
  return `${head}-${hash}`;
}

/**
 * On an entity whose source stopped answering: since when (ISO time). The entity is kept, not
 * dropped; the annotation goes when the source answers again.
 *
 * @public
 */
export const ANNOTATION_KUBEFLOW_STALE_SINCE = `${KUBEFLOW_ANNOTATION_PREFIX}/stale-since`;

/** On a model version entity: its custom properties and metrics as `key=value; …` text. @public */
export const ANNOTATION_KUBEFLOW_PROPERTIES = `${KUBEFLOW_ANNOTATION_PREFIX}/properties`;
