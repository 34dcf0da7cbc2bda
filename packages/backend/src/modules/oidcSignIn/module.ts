import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  oidcAuthenticator,
  oidcSignInResolvers,
} from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { verifiedEmailSignInResolver } from './verifiedEmailSignInResolver';

/**
 * The `oidc` sign-in provider (Kubeflow's Dex, or any OpenID Connect issuer) from
 * `@backstage/plugin-auth-backend-module-oidc-provider`, configured under
 * `auth.providers.oidc.<env>`. Without a `signIn` block it signs people in by their verified
 * e-mail ({@link verifiedEmailSignInResolver}); a `signIn.resolvers` list in the config replaces
 * that with the module's stock resolvers.
 */
export const oidcSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'oidc-provider',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolver: verifiedEmailSignInResolver,
            signInResolverFactories: { ...oidcSignInResolvers },
          }),
        });
      },
    });
  },
});
