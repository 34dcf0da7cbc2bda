import { KubeResource } from './kubernetes';

/** Profile spec (kubeflow.org/v1, cluster-scoped). @public */
export interface ProfileSpec {
  owner: { kind: string; name: string };
  resourceQuotaSpec?: { hard?: Record<string, string | number> };
}

/** Profile status: the controller appends Failed conditions. @public */
export interface ProfileStatus {
  conditions?: Array<{ type?: string; status?: string; message?: string }>;
}

/** A Kubeflow Profile: a namespace with an owner. @public */
export type Profile = KubeResource<ProfileSpec, ProfileStatus>;
