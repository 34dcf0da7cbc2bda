/**
 * Model Registry REST v1alpha3 objects. Ids and epoch times are strings; custom properties are
 * MetadataValue unions.
 */

/** A custom property value. @public */
export type MetadataValue =
  | { metadataType: 'MetadataStringValue'; string_value: string }
  | { metadataType: 'MetadataIntValue'; int_value: string }
  | { metadataType: 'MetadataDoubleValue'; double_value: number }
  | { metadataType: 'MetadataBoolValue'; bool_value: boolean }
  | { metadataType: 'MetadataStructValue'; struct_value: string }
  | { metadataType: 'MetadataProtoValue'; type: string; proto_value: string };

/** Fields every registry object has. @public */
export interface RegistryObject {
  id?: string;
  name?: string;
  description?: string;
  externalId?: string;
  customProperties?: Record<string, MetadataValue>;
  createTimeSinceEpoch?: string;
  lastUpdateTimeSinceEpoch?: string;
}

/** A registered model. @public */
export interface RegisteredModel extends RegistryObject {
  owner?: string;
  state?: 'LIVE' | 'ARCHIVED';
}

/** A version of a registered model. @public */
export interface ModelVersion extends RegistryObject {
  registeredModelId?: string;
  author?: string;
  state?: 'LIVE' | 'ARCHIVED';
}

/** The artifact (files) of a model version. @public */
export interface ModelArtifact extends RegistryObject {
  artifactType?: string;
  uri?: string;
  modelFormatName?: string;
  modelFormatVersion?: string;
  storageKey?: string;
  storagePath?: string;
  serviceAccountName?: string;
  /** Where the model came from, e.g. kind `kfp`, class `pipelinerun`, id = the run id. */
  modelSourceKind?: string;
  modelSourceClass?: string;
  modelSourceGroup?: string;
  modelSourceId?: string;
  modelSourceName?: string;
  state?:
    | 'UNKNOWN'
    | 'PENDING'
    | 'LIVE'
    | 'MARKED_FOR_DELETION'
    | 'DELETED'
    | 'ABANDONED'
    | 'REFERENCE';
}

/** A deployment of a model version, as the registry records it. @public */
export interface RegistryInferenceService extends RegistryObject {
  servingEnvironmentId?: string;
  registeredModelId?: string;
  modelVersionId?: string;
  runtime?: string;
  desiredState?: 'DEPLOYED' | 'UNDEPLOYED';
}

/** A paged list, as the registry serves it. @public */
export interface RegistryList<T> {
  items: T[];
  nextPageToken: string;
  pageSize: number;
  size: number;
}
