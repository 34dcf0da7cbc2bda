import { SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { signInProviders } from './signInProviders';

/** The portal's sign-in page: Kubeflow (OIDC) and/or the guest, as configured. */
export function PortalSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  return <SignInPage {...props} providers={signInProviders(configApi)} />;
}
