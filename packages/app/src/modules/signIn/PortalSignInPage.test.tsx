import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { oidcAuthApiRef } from './oidcAuthApi';
import { PortalSignInPage } from './PortalSignInPage';

const guest = { guest: { dangerouslyAllowOutsideDevelopment: true } };
const refusedGuest = { guest: { dangerouslyAllowOutsideDevelopment: false } };
// As the app sees production: the oidc object without its (backend-only) values.
const oidc = { oidc: {} };

async function renderPage(providers: object, oidcApi: object = {}) {
  const onSignInSuccess = jest.fn();
  // The page settles its providers' sessions on mount: render inside act.
  await act(async () => {
    renderInTestApp(
      <TestApiProvider apis={[[oidcAuthApiRef, oidcApi as any]]}>
        <PortalSignInPage onSignInSuccess={onSignInSuccess} />
      </TestApiProvider>,
      {
        config: {
          app: { title: 'Kubeflow Portal' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth: { environment: 'production', providers },
        },
      },
    );
  });
  return onSignInSuccess;
}

describe('PortalSignInPage', () => {
  it('offers the guest alone in the embedded default (the e2e journeys press Enter)', async () => {
    await renderPage(guest);
    expect(await screen.findByRole('button', { name: 'Enter' })).toBeVisible();
    expect(screen.queryByText('Kubeflow')).not.toBeInTheDocument();
  });

  it('offers Kubeflow sign-in and no guest in production', async () => {
    await renderPage({ ...refusedGuest, ...oidc });
    expect(await screen.findByText('Kubeflow')).toBeVisible();
    expect(
      screen.getByText('Sign in with your Kubeflow account'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign In' })).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Enter' }),
    ).not.toBeInTheDocument();
  });

  it('offers both when both are configured and allowed', async () => {
    await renderPage({ ...guest, ...oidc });
    expect(await screen.findByText('Kubeflow')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Enter' })).toBeVisible();
  });

  it('signs in through the oidc API when Kubeflow is chosen', async () => {
    const identity = {
      type: 'user',
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: ['user:default/alice'],
    };
    const oidcApi = {
      getBackstageIdentity: jest.fn(async () => ({
        id: 'alice',
        token: 'backstage-token',
        identity,
      })),
      getProfile: jest.fn(async () => ({ email: 'alice@example.com' })),
      signOut: jest.fn(),
    };
    const onSignInSuccess = await renderPage(
      { ...refusedGuest, ...oidc },
      oidcApi,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Sign In' }));
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalled());
    expect(oidcApi.getBackstageIdentity).toHaveBeenCalledWith({
      instantPopup: true,
    });
    const identityApi = onSignInSuccess.mock.calls[0][0];
    expect((await identityApi.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/alice',
    );
  });
});
