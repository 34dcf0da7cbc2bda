import type { KubeObject } from '../store/types';
import {
  contributorBinding,
  namespaceAdminBinding,
  profileNamespace,
  profileServiceAccount,
  profileResourceQuota,
  serviceAccountBinding,
} from '../controllers/profileObjects';
import { DEMO_PROFILES, type DemoProfile } from './demoIdentities';
import type { SeedWriter } from './seedObjects';

const RB = 'rolebindings.rbac.authorization.k8s.io';

/** The Profile object of a demo profile. */
export function demoProfileObject(profile: DemoProfile): KubeObject {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Profile',
    metadata: {
      name: profile.name,
      finalizers: ['profile-finalizer'],
      annotations: { description: profile.description },
    },
    spec: {
      owner: { kind: 'User', name: profile.owner },
      resourceQuotaSpec: {
        hard: {
          cpu: '32',
          memory: '128Gi',
          'requests.nvidia.com/gpu': '4',
          persistentvolumeclaims: '20',
        },
      },
    },
    status: {},
  };
}

/**
 * Profiles with what the profile controller and KFAM would have made by now: namespace,
 * owner binding, service accounts, quota, contributor bindings.
 */
export function seedProfiles(
  writer: SeedWriter,
  profiles: DemoProfile[] = DEMO_PROFILES,
): void {
  for (const p of profiles) {
    const profile = writer.create(
      'profiles.kubeflow.org',
      demoProfileObject(p),
    );
    writer.create('namespaces', profileNamespace(profile));
    writer.create(RB, namespaceAdminBinding(profile));
    for (const [sa, role] of [
      ['default-editor', 'kubeflow-edit'],
      ['default-viewer', 'kubeflow-view'],
    ]) {
      writer.create('serviceaccounts', profileServiceAccount(profile, sa));
      writer.create(RB, serviceAccountBinding(profile, sa, role));
    }
    const quota = profileResourceQuota(profile);
    if (quota) writer.create('resourcequotas', quota);
    for (const c of p.contributors)
      writer.create(RB, contributorBinding(p.name, c.user, c.role));
  }
}
