import { kubeflowEntityName } from './entityModel';
import { inferenceServiceSummary } from './inferenceServiceSummary';
import {
  InferenceService,
  MetadataValue,
  ModelArtifact,
  ModelVersion,
  RegisteredModel,
  RegistryInferenceService,
} from './resources';

/** What the Model Registry holds, as the catalog and the pages need it. @public */
export interface RegistrySnapshot {
  models: RegisteredModel[];
  versions: ModelVersion[];
  /** Artifacts per model version id. */
  artifactsByVersion: Map<string, ModelArtifact[]>;
  inferenceServices: RegistryInferenceService[];
}

/** A custom property's plain value (string, number or boolean), or undefined for other kinds. @public */
export function metadataValuePlain(
  value: MetadataValue | undefined,
): string | number | boolean | undefined {
  switch (value?.metadataType) {
    case 'MetadataStringValue':
      return value.string_value;
    case 'MetadataDoubleValue':
      return value.double_value;
    case 'MetadataIntValue':
      return value.int_value === undefined
        ? undefined
        : Number(value.int_value);
    case 'MetadataBoolValue':
      return value.bool_value;
    default:
      return undefined;
  }
}

/** A string custom property. @public */
export function stringProperty(
  properties: Record<string, MetadataValue> | undefined,
  key: string,
): string | undefined {
  const value = properties?.[key];
  return value?.metadataType === 'MetadataStringValue'
    ? value.string_value
    : undefined;
}

/** The profile namespace a registry object belongs to (custom property `namespace`), if any. @public */
export function registryNamespaceOf(object: {
  customProperties?: Record<string, MetadataValue>;
}): string | undefined {
  return stringProperty(object.customProperties, 'namespace');
}

/** Entity names of a registered model (and of one of its versions): `<namespace|shared>.<model>[.<version>]`. @public */
export function modelEntityName(
  model: RegisteredModel,
  version?: ModelVersion,
): string {
  const scope = registryNamespaceOf(model) || 'shared';
  return version
    ? kubeflowEntityName(scope, model.name!, version.name!)
    : kubeflowEntityName(scope, model.name!);
}

/**
 * The model version an InferenceService serves: the registry's own records first (the ISVC's
 * labels, then an inference-service record of the same name), then the storage URI in
 * whichever form the predictor states it (`model`, a framework shortcut, a custom container).
 *
 * @public
 */
export function servedVersion(
  isvc: InferenceService,
  registry: RegistrySnapshot,
): { model: RegisteredModel; version: ModelVersion } | undefined {
  const labels = isvc.metadata.labels ?? {};
  const record =
    registry.inferenceServices.find(
      r =>
        r.id &&
        r.id === labels['modelregistry.kubeflow.org/inference-service-id'],
    ) ?? registry.inferenceServices.find(r => r.name === isvc.metadata.name);
  const versionId =
    labels['modelregistry.kubeflow.org/model-version-id'] ??
    record?.modelVersionId;
  let version = versionId
    ? registry.versions.find(v => v.id === versionId)
    : undefined;
  if (!version) {
    const uri = inferenceServiceSummary(isvc).storageUri?.replace(/\/+$/, '');
    if (uri) {
      for (const [id, artifacts] of registry.artifactsByVersion) {
        if (artifacts.some(a => a.uri?.replace(/\/+$/, '') === uri)) {
          version = registry.versions.find(v => v.id === id);
          break;
        }
      }
    }
  }
  const model = version
    ? registry.models.find(m => m.id === version!.registeredModelId)
    : undefined;
  return model && version ? { model, version } : undefined;
}

/** What produced a model version, as its custom properties in the registry name it. @public */
export interface ModelVersionProducer {
  kind: 'Notebook' | 'Pipeline run' | 'Katib experiment' | 'Training job';
  name: string;
  /** The producer's catalog entity; pipeline runs have none (they are not entities). */
  entityRef?: string;
}

const PRODUCER_PROPERTIES = [
  ['notebook', 'Notebook'],
  ['kfp_run_id', 'Pipeline run'],
  ['katib_experiment', 'Katib experiment'],
  ['trainjob', 'Training job'],
] as const;

/**
 * A version's producers, from the custom properties the registry links it with (`notebook`,
 * `kfp_run_id`, `katib_experiment`, `trainjob`), with the entity refs of those in `namespace`
 * on `cluster`. The catalog's `dependsOn` and the model page's lineage both come from here.
 * @public
 */
export function modelVersionProducers(
  cluster: string,
  namespace: string | undefined,
  version: ModelVersion,
): ModelVersionProducer[] {
  return PRODUCER_PROPERTIES.flatMap(([key, kind]) => {
    const name = stringProperty(version.customProperties, key);
    if (!name) return [];
    return [
      {
        kind,
        name,
        ...(namespace && kind !== 'Pipeline run'
          ? {
              entityRef: `resource:${cluster}/${kubeflowEntityName(
                namespace,
                name,
              )}`,
            }
          : {}),
      },
    ];
  });
}
