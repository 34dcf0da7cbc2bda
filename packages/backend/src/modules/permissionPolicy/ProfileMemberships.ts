import { AuthService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBEFLOW_ENTITY_TYPES } from '@kubeflow-backstage/plugin-kubeflow-common';

/**
 * The Kubeflow profiles a user is a member of now: the profile Groups that the Kubeflow entity
 * provider keeps in the catalog (members are the profile's owner and contributors, from its
 * RoleBindings), looked up by the user's ref and reused for a few seconds.
 *
 * A user's sign-in claims cannot stand in for this: they are the groups the catalog related the
 * user to when the token was issued, which at start-up (before the provider's first read, or
 * before it resolved the profiles' people) has no profile at all, and which keep a removed
 * contributor's profile until the next sign-in.
 */
export class ProfileMemberships {
  private readonly cache = new Map<
    string,
    { at: number; groups: Promise<string[]> }
  >();

  private constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      clusters: string[];
      ttlMs: number;
    },
  ) {}

  /**
   * @param options.clusters - the Kubeflow clusters whose profile Groups count
   * @param options.ttlMs - how long a lookup is reused (default 5 s): the longest a membership
   *   change waits, once the catalog has it, before reads follow it
   */
  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    clusters: string[];
    ttlMs?: number;
  }): ProfileMemberships {
    return new ProfileMemberships({ ttlMs: 5_000, ...options });
  }

  /** Refs of the profile Groups (`group:<cluster>/<profile>`) that list the user as a member. */
  async groupsOf(userEntityRef: string): Promise<string[]> {
    if (!userEntityRef || !this.options.clusters.length) return [];
    const now = Date.now();
    const hit = this.cache.get(userEntityRef);
    if (hit && now - hit.at < this.options.ttlMs) return hit.groups;
    const groups = this.lookup(userEntityRef);
    this.cache.set(userEntityRef, { at: now, groups });
    // A failed lookup is not remembered: the next request asks again.
    groups.catch(() => this.cache.delete(userEntityRef));
    if (this.cache.size > 1_000) this.prune(now);
    return groups;
  }

  private async lookup(userEntityRef: string): Promise<string[]> {
    const { catalog, auth, clusters } = this.options;
    const { items } = await catalog.getEntities(
      {
        // Only what the provider read from a cluster: a Group of the same name from any other
        // location grants nothing.
        filter: clusters.map(cluster => ({
          kind: 'Group',
          'spec.type': KUBEFLOW_ENTITY_TYPES.profile,
          [`metadata.annotations.${ANNOTATION_LOCATION}`]: `kubeflow:${cluster}`,
          'spec.members': userEntityRef,
        })),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return items.map(group => stringifyEntityRef(group));
  }

  private prune(now: number) {
    for (const [ref, entry] of this.cache) {
      if (now - entry.at >= this.options.ttlMs) this.cache.delete(ref);
    }
  }
}
