import { NotAllowedError } from '@backstage/errors';
import type { OidcAuthResult } from '@backstage/plugin-auth-backend-module-oidc-provider';
import type {
  OAuthAuthenticatorResult,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/**
 * Signs a person in as the User entity whose `spec.profile.email` is the verified e-mail of their
 * ID token — the identity Kubeflow knows them by (Dex's `email` claim is what the gateway puts in
 * `kubeflow-userid`). Exact match only: unlike the stock `emailMatchingUserEntityProfileEmail`
 * there is no retry without a `+tag`, since Kubeflow treats `a+x@…` and `a@…` as two people.
 * No matching entity, or no verified e-mail, refuses the sign-in; there is no fallback identity.
 */
export const verifiedEmailSignInResolver: SignInResolver<
  OAuthAuthenticatorResult<OidcAuthResult>
> = async (info, ctx) => {
  // The ID token has been verified by the OIDC client (signature, issuer, audience, nonce).
  const claims = info.result.fullProfile.tokenset.claims();
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  if (!email || claims.email_verified !== true) {
    throw new NotAllowedError(
      'Sign-in refused: the identity provider did not send a verified e-mail address.',
    );
  }
  try {
    return await ctx.signInWithCatalogUser({
      filter: { kind: 'User', 'spec.profile.email': email },
    });
  } catch (error) {
    if ((error as Error)?.name !== 'NotFoundError') throw error;
    throw new NotAllowedError(
      `Sign-in refused: no user in the portal's catalog has the e-mail ${email}. ` +
        'Ask your platform team to add you (a User entity with this spec.profile.email).',
    );
  }
};
