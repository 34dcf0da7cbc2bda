import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Impersonation } from '../clients/ClusterClient';
import { Tenancy, UserEntityLike } from './Tenancy';

/** The part of the catalog service the lookup needs. @public */
export interface UserEntityLookup {
  getEntityByRef(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<object | undefined>;
}

/**
 * The Kubeflow identity of a Backstage user entity ref: the User entity read from the catalog
 * (with the plugin's own credentials), mapped by {@link Tenancy.identityOf}, cached for a minute.
 * Shared by every backend package that acts on a cluster as a signed-in user.
 *
 * @public
 */
export class UserIdentities {
  private readonly cache = new Map<
    string,
    { identity?: Impersonation; at: number }
  >();

  constructor(
    private readonly options: {
      catalog: UserEntityLookup;
      auth: AuthService;
      tenancy: Tenancy;
      /** How long a lookup is reused, ms (default 60 s). */
      ttlMs?: number;
    },
  ) {}

  /** The identity, or undefined when the user is not in the catalog or has no e-mail. */
  async identityOf(userEntityRef: string): Promise<Impersonation | undefined> {
    const hit = this.cache.get(userEntityRef);
    // Only found identities are reused: a user whose e-mail is added is seen at once.
    if (hit?.identity && Date.now() - hit.at < (this.options.ttlMs ?? 60_000)) {
      return hit.identity;
    }
    const user = await this.options.catalog.getEntityByRef(userEntityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    const identity = user
      ? this.options.tenancy.identityOf(user as UserEntityLike)
      : undefined;
    this.cache.set(userEntityRef, { identity, at: Date.now() });
    return identity;
  }
}
