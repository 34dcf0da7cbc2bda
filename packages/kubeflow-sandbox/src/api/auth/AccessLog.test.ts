import { startSandbox, Sandbox } from '../../sandbox';

const PORTAL = 'system:serviceaccount:portal:backstage';

describe('AccessLog (recordAccess)', () => {
  let sandbox: Sandbox;
  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  };
  const asPortal = { authorization: 'Bearer portal-token' };

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'demo',
      controllers: false,
      recordAccess: true,
      logger: { warn: () => {} },
    });
    const { store } = sandbox;
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'portal' },
    });
    store.create('serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'backstage', namespace: 'portal' },
    });
    store.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: 'backstage-token',
        namespace: 'portal',
        annotations: { 'kubernetes.io/service-account.name': 'backstage' },
      },
      data: { token: Buffer.from('portal-token').toString('base64') },
    });
    store.create('clusterroles.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'portal' },
      rules: [
        { apiGroups: ['kubeflow.org'], resources: ['notebooks'], verbs: ['list'] },
        { apiGroups: [''], resources: ['users'], verbs: ['impersonate'] },
        {
          apiGroups: [''],
          resources: ['services/proxy'],
          resourceNames: ['ml-pipeline:8888'],
          verbs: ['get'],
        },
      ],
    });
    store.create('clusterrolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'portal' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'portal' },
      subjects: [{ kind: 'ServiceAccount', name: 'backstage', namespace: 'portal' }],
    });
  });
  afterAll(() => sandbox.stop());

  it('records what a caller was allowed and denied, its impersonations and KFP checks, not review subjects', async () => {
    sandbox.accessLog!.clear();
    expect(
      (await call('GET', '/apis/kubeflow.org/v1/notebooks', { headers: asPortal }))
        .status,
    ).toBe(200);
    expect(
      (await call('GET', '/api/v1/namespaces/kubeflow/secrets', { headers: asPortal }))
        .status,
    ).toBe(403);
    // As alice: the portal's right to impersonate her, then her own access.
    await call('GET', '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks', {
      headers: { ...asPortal, 'Impersonate-User': 'alice@example.com' },
    });
    // A review about bob is an answer, not bob's access.
    await call('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: 'bob@example.com',
          resourceAttributes: { verb: 'list', resource: 'notebooks', group: 'kubeflow.org', namespace: 'team-nlp' },
        },
      },
    });
    await call(
      'GET',
      '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/apis/v2beta1/pipelines?namespace=team-vision',
      { headers: asPortal },
    );

    const portal = sandbox.accessLog!.records(PORTAL);
    expect(portal).toEqual([
      expect.objectContaining({ verb: 'list', group: 'kubeflow.org', resource: 'notebooks', allowed: true, source: 'request' }),
      expect.objectContaining({ verb: 'list', group: '', resource: 'secrets', namespace: 'kubeflow', allowed: false }),
      expect.objectContaining({ verb: 'impersonate', resource: 'users', name: 'alice@example.com', allowed: true, source: 'impersonation' }),
      expect.objectContaining({ verb: 'get', resource: 'services/proxy', name: 'ml-pipeline:8888', allowed: true }),
      expect.objectContaining({ verb: 'list', group: 'pipelines.kubeflow.org', resource: 'pipelines', namespace: 'team-vision', allowed: false, source: 'kfp' }),
    ]);
    expect(sandbox.accessLog!.records('alice@example.com')).toEqual([
      expect.objectContaining({ verb: 'list', resource: 'notebooks', namespace: 'team-vision', allowed: true }),
    ]);
    expect(sandbox.accessLog!.records('bob@example.com')).toEqual([]);
    const served = await call('GET', '/sandbox/access');
    expect(served.body.records).toHaveLength(sandbox.accessLog!.records().length);
  });

  it('records nothing unless asked', async () => {
    const plain = await startSandbox({ port: 0, seed: 'none', controllers: false, logger: { warn: () => {} } });
    try {
      expect(plain.accessLog).toBeUndefined();
      expect((await fetch(`${plain.url}/sandbox/access`)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
