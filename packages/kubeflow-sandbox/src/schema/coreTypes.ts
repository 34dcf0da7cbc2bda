import type { ResourceType } from '../store/types';

/** A served type plus what discovery and the handlers need beyond the store contract. */
export interface ServedType extends ResourceType {
  /** Store key: `<plural>` for core, `<plural>.<group>` otherwise. */
  key: string;
  /** Verbs on the main resource, as discovery lists them. */
  verbs: string[];
  /** Extra subresources besides status (e.g. 'log', 'proxy'). */
  subresources: string[];
  /** CRD additionalPrinterColumns of the storage version, for Table output. */
  printerColumns?: PrinterColumn[];
  /** Whether the type comes from a CRD (served under the CRD's rules). */
  custom: boolean;
}

/** A CRD additionalPrinterColumn. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
}

const CRUD = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

interface CoreSpec {
  group: string;
  versions: string[];
  kind: string;
  plural: string;
  namespaced?: boolean;
  status?: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs?: string[];
  subresources?: string[];
}

function core(spec: CoreSpec): ServedType {
  const singular = spec.kind.toLowerCase();
  return {
    group: spec.group,
    version: spec.versions[0],
    versions: spec.versions,
    kind: spec.kind,
    listKind: `${spec.kind}List`,
    plural: spec.plural,
    singular,
    shortNames: spec.shortNames,
    categories: spec.categories,
    namespaced: spec.namespaced ?? true,
    statusSubresource: spec.status ?? false,
    key: spec.group ? `${spec.plural}.${spec.group}` : spec.plural,
    verbs: spec.verbs ?? CRUD,
    subresources: spec.subresources ?? [],
    custom: false,
  };
}

const ALL = ['all'];

/**
 * The built-in (non-CRD) types the sandbox serves: what Kubeflow's controllers create, what
 * kubectl and the Backstage Kubernetes plugin list, RBAC and access reviews.
 */
export function coreTypes(): ServedType[] {
  const v1 = ['v1'];
  return [
    core({
      group: '',
      versions: v1,
      kind: 'Namespace',
      plural: 'namespaces',
      namespaced: false,
      status: true,
      shortNames: ['ns'],
    }),
    core({
      group: '',
      versions: v1,
      kind: 'ServiceAccount',
      plural: 'serviceaccounts',
      shortNames: ['sa'],
    }),
    core({
      group: '',
      versions: v1,
      kind: 'Service',
      plural: 'services',
      status: true,
      shortNames: ['svc'],
      categories: ALL,
      subresources: ['proxy'],
    }),
    core({
      group: '',
      versions: v1,
      kind: 'Pod',
      plural: 'pods',
      status: true,
      shortNames: ['po'],
      categories: ALL,
      subresources: ['log'],
    }),
    core({
      group: '',
      versions: v1,
      kind: 'Event',
      plural: 'events',
      shortNames: ['ev'],
    }),
    core({
      group: '',
      versions: v1,
      kind: 'PersistentVolumeClaim',
      plural: 'persistentvolumeclaims',
      status: true,
      shortNames: ['pvc'],
    }),
    core({ group: '', versions: v1, kind: 'Secret', plural: 'secrets' }),
    core({
      group: '',
      versions: v1,
      kind: 'ConfigMap',
      plural: 'configmaps',
      shortNames: ['cm'],
    }),
    core({
      group: '',
      versions: v1,
      kind: 'ResourceQuota',
      plural: 'resourcequotas',
      status: true,
      shortNames: ['quota'],
    }),
    core({
      group: '',
      versions: v1,
      kind: 'LimitRange',
      plural: 'limitranges',
      shortNames: ['limits'],
    }),
    core({
      group: 'apps',
      versions: v1,
      kind: 'Deployment',
      plural: 'deployments',
      status: true,
      shortNames: ['deploy'],
      categories: ALL,
      subresources: ['scale'],
    }),
    core({
      group: 'apps',
      versions: v1,
      kind: 'StatefulSet',
      plural: 'statefulsets',
      status: true,
      shortNames: ['sts'],
      categories: ALL,
      subresources: ['scale'],
    }),
    core({
      group: 'apps',
      versions: v1,
      kind: 'ReplicaSet',
      plural: 'replicasets',
      status: true,
      shortNames: ['rs'],
      categories: ALL,
      subresources: ['scale'],
    }),
    core({
      group: 'apps',
      versions: v1,
      kind: 'DaemonSet',
      plural: 'daemonsets',
      status: true,
      shortNames: ['ds'],
      categories: ALL,
    }),
    core({
      group: 'batch',
      versions: v1,
      kind: 'Job',
      plural: 'jobs',
      status: true,
      categories: ALL,
    }),
    core({
      group: 'batch',
      versions: v1,
      kind: 'CronJob',
      plural: 'cronjobs',
      status: true,
      shortNames: ['cj'],
      categories: ALL,
    }),
    core({
      group: 'autoscaling',
      versions: ['v2', 'v1'],
      kind: 'HorizontalPodAutoscaler',
      plural: 'horizontalpodautoscalers',
      status: true,
      shortNames: ['hpa'],
      categories: ALL,
    }),
    core({
      group: 'networking.k8s.io',
      versions: v1,
      kind: 'Ingress',
      plural: 'ingresses',
      status: true,
      shortNames: ['ing'],
    }),
    core({
      group: 'rbac.authorization.k8s.io',
      versions: v1,
      kind: 'Role',
      plural: 'roles',
    }),
    core({
      group: 'rbac.authorization.k8s.io',
      versions: v1,
      kind: 'ClusterRole',
      plural: 'clusterroles',
      namespaced: false,
    }),
    core({
      group: 'rbac.authorization.k8s.io',
      versions: v1,
      kind: 'RoleBinding',
      plural: 'rolebindings',
    }),
    core({
      group: 'rbac.authorization.k8s.io',
      versions: v1,
      kind: 'ClusterRoleBinding',
      plural: 'clusterrolebindings',
      namespaced: false,
    }),
    core({
      group: 'authorization.k8s.io',
      versions: v1,
      kind: 'SubjectAccessReview',
      plural: 'subjectaccessreviews',
      namespaced: false,
      verbs: ['create'],
    }),
    core({
      group: 'authorization.k8s.io',
      versions: v1,
      kind: 'SelfSubjectAccessReview',
      plural: 'selfsubjectaccessreviews',
      namespaced: false,
      verbs: ['create'],
    }),
    core({
      group: 'authorization.k8s.io',
      versions: v1,
      kind: 'LocalSubjectAccessReview',
      plural: 'localsubjectaccessreviews',
      verbs: ['create'],
    }),
    core({
      group: 'authorization.k8s.io',
      versions: v1,
      kind: 'SelfSubjectRulesReview',
      plural: 'selfsubjectrulesreviews',
      namespaced: false,
      verbs: ['create'],
    }),
  ];
}

/** Kinds that are only ever created and answered, never stored. */
export const REVIEW_KINDS = new Set([
  'SelfSubjectRulesReview',
  'SubjectAccessReview',
  'SelfSubjectAccessReview',
  'LocalSubjectAccessReview',
]);
