import type { KubeObject } from '../store/types';
import { controllerRef } from './ownership';

/** Labels every profile namespace gets (platform manifests' namespace-labels.yaml). */
export const PROFILE_NAMESPACE_LABELS: Record<string, string> = {
  'app.kubernetes.io/part-of': 'kubeflow-profile',
  'istio-injection': 'enabled',
  'katib.kubeflow.org/metrics-collector-injection': 'enabled',
  'pipelines.kubeflow.org/enabled': 'true',
  'serving.kubeflow.org/inferenceservice': 'enabled',
};

/** The profile's owner e-mail (`spec.owner.name`). */
export function profileOwner(profile: KubeObject): string {
  return ((profile.spec as any)?.owner?.name as string) ?? '';
}

/** The Namespace a Profile produces. */
export function profileNamespace(profile: KubeObject): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: profile.metadata.name,
      labels: { ...PROFILE_NAMESPACE_LABELS },
      annotations: { owner: profileOwner(profile) },
      ownerReferences: [controllerRef(profile)],
    },
  };
}

/** The owner's RoleBinding `namespaceAdmin` → ClusterRole kubeflow-admin. */
export function namespaceAdminBinding(profile: KubeObject): KubeObject {
  const owner = profileOwner(profile);
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      name: 'namespaceAdmin',
      namespace: profile.metadata.name,
      annotations: { user: owner, role: 'admin' },
      ownerReferences: [controllerRef(profile)],
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'kubeflow-admin',
    },
    subjects: [
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: owner },
    ],
  };
}

/** ServiceAccount `default-editor` / `default-viewer`. */
export function profileServiceAccount(
  profile: KubeObject,
  name: string,
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name,
      namespace: profile.metadata.name,
      ownerReferences: [controllerRef(profile)],
    },
  };
}

/** RoleBinding of a profile ServiceAccount to `kubeflow-edit` / `kubeflow-view`. */
export function serviceAccountBinding(
  profile: KubeObject,
  serviceAccount: string,
  clusterRole: string,
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      name: serviceAccount,
      namespace: profile.metadata.name,
      ownerReferences: [controllerRef(profile)],
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: clusterRole,
    },
    subjects: [
      {
        kind: 'ServiceAccount',
        name: serviceAccount,
        namespace: profile.metadata.name,
      },
    ],
  };
}

/** ResourceQuota `kf-resource-quota` from `spec.resourceQuotaSpec`, if the profile has one. */
export function profileResourceQuota(
  profile: KubeObject,
): KubeObject | undefined {
  const spec = (profile.spec as any)?.resourceQuotaSpec;
  if (!spec || Object.keys(spec).length === 0) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name: 'kf-resource-quota',
      namespace: profile.metadata.name,
      ownerReferences: [controllerRef(profile)],
    },
    spec,
  };
}

/**
 * A contributor RoleBinding as KFAM creates it (`user-<email>-clusterrole-<role>`, annotations
 * `user` and `role`), for seeds and tests.
 */
export function contributorBinding(
  namespace: string,
  user: string,
  role: 'admin' | 'edit' | 'view',
): KubeObject {
  const name = `User-${user}-ClusterRole-${role}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace, annotations: { user, role } },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: `kubeflow-${role}`,
    },
    subjects: [
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user },
    ],
  };
}
