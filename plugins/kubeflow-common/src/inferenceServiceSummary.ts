import {
  ArtExplainerSpec,
  ComponentSpec,
  EnvVar,
  InferenceService,
  KSERVE_FRAMEWORKS,
  PredictorExtensionSpec,
  PredictorSpec,
  ResourceRequirements,
  ServingContainer,
  StorageSpec,
} from './resources';

/**
 * How a predictor declares what it serves: the recommended `model` form, a legacy framework
 * shortcut (`predictor.sklearn`, …), custom `containers`, or nothing the portal recognises.
 *
 * @public
 */
export type PredictorForm = 'model' | 'framework' | 'custom' | 'unknown';

/** Where an InferenceService's deployment mode came from. @public */
export type DeploymentModeSource = 'annotation' | 'status' | 'default';

/** A transformer or explainer in a few values. @public */
export interface InferenceServiceComponentSummary {
  /** `containers` for custom containers, else the explainer's key (e.g. `art`). */
  kind: string;
  /** The explainer's type within its kind, e.g. ART's `SquareAttack`. */
  type?: string;
  image?: string;
  storageUri?: string;
  resources?: ResourceRequirements;
}

/** A GPU limit (or request) of the serving container: any `<vendor>/gpu` resource. @public */
export interface GpuRequirement {
  /** e.g. `nvidia.com/gpu`, `amd.com/gpu`. */
  resource: string;
  count: string;
}

/**
 * What an InferenceService serves and how, read from every predictor shape the official CRD
 * accepts. The catalog and the pages both show it; field names match {@link EndpointDto}.
 *
 * @public
 */
export interface InferenceServiceSummary {
  predictorForm: PredictorForm;
  /** `modelFormat.name`, or the framework key of a shortcut; absent for custom containers. */
  modelFormat?: string;
  modelFormatVersion?: string;
  /** The runtime the spec names (`model.runtime`). */
  runtime?: string;
  /** The runtime KServe chose, from the status, when the spec names none. */
  selectedRuntime?: string;
  /** The runtime image's version (`runtimeVersion`). */
  runtimeVersion?: string;
  protocolVersion?: string;
  /** `storageUri`, or a custom container's `STORAGE_URI` environment variable. */
  storageUri?: string;
  /** The storage spec form (`storage{key,path,schemaPath,parameters}`). */
  storage?: StorageSpec;
  /** Further storage URIs (`predictor.storageUris`). */
  storageUris?: string[];
  /** The custom container's image, or the image override of a model or shortcut. */
  image?: string;
  args?: string[];
  resources?: ResourceRequirements;
  gpu?: GpuRequirement;
  /** As written: `Serverless`/`Knative`, `RawDeployment`/`Standard`, `ModelMesh`. */
  deploymentMode: string;
  deploymentModeSource: DeploymentModeSource;
  /** `predictor.deploymentStrategy.type` (raw deployment), e.g. `RollingUpdate`. */
  deploymentStrategy?: string;
  minReplicas?: number;
  maxReplicas?: number;
  scaleTarget?: number;
  scaleMetric?: string;
  canaryTrafficPercent?: number;
  containerConcurrency?: number;
  timeout?: number;
  serviceAccountName?: string;
  batcher?: { maxBatchSize?: number; maxLatency?: number; timeout?: number };
  logger?: { mode?: string; url?: string };
  transformer?: InferenceServiceComponentSummary;
  explainer?: InferenceServiceComponentSummary;
}

/** The annotation that selects an InferenceService's deployment mode. @public */
export const KSERVE_DEPLOYMENT_MODE_ANNOTATION =
  'serving.kserve.io/deploymentMode';

/** KServe's default deployment mode when neither the annotation nor the status names one. */
const DEFAULT_DEPLOYMENT_MODE = 'Serverless';

/** The container KServe serves from: the one named `kserve-container`, else the first. */
function servingContainer(
  containers: ServingContainer[] | undefined,
): ServingContainer | undefined {
  return (
    containers?.find(c => c.name === 'kserve-container') ?? containers?.[0]
  );
}

function envValue(env: EnvVar[] | undefined, name: string): string | undefined {
  return env?.find(e => e.name === name)?.value;
}

function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length ? value : undefined;
}

/** The first `*\/gpu` limit, else request, of the given resources. */
function gpuOf(
  resources: ResourceRequirements | undefined,
): GpuRequirement | undefined {
  for (const list of [resources?.limits, resources?.requests]) {
    const entry = Object.entries(list ?? {}).find(([key]) =>
      key.endsWith('/gpu'),
    );
    if (entry) return { resource: entry[0], count: String(entry[1]) };
  }
  return undefined;
}

function componentSummary(
  component: ComponentSpec | undefined,
  art?: ArtExplainerSpec,
): InferenceServiceComponentSummary | undefined {
  if (!component) return undefined;
  if (art) {
    return defined({
      kind: 'art',
      type: art.type,
      image: art.image,
      storageUri: art.storageUri,
      resources: nonEmpty(art.resources),
    });
  }
  const container = servingContainer(component.containers);
  return defined({
    kind: 'containers',
    image: container?.image,
    storageUri: envValue(container?.env, 'STORAGE_URI'),
    resources: nonEmpty(container?.resources ?? component.resources),
  });
}

