import { Condition, KubeResource, ResourceRequirements } from './kubernetes';

/** The recommended `predictor.model` form of an InferenceService. @public */
export interface ModelSpec {
  modelFormat: { name: string; version?: string };
  runtime?: string;
  storageUri?: string;
  protocolVersion?: string;
  resources?: ResourceRequirements;
}

/** InferenceService spec (serving.kserve.io/v1beta1), the fields the portal reads and writes. @public */
export interface InferenceServiceSpec {
  predictor: {
    model?: ModelSpec;
    minReplicas?: number;
    maxReplicas?: number;
    canaryTrafficPercent?: number;
  };
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
  components?: { predictor?: ComponentStatus };
  modelStatus?: {
    transitionStatus?: string;
    states?: { activeModelState?: string; targetModelState?: string };
    lastFailureInfo?: { reason?: string; message?: string };
  };
  observedGeneration?: number;
}

/** A KServe InferenceService: a model serving endpoint. @public */
export type InferenceService = KubeResource<
  InferenceServiceSpec,
  InferenceServiceStatus
>;
