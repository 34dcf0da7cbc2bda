import { APIRequestContext, expect, test } from '@playwright/test';

/** A guest sign-in's Backstage token (the guest contributes to team-vision and team-nlp). */
async function guest(request: APIRequestContext) {
  const response = await request.get(
    '/api/auth/guest/refresh?env=development',
    {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    },
  );
  expect(response.ok()).toBe(true);
  const token = (await response.json()).backstageIdentity.token;
  return { authorization: `Bearer ${token}` };
}

const clustersOf = async (response: any) =>
  ((await response.json()).items as any[]).map(i => i.cluster.name);

test('the Kubernetes plugin lends no one the portal’s rights on the Kubeflow cluster', async ({
  request,
}) => {
  const auth = await guest(request);

  // Its proxy would forward anything as the portal's identity: refused.
  const proxy = await request.get(
    '/api/kubernetes/proxy/api/v1/namespaces/team-nlp/secrets',
    { headers: { ...auth, 'backstage-kubernetes-cluster': 'sandbox' } },
  );
  expect(proxy.status()).toBe(403);

  // An entity anyone may see, annotated with a namespace the guest has no role in.
  const forecast = await request.post(
    '/api/kubernetes/resources/workloads/query',
    {
      headers: auth,
      data: { entityRef: 'component:default/forecast-api', auth: {} },
    },
  );
  expect(forecast.status()).toBe(200);
  expect(await clustersOf(forecast)).not.toContain('sandbox');

  // A namespace the guest edits: its notebook's pod is there.
  const notebook = await request.post(
    '/api/kubernetes/resources/workloads/query',
    {
      headers: auth,
      data: { entityRef: 'resource:sandbox/team-vision.defect-eda', auth: {} },
    },
  );
  const items = (await notebook.json()).items as any[];
  const pods = items
    .find(i => i.cluster.name === 'sandbox')
    ?.resources.find((r: any) => r.type === 'pods')?.resources;
  expect(pods?.length).toBeGreaterThan(0);

  // Secrets of a namespace the guest only views: not through the custom-resource query either.
  const secrets = await request.post('/api/kubernetes/resources/custom/query', {
    headers: auth,
    data: {
      entityRef: 'resource:sandbox/team-nlp.bert-experiments',
      auth: {},
      customResources: [{ group: '', apiVersion: 'v1', plural: 'secrets' }],
    },
  });
  expect(secrets.status()).toBe(200);
  expect(await clustersOf(secrets)).not.toContain('sandbox');
});
