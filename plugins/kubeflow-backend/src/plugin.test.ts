import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import http from 'http';
import request from 'supertest';
import { as, startKubeflowTestBackend } from './__testUtils__/testBackend';

describe('kubeflow backend against the sandbox', () => {
  let sandbox: Sandbox;
  let server: http.Server;
  const notebooks =
    '/api/kubeflow/clusters/sandbox/namespaces/team-vision/notebooks';
  let onCluster: (path: string) => Promise<any>;

  beforeAll(async () => {
    ({ sandbox, server, onCluster } = await startKubeflowTestBackend({
      serviceAccountToken: 'secret-canary-123',
      dashboardUrl: 'https://kubeflow.example.com',
    }));
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('lists the clusters with their state and components, never a URL or token', async () => {
    const res = await request(server)
      .get('/api/kubeflow/clusters')
      .set('Authorization', as('alice'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        name: 'sandbox',
        title: 'Sandbox',
        dashboardUrl: 'https://kubeflow.example.com',
        components: expect.objectContaining({
          notebooks: true,
          serving: true,
          pipelines: true,
        }),
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(
      /secret-canary-123|127\.0\.0\.1/,
    );
  });

  it('lists the profiles a user may see, with their role', async () => {
    const res = await request(server)
      .get('/api/kubeflow/clusters/sandbox/profiles')
      .set('Authorization', as('erin'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { name: 'team-nlp', owner: 'bob@example.com', role: 'edit' },
      { name: 'team-vision', owner: 'alice@example.com', role: 'view' },
    ]);
  });

  it('shows a profile’s owner, contributors with roles, counts and quota to its members only', async () => {
    const res = await request(server)
      .get('/api/kubeflow/clusters/sandbox/profiles/team-vision')
      .set('Authorization', as('erin'));
    expect(res.status).toBe(200);
    expect(res.body.owner).toBe('alice@example.com');
    expect(res.body.contributors).toEqual(
      expect.arrayContaining([
        { user: 'dave@example.com', role: 'edit' },
        { user: 'erin@example.com', role: 'view' },
      ]),
    );
    expect(res.body.contributors.map((c: any) => c.user)).not.toContain(
      'alice@example.com',
    );
    expect(res.body.counts.notebooks).toBeGreaterThanOrEqual(3);
    expect(res.body.counts.endpoints).toBeGreaterThanOrEqual(1);
    const outsider = await request(server)
      .get('/api/kubeflow/clusters/sandbox/profiles/team-vision')
      .set('Authorization', as('bob'));
    expect(outsider.status).toBe(403);
  });

  it('serves a namespace’s notebooks with the Jupyter web app’s states', async () => {
    const res = await request(server)
      .get(notebooks)
      .set('Authorization', as('erin'));
    expect(res.status).toBe(200);
    const eda = res.body.find((n: any) => n.name === 'defect-eda');
    expect(eda).toMatchObject({
      namespace: 'team-vision',
      serverType: 'Jupyter',
      stopped: false,
      state: { phase: 'ready' },
      connectUrl:
        'https://kubeflow.example.com/notebook/team-vision/defect-eda/',
    });
    expect(res.body.find((n: any) => n.name === 'vscode-dev')).toMatchObject({
      serverType: 'VS Code',
      state: { phase: 'stopped' },
    });
  });

  it('stops and starts a notebook as the signed-in user, idempotently', async () => {
    const stop = await request(server)
      .post(`${notebooks}/resnet-finetune/stop`)
      .set('Authorization', as('dave'));
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ name: 'resnet-finetune', stopped: true });
    expect(['stopping', 'stopped']).toContain(stop.body.state.phase);
    const path =
      '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/resnet-finetune';
    const stoppedAt = (await onCluster(path)).metadata.annotations[
      'kubeflow-resource-stopped'
    ];
    expect(stoppedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const again = await request(server)
      .post(`${notebooks}/resnet-finetune/stop`)
      .set('Authorization', as('dave'));
    expect(again.status).toBe(200);
    expect(again.body.stopped).toBe(true);
    expect(
      (await onCluster(path)).metadata.annotations['kubeflow-resource-stopped'],
    ).toBe(stoppedAt);
    const start = await request(server)
      .post(`${notebooks}/resnet-finetune/start`)
      .set('Authorization', as('dave'));
    expect(start.body.stopped).toBe(false);
  });

  it('denies a viewer’s stop (403) and leaves the notebook untouched', async () => {
    const before = await onCluster(
      '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/defect-eda',
    );
    const res = await request(server)
      .post(`${notebooks}/defect-eda/stop`)
      .set('Authorization', as('erin'))
      .set('Impersonate-User', 'alice@example.com'); // a forged header changes nothing
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    const after = await onCluster(
      '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/defect-eda',
    );
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });

  it('denies another profile’s reads and users without a Kubeflow identity', async () => {
    const stranger = await request(server)
      .get(notebooks)
      .set('Authorization', as('bob'));
    expect(stranger.status).toBe(403);
    const noIdentity = await request(server)
      .get(notebooks)
      .set('Authorization', as('nomail'));
    expect(noIdentity.status).toBe(403);
    expect(noIdentity.body.error.message).toMatch(
      /no Kubeflow identity: the User entity has no e-mail/,
    );
    // Signed in, but the catalog has not (yet) read their User entity: say so, not "no e-mail".
    const unknown = await request(server)
      .get(notebooks)
      .set('Authorization', as('newcomer'));
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.message).toMatch(
      /user:default\/newcomer is not in the catalog \(yet\).*retry in a minute/,
    );
  });

  it('rejects bad input and unknown clusters with clear errors', async () => {
    const badName = await request(server)
      .get('/api/kubeflow/clusters/sandbox/namespaces/Team_Vision/notebooks')
      .set('Authorization', as('alice'));
    expect(badName.status).toBe(400);
    const unknown = await request(server)
      .get('/api/kubeflow/clusters/elsewhere/namespaces/team-vision/notebooks')
      .set('Authorization', as('alice'));
    expect(unknown.status).toBe(404);
    const replicas = await request(server)
      .post(
        '/api/kubeflow/clusters/sandbox/namespaces/team-vision/inferenceservices/resnet50-vision/replicas',
      )
      .set('Authorization', as('alice'))
      .send({ minReplicas: 5, maxReplicas: 2 });
    expect(replicas.status).toBe(400);
  });

  it('promotes a canary to all traffic and changes replicas', async () => {
    const base =
      '/api/kubeflow/clusters/sandbox/namespaces/team-vision/inferenceservices/resnet50-vision';
    const before = await request(server)
      .get(base)
      .set('Authorization', as('alice'));
    expect(before.body.canaryTrafficPercent).toBe(10);
    expect(before.body.traffic.find((t: any) => t.latest).percent).toBe(10);
    const promoted = await request(server)
      .post(`${base}/promote`)
      .set('Authorization', as('alice'));
    expect(promoted.status).toBe(200);
    expect(promoted.body.canaryTrafficPercent).toBeUndefined();
    const replicas = await request(server)
      .post(`${base}/replicas`)
      .set('Authorization', as('alice'))
      .send({ minReplicas: 1, maxReplicas: 4 });
    expect(replicas.body).toMatchObject({ minReplicas: 1, maxReplicas: 4 });
    const deadline = Date.now() + 10_000;
    let latest = 0;
    while (latest !== 100 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 100));
      const now = await request(server)
        .get(base)
        .set('Authorization', as('alice'));
      latest = now.body.traffic.find((t: any) => t.latest)?.percent;
    }
    expect(latest).toBe(100);
  });

  it('pushes a cluster change on the live channel within seconds', async () => {
    const address = server.address() as { port: number };
    const controller = new AbortController();
    const response = await fetch(
      `http://127.0.0.1:${address.port}/api/kubeflow/clusters/sandbox/namespaces/team-vision/events`,
      { headers: { authorization: as('alice') }, signal: controller.signal },
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await fetch(
      `${sandbox.url}/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/defect-eda`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify({ metadata: { labels: { touched: 'yes' } } }),
      },
    );
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes('"name":"defect-eda"') && Date.now() < deadline) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toMatch(
      /event: change\ndata: \{"cluster":"sandbox","resource":"notebooks","type":"MODIFIED","namespace":"team-vision","name":"defect-eda"\}/,
    );
  });
});
