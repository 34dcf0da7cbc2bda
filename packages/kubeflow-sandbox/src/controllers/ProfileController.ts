import type { KubeObject } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { setCondition, type Condition } from './conditions';
import { ensureCreated } from './ownership';
import {
  namespaceAdminBinding,
  profileNamespace,
  profileOwner,
  profileResourceQuota,
  profileServiceAccount,
  serviceAccountBinding,
} from './profileObjects';

const FINALIZER = 'profile-finalizer';
const PROFILES = 'profiles.kubeflow.org';
const ROLEBINDINGS = 'rolebindings.rbac.authorization.k8s.io';

/**
 * Profile → Namespace (owner annotation, profile labels), owner RoleBinding `namespaceAdmin`,
 * ServiceAccounts default-editor/default-viewer with their bindings, ResourceQuota; finalizer
 * `profile-finalizer`; a namespace owned by someone else → condition Failed.
 */
export class ProfileController extends ReconcilingController {
  constructor() {
    super({
      name: 'profile-controller',
      primary: PROFILES,
      owned: ['namespaces', ROLEBINDINGS, 'serviceaccounts', 'resourcequotas'],
    });
  }

  protected reconcile(profile: KubeObject): void {
    const { store } = this.context;
    const name = profile.metadata.name!;
    if (profile.metadata.deletionTimestamp) {
      store.mutate(PROFILES, undefined, name, p => {
        p.metadata.finalizers = (p.metadata.finalizers ?? []).filter(
          f => f !== FINALIZER,
        );
      });
      return;
    }
    if (!(profile.metadata.finalizers ?? []).includes(FINALIZER)) {
      store.mutate(PROFILES, undefined, name, p => {
        p.metadata.finalizers = [...(p.metadata.finalizers ?? []), FINALIZER];
      });
    }
    const owner = profileOwner(profile);
    const existing = store.get('namespaces', undefined, name);
    if (existing) {
      const existingOwner = existing.metadata.annotations?.owner;
      if (existingOwner !== owner) {
        const message = `namespace already exist, but not owned by profile creator ${owner}`;
        this.setFailed(name, message);
        if (
          !((profile.status as any)?.conditions ?? []).some(
            (c: Condition) => c.message === message,
          )
        ) {
          this.context.recordEvent(profile, 'Warning', 'Failed', message);
        }
        return;
      }
      // Add missing profile labels; existing ones are not overwritten.
      const desired = profileNamespace(profile);
      store.mutate('namespaces', undefined, name, ns => {
        ns.metadata.labels = {
          ...desired.metadata.labels,
          ...ns.metadata.labels,
        };
      });
    } else {
      store.create('namespaces', profileNamespace(profile));
      this.context.recordEvent(
        profile,
        'Normal',
        'Created',
        `Created namespace ${name}`,
      );
    }
    ensureCreated(store, ROLEBINDINGS, namespaceAdminBinding(profile));
    for (const [sa, role] of [
      ['default-editor', 'kubeflow-edit'],
      ['default-viewer', 'kubeflow-view'],
    ]) {
      ensureCreated(
        store,
        'serviceaccounts',
        profileServiceAccount(profile, sa),
      );
      ensureCreated(
        store,
        ROLEBINDINGS,
        serviceAccountBinding(profile, sa, role),
      );
    }
    const quota = profileResourceQuota(profile);
    if (quota) {
      const current = store.get('resourcequotas', name, 'kf-resource-quota');
      if (!current) store.create('resourcequotas', quota);
      else if (JSON.stringify(current.spec) !== JSON.stringify(quota.spec)) {
        store.mutate('resourcequotas', name, 'kf-resource-quota', q => {
          q.spec = quota.spec;
        });
      }
    }
  }

  private setFailed(name: string, message: string): void {
    this.context.store.mutate(PROFILES, undefined, name, p => {
      const status = (p.status ?? {}) as { conditions?: Condition[] };
      // The real controller only appends {type: Failed, status, message} (no reason/times).
      if (
        (status.conditions ?? []).some(
          c => c.type === 'Failed' && c.message === message,
        )
      ) {
        return;
      }
      p.status = {
        ...status,
        conditions: setCondition(
          status.conditions,
          { type: 'Failed', status: 'True', message },
          [],
        ),
      };
    });
  }
}
