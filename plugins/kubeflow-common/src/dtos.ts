import { InferenceServiceSummary } from './inferenceServiceSummary';
import { ModelVersionProducer } from './registry';
import { DisplayState } from './status/types';

/** A cluster as the pages show it: never a URL or credential. @public */
export interface ClusterStatusDto {
  name: string;
  title: string;
  dashboardUrl?: string;
  /** synced, stale (since), unreachable, initializing. */
  state: 'synced' | 'stale' | 'unreachable' | 'initializing';
  staleSince?: string;
  lastError?: string;
  /** Components the cluster has; absent ones are false. */
  components?: {
    notebooks: boolean;
    serving: boolean;
    pipelines: boolean;
    modelRegistry: boolean;
    katib: boolean;
    training: boolean;
    spark: boolean;
  };
}

/** A profile the caller may see, with their role in it. @public */
export interface ProfileDto {
  name: string;
  owner?: string;
  /** The caller's role: owner, edit or view (from the RoleBindings Kubeflow writes). */
  role?: string;
}

/** A notebook server on a page. @public */
export interface NotebookDto {
  cluster: string;
  namespace: string;
  name: string;
  state: DisplayState;
  serverType: string;
  image?: string;
  cpu?: string;
  memory?: string;
  gpus?: string;
  lastActivity?: string;
  createdAt?: string;
  /** Where to open it, when the Kubeflow dashboard URL is configured. */
  connectUrl?: string;
  stopped: boolean;
  /** Volumes mounted in the server: a claim (or another source) at a path. */
  volumes?: Array<{ name: string; mountPath?: string; claimName?: string }>;
  /** The PodDefaults (JWA "configurations") the notebook opts into, with their descriptions. */
  configurations?: Array<{ name: string; description?: string }>;
}

/** A Kubernetes event about an object, as a page's event list shows it. @public */
export interface EventDto {
  type: 'Normal' | 'Warning' | string;
  reason?: string;
  message?: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  /** `Kind/name` of the object the event is about. */
  object: string;
}

/**
 * An InferenceService on a page: what it serves and how ({@link inferenceServiceSummary}, the
 * same values the catalog shows), its state, URL, traffic split and conditions. @public
 */
export interface EndpointDto extends InferenceServiceSummary {
  cluster: string;
  namespace: string;
  name: string;
  state: DisplayState;
  url?: string;
  traffic: Array<{
    revision?: string;
    percent: number;
    latest: boolean;
    tag?: string;
  }>;
  conditions: Array<{
    type: string;
    status: string;
    reason?: string;
    message?: string;
  }>;
}

/** A change pushed on the live channel. @public */
export interface LiveChangeDto {
  cluster: string;
  resource: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  namespace?: string;
  name?: string;
}

/** One profile's page: its people, what it holds and its quota. @public */
export interface ProfileDetailsDto {
  name: string;
  owner?: string;
  /** Contributors as Kubeflow records them (RoleBindings annotated `user` and `role`). */
  contributors: Array<{ user: string; role: string }>;
  /** Objects per kind in the namespace; a kind the cluster lacks is absent. */
  counts: Partial<
    Record<
      | 'notebooks'
      | 'endpoints'
      | 'katibExperiments'
      | 'trainJobs'
      | 'sparkApplications',
      number
    >
  >;
  /** `spec.resourceQuotaSpec.hard`, when set. */
  quota?: Record<string, string | number>;
}

/** Where a model version is served: an InferenceService and its state. @public */
export interface ModelDeploymentDto {
  cluster: string;
  namespace: string;
  name: string;
  state: DisplayState;
  url?: string;
  /** The endpoint's catalog entity. */
  entityRef: string;
}

/** One version of a registered model, as the model page shows it. @public */
export interface ModelVersionDto {
  id: string;
  name: string;
  state: 'LIVE' | 'ARCHIVED';
  author?: string;
  description?: string;
  createdAt?: string;
  updatedAt?: string;
  /** Custom properties (metrics, producer links) as plain values. */
  properties: Record<string, string | number | boolean>;
  artifacts: Array<{
    name?: string;
    uri?: string;
    format?: string;
    formatVersion?: string;
    /** The source that produced it, e.g. `kfp` and a run id. */
    sourceKind?: string;
    sourceId?: string;
  }>;
  deployments: ModelDeploymentDto[];
  /** What produced it (its lineage upstream), from the registry's links. */
  producedBy: ModelVersionProducer[];
  /** The version's catalog entity. */
  entityRef: string;
}

/** A registered model with its versions and where each is deployed. @public */
export interface ModelDto {
  cluster: string;
  id: string;
  name: string;
  /** The profile the model belongs to; shared models have none. */
  namespace?: string;
  owner?: string;
  description?: string;
  state: 'LIVE' | 'ARCHIVED';
  createdAt?: string;
  updatedAt?: string;
  /** Newest first. */
  versions: ModelVersionDto[];
  entityRef: string;
}
