import { expect, test } from '@playwright/test';
import { countSignIns, openInApp, signIn } from './signIn';

const sandbox = `http://127.0.0.1:${
  process.env.KUBEFLOW_SANDBOX_PORT ?? '7010'
}`;
const forecastingBindings = `${sandbox}/apis/rbac.authorization.k8s.io/v1/namespaces/team-forecasting/rolebindings`;
/** The contributor RoleBinding KFAM would make for the guest as a viewer of team-forecasting. */
const guestViewer = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'RoleBinding',
  metadata: {
    name: 'user-guest-example-com-clusterrole-view',
    namespace: 'team-forecasting',
    annotations: { user: 'guest@example.com', role: 'view' },
  },
  roleRef: {
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'ClusterRole',
    name: 'kubeflow-view',
  },
  subjects: [
    {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'User',
      name: 'guest@example.com',
    },
  ],
};

// The first journey (files run in name order): when the servers were just started, it signs in
// as soon as the portal is ready, before the catalog has read the cluster, as a person opening
// the portal at start-up does. Everything after the sign-in stays in the app (no reload, which
// would sign in again).
test('a guest who signs in at start-up sees their profiles’ entities in the catalog and search, without signing in again', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const issued = page.waitForResponse(
    r => new URL(r.url()).pathname === '/api/auth/guest/refresh',
  );
  await signIn(page);
  const signIns = countSignIns(page);
  // Whether this sign-in came before the catalog had the guest's profiles: the ownership claims
  // the auth backend stored for it (no `group:sandbox/…` then).
  const { token } = (await (await issued).json()).backstageIdentity;
  const userinfo = await page.request.get('/api/auth/v1/userinfo', {
    headers: { authorization: `Bearer ${token}` },
  });
  test.info().annotations.push({
    type: 'claims of the sign-in',
    description: (await userinfo.json()).claims.ent.join(' '),
  });

  /** An entity's title, as the catalog table and the search results show it. */
  const shown = (title: string) => page.getByText(title, { exact: true });
  /** The catalog's Kubeflow notebooks, opened anew in the app (away and back). */
  const openNotebooks = async () => {
    await openInApp(page, '/create');
    await openInApp(
      page,
      '/?filters[kind]=resource&filters[type]=kubeflow-notebook&filters[user]=all',
    );
    // A loaded two-core machine takes seconds to render the table.
    await expect(shown('defect-eda')).toBeVisible({ timeout: 15_000 });
  };

  // The guest contributes to team-vision and team-nlp, not to team-forecasting.
  await test.step('the catalog lists the notebooks of the guest’s profiles', async () => {
    await expect(async () => {
      await openNotebooks();
      await expect(shown('bert-experiments')).toBeVisible();
    }).toPass({ timeout: 90_000 });
    await expect(shown('demand-eda')).toHaveCount(0);
    await page.screenshot({
      path: 'e2e-screenshots/catalog-at-start-up.png',
      fullPage: true,
    });
  });

  await test.step('search finds them (the demo re-indexes every 30 s)', async () => {
    await expect(async () => {
      await openInApp(page, '/create');
      await openInApp(page, '/search?query=eda');
      await expect(shown('defect-eda').first()).toBeVisible({
        timeout: 15_000,
      });
    }).toPass({ timeout: 120_000 });
    await expect(shown('demand-eda')).toHaveCount(0);
  });

  // Whatever the timing of the start, this part needs more than the claims of the sign-in.
  await test.step('added to team-forecasting, then taken out, while signed in', async () => {
    const added = await page.request.post(forecastingBindings, {
      data: guestViewer,
    });
    expect(added.status()).toBe(201);
    try {
      await expect(async () => {
        await openNotebooks();
        // The table is rendered by now: a short look, then open it anew.
        await expect(shown('demand-eda')).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 60_000 });
    } finally {
      // The later journeys expect the guest in team-vision and team-nlp only.
      await page.request.delete(
        `${forecastingBindings}/${guestViewer.metadata.name}`,
      );
    }
    await expect(async () => {
      await openNotebooks();
      await expect(shown('demand-eda')).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
  });

  expect(signIns()).toBe(0);
});
