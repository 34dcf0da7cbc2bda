import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { ANNOTATION_KUBEFLOW_CLUSTER } from '@kubeflow-backstage/plugin-kubeflow-common';

/** Label an operator sets on a Kubeflow entity (or its cluster object) to show it to everyone. */
export const PUBLIC_LABEL = 'kubeflow.org/public';

/**
 * The portal's permission policy.
 *
 * - Catalog reads follow Kubeflow's tenancy: an entity that came from a Kubeflow cluster is visible
 *   to the members of the profile that owns it (the profile's Group lists its owner and
 *   contributors), plus profile groups themselves and entities labelled public. Everything else in
 *   the catalog stays visible to all, as Backstage's default.
 * - Kubeflow permissions (`kubeflow.*`) are granted to signed-in users; inside a namespace the
 *   cluster's RBAC then decides, checked per request (SubjectAccessReview) and enforced by
 *   impersonation.
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
    if (isPermission(request.permission, catalogEntityReadPermission)) {
      return createCatalogConditionalDecision(request.permission, {
        anyOf: [
          {
            not: catalogConditions.hasAnnotation({
              annotation: ANNOTATION_KUBEFLOW_CLUSTER,
            }),
          },
          catalogConditions.isEntityKind({ kinds: ['Group'] }),
          catalogConditions.hasLabel({ label: PUBLIC_LABEL }),
          catalogConditions.isEntityOwner({
            claims: user?.info.ownershipEntityRefs ?? [],
          }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
