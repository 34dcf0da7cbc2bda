import {
  Condition,
  Container,
  EnvVar,
  KubeResource,
  ResourceRequirements,
} from './kubernetes';

/**
 * Where a model is stored as a storage-config key and a path in it, the `storage` form that
 * stands next to `storageUri` (ModelMesh and the storage spec use it). @public
 */
export interface StorageSpec {
  /** The key of the storage config secret (`storage-config`) that holds the credentials. */
  key?: string;
  path?: string;
  schemaPath?: string;
  /** Overrides of the storage config's values, e.g. `bucket`. */
  parameters?: Record<string, string>;
}

/** A container of an InferenceService component: core/v1 Container, the fields the portal shows. @public */
export interface ServingContainer extends Container {
  args?: string[];
  env?: EnvVar[];
}

/**
 * The fields the recommended `model` form and the legacy framework shortcuts share (KServe's
 * PredictorExtensionSpec): where the model is and the serving container's overrides. @public
 */
export interface PredictorExtensionSpec {
  storageUri?: string;
  storage?: StorageSpec;
  /** The runtime image's version (tag), not the model format's. */
  runtimeVersion?: string;
  /** `v1`, `v2`, `grpc-v1` or `grpc-v2` (a plain string in the schema). */
  protocolVersion?: string;
  image?: string;
  args?: string[];
  env?: EnvVar[];
  resources?: ResourceRequirements;
}

/** The recommended `predictor.model` form of an InferenceService. @public */
export interface ModelSpec extends PredictorExtensionSpec {
  modelFormat: { name: string; version?: string };
  /** The ServingRuntime or ClusterServingRuntime; KServe picks one for the format when absent. */
  runtime?: string;
}

/**
 * The legacy framework shortcuts of a predictor (`predictor.sklearn`, …): the key is the model
 * format. @public
 */
export const KSERVE_FRAMEWORKS = [
  'sklearn',
  'xgboost',
  'lightgbm',
  'tensorflow',
  'pytorch',
  'onnx',
  'triton',
  'huggingface',
  'paddle',
  'pmml',
] as const;

/** One of the legacy framework shortcut keys. @public */
export type KServeFramework = (typeof KSERVE_FRAMEWORKS)[number];

/** Request batching in front of a component. @public */
export interface Batcher {
  maxBatchSize?: number;
  /** Milliseconds. */
  maxLatency?: number;
  timeout?: number;
}

/** Request/response logging of a component. @public */
export interface LoggerSpec {
  /** `all`, `request` or `response`. */
  mode?: string;
  url?: string;
}

/**
 * What the predictor, transformer and explainer share (KServe's ComponentExtensionSpec plus
 * the pod spec fields the portal shows). @public
 */
export interface ComponentSpec {
  minReplicas?: number;
  maxReplicas?: number;
  scaleTarget?: number;
  /** `cpu`, `memory`, `concurrency` or `rps`. */
  scaleMetric?: string;
  canaryTrafficPercent?: number;
  containerConcurrency?: number;
  /** Seconds. */
  timeout?: number;
  batcher?: Batcher;
  logger?: LoggerSpec;
  /** The Deployment strategy in raw (standard) deployment mode. */
  deploymentStrategy?: { type?: string };
  serviceAccountName?: string;
  /** Custom containers (a custom predictor, a transformer, an explainer). */
  containers?: ServingContainer[];
  /** Pod-level resources. */
  resources?: ResourceRequirements;
}

/** An InferenceService's predictor: the `model` form, one framework shortcut, or containers. @public */
export type PredictorSpec = ComponentSpec & {
  model?: ModelSpec;
  /** Storage URIs mounted besides the model's (newer KServe releases). */
  storageUris?: Array<{ uri: string; mountPath?: string }>;
} & { [F in KServeFramework]?: PredictorExtensionSpec };

/** The ART (Adversarial Robustness Toolbox) explainer. @public */
export interface ArtExplainerSpec {
  /** The attack, e.g. `SquareAttack`. */
  type?: string;
  storageUri?: string;
  runtimeVersion?: string;
  image?: string;
  config?: Record<string, string>;
  resources?: ResourceRequirements;
}

/** An InferenceService's explainer: ART or custom containers. @public */
export interface ExplainerSpec extends ComponentSpec {
  art?: ArtExplainerSpec;
}

/** InferenceService spec (serving.kserve.io/v1beta1), the fields the portal reads and writes. @public */
export interface InferenceServiceSpec {
  predictor: PredictorSpec;
  transformer?: ComponentSpec;
  explainer?: ExplainerSpec;
}

/** One traffic target of a component. @public */
export interface TrafficTarget {
  tag?: string;
  revisionName?: string;
  latestRevision?: boolean;
  percent?: number;
  url?: string;
}

/** Status of one InferenceService component (predictor, transformer, explainer). @public */
export interface ComponentStatus {
  url?: string;
  latestReadyRevision?: string;
  latestCreatedRevision?: string;
  previousRolledoutRevision?: string;
  latestRolledoutRevision?: string;
  traffic?: TrafficTarget[];
}

/** InferenceService status. @public */
export interface InferenceServiceStatus {
  url?: string;
  address?: { url?: string };
  conditions?: Condition[];
  components?: {
    predictor?: ComponentStatus;
    transformer?: ComponentStatus;
    explainer?: ComponentStatus;
  };
  modelStatus?: {
    transitionStatus?: string;
    states?: { activeModelState?: string; targetModelState?: string };
    lastFailureInfo?: { reason?: string; message?: string };
  };
  /** The mode KServe deployed it in (`Serverless`/`Knative`, `RawDeployment`/`Standard`, `ModelMesh`). */
  deploymentMode?: string;
  /** The runtime KServe chose (or was told to use). */
  servingRuntimeName?: string;
  clusterServingRuntimeName?: string;
  observedGeneration?: number;
}

/** A KServe InferenceService: a model serving endpoint. @public */
export type InferenceService = KubeResource<
  InferenceServiceSpec,
  InferenceServiceStatus
>;
