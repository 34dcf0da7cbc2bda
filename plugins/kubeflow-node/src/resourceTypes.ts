/** A Kubernetes resource type the cache can watch. @public */
export interface KubeResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  /** What the cache keeps of a high-volume type: a field selector on its list and watch. */
  fieldSelector?: string;
}

function trainingJob<K extends string>(kind: K) {
  return {
    group: 'kubeflow.org',
    version: 'v1',
    plural: `${kind.toLowerCase()}s` as `${Lowercase<K>}s`,
    kind,
    namespaced: true,
  } as const;
}

/**
 * The resource types the Kubeflow plugins read: the Kubeflow kinds from the official CRDs (at the
 * version the dashboards use), plus namespaces and role bindings for tenancy and events for the
 * pages.
 *
 * @public
 */
export const KUBEFLOW_RESOURCE_TYPES = {
  namespaces: {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
  },
  rolebindings: {
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    plural: 'rolebindings',
    kind: 'RoleBinding',
    namespaced: true,
  },
  profiles: {
    group: 'kubeflow.org',
    version: 'v1',
    plural: 'profiles',
    kind: 'Profile',
    namespaced: false,
  },
  notebooks: {
    group: 'kubeflow.org',
    version: 'v1',
    plural: 'notebooks',
    kind: 'Notebook',
    namespaced: true,
  },
  experiments: {
    group: 'kubeflow.org',
    version: 'v1beta1',
    plural: 'experiments',
    kind: 'Experiment',
    namespaced: true,
  },
  trials: {
    group: 'kubeflow.org',
    version: 'v1beta1',
    plural: 'trials',
    kind: 'Trial',
    namespaced: true,
  },
  inferenceservices: {
    group: 'serving.kserve.io',
    version: 'v1beta1',
    plural: 'inferenceservices',
    kind: 'InferenceService',
    namespaced: true,
  },
  // KServe's graphs of InferenceServices and its LLM serving kind (v1alpha1: what KServe 0.16
  // serves; later releases serve it beside v1alpha2).
  inferencegraphs: {
    group: 'serving.kserve.io',
    version: 'v1alpha1',
    plural: 'inferencegraphs',
    kind: 'InferenceGraph',
    namespaced: true,
  },
  llminferenceservices: {
    group: 'serving.kserve.io',
    version: 'v1alpha1',
    plural: 'llminferenceservices',
    kind: 'LLMInferenceService',
    namespaced: true,
  },
  trainjobs: {
    group: 'trainer.kubeflow.org',
    version: 'v1alpha1',
    plural: 'trainjobs',
    kind: 'TrainJob',
    namespaced: true,
  },
  // The Training Operator v1 jobs (kubeflow.org/v1) Kubeflow 1.10 installs beside Trainer v2.
  pytorchjobs: trainingJob('PyTorchJob'),
  tfjobs: trainingJob('TFJob'),
  mpijobs: trainingJob('MPIJob'),
  xgboostjobs: trainingJob('XGBoostJob'),
  jaxjobs: trainingJob('JAXJob'),
  paddlejobs: trainingJob('PaddleJob'),
  sparkapplications: {
    group: 'sparkoperator.k8s.io',
    version: 'v1beta2',
    plural: 'sparkapplications',
    kind: 'SparkApplication',
    namespaced: true,
  },
  scheduledsparkapplications: {
    group: 'sparkoperator.k8s.io',
    version: 'v1beta2',
    plural: 'scheduledsparkapplications',
    kind: 'ScheduledSparkApplication',
    namespaced: true,
  },
  // The notebook page's configurations (PodDefaults) and events (the notebook controller reissues
  // its pod's events on the Notebook, as the Jupyter web app shows them).
  poddefaults: {
    group: 'kubeflow.org',
    version: 'v1alpha1',
    plural: 'poddefaults',
    kind: 'PodDefault',
    namespaced: true,
  },
  events: {
    group: '',
    version: 'v1',
    plural: 'events',
    kind: 'Event',
    namespaced: true,
    // Only what the pages show (a cluster's events are many): the notebooks' own events, which
    // carry their pods' events reissued by the notebook controller.
    fieldSelector: 'involvedObject.kind=Notebook',
  },
} as const satisfies Record<string, KubeResourceType>;

/** Name of a type in {@link KUBEFLOW_RESOURCE_TYPES}. @public */
export type KubeflowResourceTypeName = keyof typeof KUBEFLOW_RESOURCE_TYPES;

/** API path of a type's collection, across namespaces or in one. @public */
export function collectionPath(
  type: KubeResourceType,
  namespace?: string,
): string {
  const base = type.group
    ? `/apis/${type.group}/${type.version}`
    : `/api/${type.version}`;
  const ns =
    namespace && type.namespaced
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `${base}${ns}/${type.plural}`;
}

/** API path of one object. @public */
export function objectPath(
  type: KubeResourceType,
  namespace: string | undefined,
  name: string,
): string {
  return `${collectionPath(type, namespace)}/${encodeURIComponent(name)}`;
}