/** What the predictor serves, by the form it is written in. */
function predictorModel(
  predictor: PredictorSpec,
): Pick<
  InferenceServiceSummary,
  | 'predictorForm'
  | 'modelFormat'
  | 'modelFormatVersion'
  | 'runtime'
  | 'runtimeVersion'
  | 'protocolVersion'
  | 'storageUri'
  | 'storage'
  | 'image'
  | 'args'
  | 'resources'
> {
  const fromExtension = (spec: PredictorExtensionSpec) => ({
    runtimeVersion: spec.runtimeVersion,
    protocolVersion: spec.protocolVersion,
    storageUri: spec.storageUri ?? envValue(spec.env, 'STORAGE_URI'),
    storage: nonEmpty(spec.storage),
    image: spec.image,
    args: spec.args?.length ? spec.args : undefined,
    resources: nonEmpty(spec.resources ?? predictor.resources),
  });
  if (predictor.model) {
    const { model } = predictor;
    return {
      predictorForm: 'model',
      modelFormat: model.modelFormat?.name,
      modelFormatVersion: model.modelFormat?.version,
      runtime: model.runtime,
      ...fromExtension(model),
    };
  }
  const framework = KSERVE_FRAMEWORKS.find(f => predictor[f]);
  if (framework) {
    return {
      predictorForm: 'framework',
      modelFormat: framework,
      ...fromExtension(predictor[framework]!),
    };
  }
  const container = servingContainer(predictor.containers);
  if (container) {
    return {
      predictorForm: 'custom',
      image: container.image,
      args: container.args?.length ? container.args : undefined,
      storageUri: envValue(container.env, 'STORAGE_URI'),
      resources: nonEmpty(container.resources ?? predictor.resources),
    };
  }
  return { predictorForm: 'unknown' };
}

/** The annotation decides; else what KServe reports; else its default. */
function deploymentModeOf(
  isvc: InferenceService,
): Pick<InferenceServiceSummary, 'deploymentMode' | 'deploymentModeSource'> {
  const annotated =
    isvc.metadata.annotations?.[KSERVE_DEPLOYMENT_MODE_ANNOTATION];
  if (annotated) {
    return { deploymentMode: annotated, deploymentModeSource: 'annotation' };
  }
  const reported = isvc.status?.deploymentMode;
  if (reported) {
    return { deploymentMode: reported, deploymentModeSource: 'status' };
  }
  return {
    deploymentMode: DEFAULT_DEPLOYMENT_MODE,
    deploymentModeSource: 'default',
  };
}

/** Drops the keys whose value is undefined, so summaries compare and serialise cleanly. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * What an InferenceService serves and how: model format and version, runtime, storage (URI or
 * storage spec), image, protocol, deployment mode, scaling, resources and GPU, transformer and
 * explainer. Reads the `model` form, the legacy framework shortcuts and custom containers alike.
 *
 * @public
 */
export function inferenceServiceSummary(
  isvc: InferenceService,
): InferenceServiceSummary {
  const predictor: PredictorSpec = isvc.spec?.predictor ?? {};
  const model = predictorModel(predictor);
  const explainer = isvc.spec?.explainer;
  return defined<InferenceServiceSummary>({
    ...model,
    selectedRuntime: model.runtime
      ? undefined
      : isvc.status?.servingRuntimeName ??
        isvc.status?.clusterServingRuntimeName,
    storageUris: predictor.storageUris?.length
      ? predictor.storageUris.map(s => s.uri)
      : undefined,
    gpu: gpuOf(model.resources),
    ...deploymentModeOf(isvc),
    deploymentStrategy: predictor.deploymentStrategy?.type,
    minReplicas: predictor.minReplicas,
    maxReplicas: predictor.maxReplicas,
    scaleTarget: predictor.scaleTarget,
    scaleMetric: predictor.scaleMetric,
    canaryTrafficPercent: predictor.canaryTrafficPercent,
    containerConcurrency: predictor.containerConcurrency,
    timeout: predictor.timeout,
    serviceAccountName: predictor.serviceAccountName,
    batcher: predictor.batcher
      ? defined({
          maxBatchSize: predictor.batcher.maxBatchSize,
          maxLatency: predictor.batcher.maxLatency,
          timeout: predictor.batcher.timeout,
        })
      : undefined,
    logger: predictor.logger
      ? defined({ mode: predictor.logger.mode, url: predictor.logger.url })
      : undefined,
    transformer: componentSummary(isvc.spec?.transformer),
    explainer: componentSummary(explainer, explainer?.art),
  });
}

/**
 * Where the model comes from, as one line: the storage URI, or the storage spec's key and
 * path (`localMinIO: onnx/mnist.onnx`), or the custom image; undefined when none is stated.
 *
 * @public
 */
export function inferenceServiceModelSource(
  summary: InferenceServiceSummary,
): string | undefined {
  if (summary.storageUri) return summary.storageUri;
  const { storage } = summary;
  if (storage?.key || storage?.path) {
    return [storage.key, storage.path].filter(Boolean).join(': ');
  }
  return summary.image;
}
