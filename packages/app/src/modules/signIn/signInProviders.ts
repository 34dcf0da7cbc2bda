import type { ConfigApi } from '@backstage/frontend-plugin-api';
import type { SignInProviderConfig } from '@backstage/core-components';
import { oidcAuthApiRef } from './oidcAuthApi';

/** The OIDC provider on the sign-in page. */
export const OIDC_PROVIDER: SignInProviderConfig = {
  id: 'oidc-auth-provider',
  title: 'Kubeflow',
  message: 'Sign in with your Kubeflow account',
  apiRef: oidcAuthApiRef,
};

/**
 * What the sign-in page offers, from the configuration the app sees: the OIDC provider when
 * `auth.providers.oidc` is configured, the guest when `auth.providers.guest` is and is not refused
 * outside development (`dangerouslyAllowOutsideDevelopment: false`, as in the production
 * overlay). With neither, the guest (Backstage's default page).
 */
export function signInProviders(
  config: ConfigApi,
): Array<'guest' | SignInProviderConfig> {
  const providers: Array<'guest' | SignInProviderConfig> = [];
  if (config.has('auth.providers.oidc')) providers.push(OIDC_PROVIDER);
  const guestRefused =
    config.getOptionalBoolean(
      'auth.providers.guest.dangerouslyAllowOutsideDevelopment',
    ) === false;
  if (config.has('auth.providers.guest') && !guestRefused)
    providers.push('guest');
  return providers.length ? providers : ['guest'];
}
