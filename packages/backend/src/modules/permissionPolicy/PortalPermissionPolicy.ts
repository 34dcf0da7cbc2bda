import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/**
 * The portal's permission policy.
 *
 * Kubeflow permissions (`kubeflow.*`) are granted to signed-in users only: what a user may see or
 * change inside a namespace is then decided by the cluster's own RBAC (Profiles and contributor
 * RoleBindings), which the Kubeflow plugins check per request with SubjectAccessReview and enforce
 * by impersonation. Everything else keeps Backstage's default of allowing.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (request.permission.name.startsWith('kubeflow.')) {
      return {
        result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
