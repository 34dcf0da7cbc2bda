import type { KubeObject } from '../../store/types';

const RBAC = 'rbac.authorization.k8s.io/v1';
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/** The API groups of the Kubeflow components. */
const KUBEFLOW_GROUPS = [
  'kubeflow.org',
  'tensorboard.kubeflow.org',
  'serving.kserve.io',
  'trainer.kubeflow.org',
  'sparkoperator.k8s.io',
  'pipelines.kubeflow.org',
];

const CORE_RESOURCES = [
  'pods',
  'pods/log',
  'pods/status',
  'services',
  'services/proxy',
  'persistentvolumeclaims',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'events',
  'resourcequotas',
  'limitranges',
];

function clusterRole(
  name: string,
  rules: Record<string, unknown>[],
  labels: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: { 'app.kubernetes.io/part-of': 'kubeflow-sandbox', ...labels },
    },
    rules,
  };
}

function kubeflowRules(verbs: string[]) {
  return [
    { apiGroups: [''], resources: CORE_RESOURCES, verbs },
    {
      apiGroups: ['apps', 'batch', 'autoscaling', 'networking.k8s.io'],
      resources: ['*'],
      verbs,
    },
    { apiGroups: KUBEFLOW_GROUPS, resources: ['*'], verbs },
  ];
}

/**
 * The ClusterRoles a Kubeflow install provides (kubeflow-admin / -edit / -view, flattened from
 * their aggregation) plus cluster-admin and its binding to `system:masters`.
 */
export function defaultRbacObjects(): KubeObject[] {
  return [
    clusterRole('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    clusterRole(
      'kubeflow-admin',
      [
        ...kubeflowRules([...READ, ...WRITE]),
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['roles', 'rolebindings'],
          verbs: [...READ, ...WRITE],
        },
      ],
      { 'rbac.authorization.kubeflow.org/aggregate-to-kubeflow-admin': 'true' },
    ),
    clusterRole('kubeflow-edit', kubeflowRules([...READ, ...WRITE]), {
      'rbac.authorization.kubeflow.org/aggregate-to-kubeflow-edit': 'true',
    }),
    clusterRole(
      'kubeflow-view',
      [
        ...kubeflowRules(READ).map(rule => ({
          ...rule,
          resources: rule.resources.filter(r => r !== 'secrets'),
        })),
        { apiGroups: [''], resources: ['services/proxy'], verbs: ['get'] },
      ],
      { 'rbac.authorization.kubeflow.org/aggregate-to-kubeflow-view': 'true' },
    ),
    {
      apiVersion: RBAC,
      kind: 'ClusterRoleBinding',
      metadata: { name: 'cluster-admin' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Group',
          name: 'system:masters',
        },
      ],
    },
  ];
}

/** Namespaces every cluster has. */
export const DEFAULT_NAMESPACES = ['default', 'kube-system', 'kubeflow'];
