import { ClusterClient, Impersonation } from '../clients/ClusterClient';

/** A namespaced (or cluster-scoped) operation on a resource. @public */
export interface ResourceOperation {
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** How Backstage users map to Kubeflow identities. @public */
export interface IdentityMapping {
  /** `email` (the User entity's spec.profile.email, Kubeflow's default) or `name`. */
  from: 'email' | 'name';
  /** Appended to the entity name when `from: name`, e.g. `@example.com`. */
  nameSuffix?: string;
}

/** The User entity fields the mapping reads. @public */
export interface UserEntityLike {
  metadata: { name: string };
  spec?: { profile?: { email?: string } };
}

/**
 * Tenancy, as Kubeflow decides it: the Kubeflow identity of a Backstage user, SubjectAccessReview
 * checks (cached briefly) made with the portal's identity, and the impersonation that makes the
 * cluster enforce RBAC on the user's own writes.
 *
 * @public
 */
export class Tenancy {
  private readonly cache = new Map<
    string,
    { allowed: boolean; expires: number }
  >();

  constructor(
    private readonly options: {
      clients: Map<string, ClusterClient>;
      mapping?: IdentityMapping;
      /** How long a decision is reused, ms (default 10 s). */
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  /** The Kubeflow identity of a user entity, or undefined when it has none (no e-mail). */
  identityOf(user: UserEntityLike): Impersonation | undefined {
    const mapping = this.options.mapping ?? { from: 'email' };
    const id =
      mapping.from === 'email'
        ? user.spec?.profile?.email
        : `${user.metadata.name}${mapping.nameSuffix ?? ''}`;
    return id ? { user: id, groups: [] } : undefined;
  }

  /** Whether the identity may perform the operation on the cluster (SubjectAccessReview). */
  async can(
    cluster: string,
    identity: Impersonation,
    operation: ResourceOperation,
  ): Promise<boolean> {
    const key = JSON.stringify([
      cluster,
      identity.user,
      identity.groups,
      operation,
    ]);
    const now = (this.options.now ?? Date.now)();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.allowed;
    const client = this.client(cluster);
    const review = await client.request({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: identity.user,
          groups: identity.groups ?? [],
          resourceAttributes: {
            verb: operation.verb,
            group: operation.group,
            resource: operation.resource,
            namespace: operation.namespace,
            name: operation.name,
            subresource: operation.subresource,
          },
        },
      },
      retries: 2,
    });
    const allowed = review?.status?.allowed === true;
    this.cache.set(key, {
      allowed,
      expires: now + (this.options.ttlMs ?? 10_000),
    });
    if (this.cache.size > 10_000) this.prune(now);
    return allowed;
  }

  /** Of the given namespaces, those where the identity may list the resource. */
  async readableNamespaces(
    cluster: string,
    identity: Impersonation,
    namespaces: string[],
    resource: { group: string; resource: string },
  ): Promise<string[]> {
    const decisions = await Promise.all(
      namespaces.map(namespace =>
        this.can(cluster, identity, { verb: 'list', ...resource, namespace }),
      ),
    );
    return namespaces.filter((_, i) => decisions[i]);
  }

  private client(cluster: string): ClusterClient {
    const client = this.options.clients.get(cluster);
    if (!client) throw new Error(`Unknown Kubeflow cluster '${cluster}'`);
    return client;
  }

  private prune(now: number) {
    for (const [key, value] of this.cache) {
      if (value.expires <= now) this.cache.delete(key);
    }
  }
}
