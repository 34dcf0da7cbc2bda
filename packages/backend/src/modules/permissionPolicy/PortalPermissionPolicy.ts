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
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import { ProfileMemberships } from './ProfileMemberships';

/** Label an operator sets on a Kubeflow entity (or its cluster object) to show it to everyone. */
export const PUBLIC_LABEL = 'kubeflow.org/public';

/**
 * The portal's permission policy.
 *
 * - Catalog reads follow Kubeflow's tenancy: an entity that came from a Kubeflow cluster (the
 *   Kubeflow entity provider manages it: `backstage.io/managed-by-location: kubeflow:<cluster>`) is visible
 *   to the members of the profile that owns it (the profile's Group lists its owner and
 *   contributors) and a profile's Group to its members, as on the cluster, where only they can see
 *   a profile's namespace. Membership is the catalog's profile Groups as they are now
 *   ({@link ProfileMemberships}), not the ownership claims of the user's sign-in, which are as old
 *   as the sign-in: one made before the provider had read the profiles has none of them. Only
 *   profile groups (`group:<cluster>/<profile>`) and the user's own ref count as ownership of
 *   Kubeflow entities: an organisation group that the provider made the default owner of objects
 *   outside profiles (the `kubeflow` namespace) grants nothing the cluster does not. Entities
 *   labelled public are visible to all; everything else in the catalog stays visible to all, as
 *   Backstage's default.
 * - Kubeflow permissions (`kubeflow.*`) are granted to signed-in users; inside a namespace the
 *   cluster's RBAC then decides, checked per request (SubjectAccessReview) and enforced by
 *   impersonation.
 * - The Kubernetes plugin's proxy is denied: it forwards any request to a cluster as the portal's
 *   own identity, which would lend every user the portal's rights on the Kubeflow clusters.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  private readonly clusters: string[];
  private readonly memberships: Pick<ProfileMemberships, 'groupsOf'>;

  /** @param options.memberships - the profile Groups a user is a member of now */
  constructor(options: {
    kubeflowClusters?: string[];
    memberships: Pick<ProfileMemberships, 'groupsOf'>;
  }) {
    this.clusters = options.kubeflowClusters ?? [];
    this.memberships = options.memberships;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (request.permission.name.startsWith('kubeflow.')) {
      return {
        result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    if (isPermission(request.permission, kubernetesProxyPermission)) {
      return { result: AuthorizeResult.DENY };
    }
    if (isPermission(request.permission, catalogEntityReadPermission)) {
      // No user: an empty ref, which no group lists as a member.
      const userRef = user?.info.userEntityRef ?? '';
      const [first, ...rest] = this.clusters.map(cluster =>
        catalogConditions.hasAnnotation({
          annotation: ANNOTATION_LOCATION,
          value: `kubeflow:${cluster}`,
        }),
      );
      if (!first) return { result: AuthorizeResult.ALLOW }; // no Kubeflow cluster
      const claims = userRef
        ? [userRef, ...(await this.memberships.groupsOf(userRef))]
        : [];
      const fromClusters = [first, ...rest] as [typeof first, ...typeof rest];
      return createCatalogConditionalDecision(request.permission, {
        anyOf: [
          // Not read from a Kubeflow cluster (a repository's catalog-info, even one whose
          // kubeflow.org/* annotations point at a profile: it shows only what its file says,
          // and kubeflow-backend checks the profile for anything read from the cluster).
          { not: { anyOf: fromClusters } },
          catalogConditions.hasLabel({ label: PUBLIC_LABEL }),
          {
            allOf: [
              catalogConditions.isEntityKind({ kinds: ['Group'] }),
              catalogConditions.hasSpec({ key: 'members', value: userRef }),
            ],
          },
          catalogConditions.isEntityOwner({ claims }),
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
