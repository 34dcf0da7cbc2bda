import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./PortalSignInPage')).PortalSignInPage,
  },
});

/** Sign-in: the OIDC API (`/api/auth/oidc`) and a page offering the configured providers. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi, signInPage],
});
