import { AccessLog } from '../api/auth/AccessLog';
import { authorize } from '../api/auth/rbac';
import { MemoryStore } from '../store/MemoryStore';
import type { ObjectStore } from '../store/types';

/** The identity a proxied request acts as. */
export interface RequestUser {
  name: string;
  groups: string[];
}

/**
 * Whether `user` may do `verb` on KFP `resource` (group `pipelines.kubeflow.org`) in
 * `namespace` — the SubjectAccessReview KFP's API server makes in multi-user mode, answered by
 * the sandbox's RBAC over the store's (Cluster)RoleBindings. Stores other than the sandbox's own
 * have no RBAC to consult and allow everything.
 */
export function canAccessNamespace(
  store: ObjectStore,
  user: RequestUser,
  namespace: string,
  verb: string,
  resource: string,
): boolean {
  if (!(store instanceof MemoryStore)) return true;
  const attrs = { verb, group: 'pipelines.kubeflow.org', resource, namespace };
  const decision = authorize(
    store,
    { name: user.name, groups: user.groups, admin: false },
    attrs,
  );
  AccessLog.of(store)?.record(user.name, attrs, decision, 'kfp');
  return decision.allowed;
}
