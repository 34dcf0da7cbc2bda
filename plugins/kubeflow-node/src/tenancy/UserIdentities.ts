import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
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
    return (await this.lookup(userEntityRef)).identity;
  }

  /**
   * The identity, or a NotAllowedError that says why there is none: the User entity is not in
   * the catalog (a portal that just started may not have read it yet), or it has no e-mail.
   */
  async requireIdentity(userEntityRef: string): Promise<Impersonation> {
    const { identity, found } = await this.lookup(userEntityRef);
    if (identity) return identity;
    throw new NotAllowedError(
      found
        ? `${userEntityRef} has no Kubeflow identity: the User entity has no e-mail (spec.profile.email)`
        : `${userEntityRef} is not in the catalog (yet): the portal acts on Kubeflow as the e-mail of your User entity. If the portal just started, retry in a minute; otherwise ask your platform team to add you`,
    );
  }

  private async lookup(
    userEntityRef: string,
  ): Promise<{ identity?: Impersonation; found: boolean }> {
    const hit = this.cache.get(userEntityRef);
    // Only found identities are reused: a user whose e-mail is added is seen at once.
    if (hit?.identity && Date.now() - hit.at < (this.options.ttlMs ?? 60_000)) {
      return { identity: hit.identity, found: true };
    }
    const user = await this.options.catalog.getEntityByRef(userEntityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    const identity = user
      ? this.options.tenancy.identityOf(user as UserEntityLike)
      : undefined;
    this.cache.set(userEntityRef, { identity, at: Date.now() });
    return { identity, found: !!user };
  }
}
