/**
 * The Kubernetes object basics every Kubeflow resource shares (apimachinery's ObjectMeta and
 * Condition), limited to the fields the portal reads.
 */

/** Object metadata. @public */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Kubernetes resource as the API serves it. @public */
export interface KubeResource<TSpec = unknown, TStatus = unknown> {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: TSpec;
  status?: TStatus;
}

/** metav1.Condition / knative duck Condition: the common status condition shape. @public */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** The subset of core/v1 ResourceRequirements the portal shows. @public */
export interface ResourceRequirements {
  requests?: Record<string, string | number>;
  limits?: Record<string, string | number>;
}

/** A core/v1 EnvVar with a literal value (`valueFrom` is not read). @public */
export interface EnvVar {
  name: string;
  value?: string;
}

/** The subset of a core/v1 Container the portal shows. @public */
export interface Container {
  name: string;
  image?: string;
  resources?: ResourceRequirements;
}
