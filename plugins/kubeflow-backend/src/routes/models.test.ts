import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import http from 'http';
import request from 'supertest';
import { as, startKubeflowTestBackend } from '../__testUtils__/testBackend';

const MR =
  '/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy/api/model_registry/v1alpha3';

describe('model routes against the sandbox', () => {
  let sandbox: Sandbox;
  let server: http.Server;
  let onCluster: (path: string) => Promise<any>;
  const resnet =
    '/api/kubeflow/clusters/sandbox/namespaces/team-vision/models/resnet50-vision';

  beforeAll(async () => {
    ({ sandbox, server, onCluster } = await startKubeflowTestBackend());
  }, 60_000);
  afterAll(() => sandbox.stop());

  const registryVersion = async (name: string) =>
    (await onCluster(`${MR}/model_versions?pageSize=100`)).items.find(
      (v: any) => v.name === name && v.description?.startsWith('resnet50'),
    );

  it('shows a model’s versions newest first, with artifacts, producers and deployments', async () => {
    const res = await request(server)
      .get(resnet)
      .set('Authorization', as('alice'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'resnet50-vision',
      namespace: 'team-vision',
      owner: 'alice@example.com',
      entityRef: 'resource:sandbox/team-vision.resnet50-vision',
    });
    expect(res.body.versions.map((v: any) => v.name)).toEqual([
      '2.0.0',
      '1.1.0',
      '1.0.0',
    ]);
    const [latest, , first] = res.body.versions;
    expect(first.state).toBe('ARCHIVED');
    expect(latest).toMatchObject({
      state: 'LIVE',
      author: 'alice@example.com',
      properties: { accuracy: 0.951, trainjob: 'resnet50-ddp' },
      artifacts: [
        {
          uri: 's3://models/team-vision/resnet50-vision/2.0.0/',
          format: 'onnx',
          sourceKind: 'kfp',
        },
      ],
      deployments: [
        {
          namespace: 'team-vision',
          name: 'resnet50-vision',
          entityRef: 'component:sandbox/team-vision.resnet50-vision',
          state: { phase: expect.any(String) },
        },
      ],
      // The catalog's name for it (dots in a version are replaced, with a hash).
      entityRef: expect.stringMatching(
        /^resource:sandbox\/team-vision\.resnet50-vision\.2-0-0-[0-9a-f]+$/,
      ),
    });
    expect(latest.producedBy).toEqual(
      expect.arrayContaining([
        {
          kind: 'Notebook',
          name: 'resnet-finetune',
          entityRef: 'resource:sandbox/team-vision.resnet-finetune',
        },
        {
          kind: 'Training job',
          name: 'resnet50-ddp',
          entityRef: 'resource:sandbox/team-vision.resnet50-ddp',
        },
        { kind: 'Pipeline run', name: expect.any(String) },
      ]),
    );
    expect(first.deployments).toEqual([]);
  });

  it('lists a profile’s models with their versions and deployments', async () => {
    const res = await request(server)
      .get('/api/kubeflow/clusters/sandbox/namespaces/team-nlp/models')
      .set('Authorization', as('bob'));
    expect(res.status).toBe(200);
    expect(res.body.map((m: any) => m.name)).toEqual(['bert-sentiment']);
    const [bert] = res.body;
    expect(bert.versions.map((v: any) => v.name)).toEqual(['v3', 'v2', 'v1']);
    // v3 is served by bert-sentiment; v1 by the failing sentiment-legacy.
    expect(bert.versions[0].deployments.map((d: any) => d.name)).toEqual([
      'bert-sentiment',
    ]);
    expect(bert.versions[2].deployments).toEqual([
      expect.objectContaining({
        name: 'sentiment-legacy',
        state: expect.objectContaining({ phase: 'error' }),
      }),
    ]);
    const outsider = await request(server)
      .get('/api/kubeflow/clusters/sandbox/namespaces/team-nlp/models')
      .set('Authorization', as('carol'));
    expect(outsider.status).toBe(403);
  });

  it('lets a viewer read, and nobody from another profile', async () => {
    const viewer = await request(server)
      .get(resnet)
      .set('Authorization', as('erin'));
    expect(viewer.status).toBe(200);
    const outsider = await request(server)
      .get(resnet)
      .set('Authorization', as('bob'));
    expect(outsider.status).toBe(403);
    expect(JSON.stringify(outsider.body)).not.toMatch(/2\.0\.0|s3:/);
    // The model exists, but not in the profile the route names.
    const elsewhere = await request(server)
      .get(
        '/api/kubeflow/clusters/sandbox/namespaces/team-nlp/models/resnet50-vision',
      )
      .set('Authorization', as('bob'));
    expect(elsewhere.status).toBe(404);
  });

  it('archives and restores a version as a contributor with edit, idempotently', async () => {
    const state = `${resnet}/versions/1.1.0/state`;
    const archive = await request(server)
      .post(state)
      .set('Authorization', as('dave'))
      .send({ state: 'ARCHIVED' });
    expect(archive.status).toBe(200);
    const archived = archive.body.versions.find((v: any) => v.name === '1.1.0');
    expect(archived.state).toBe('ARCHIVED');
    expect((await registryVersion('1.1.0')).state).toBe('ARCHIVED');
    const stamp = (await registryVersion('1.1.0')).lastUpdateTimeSinceEpoch;

    const again = await request(server)
      .post(state)
      .set('Authorization', as('dave'))
      .send({ state: 'ARCHIVED' });
    expect(again.status).toBe(200);
    expect((await registryVersion('1.1.0')).lastUpdateTimeSinceEpoch).toBe(
      stamp,
    );

    const restore = await request(server)
      .post(state)
      .set('Authorization', as('dave'))
      .send({ state: 'LIVE' });
    expect(
      restore.body.versions.find((v: any) => v.name === '1.1.0').state,
    ).toBe('LIVE');
    expect((await registryVersion('1.1.0')).state).toBe('LIVE');
  });

  it('denies a viewer’s archive and changes nothing; rejects bad input', async () => {
    const before = await registryVersion('2.0.0');
    const viewer = await request(server)
      .post(`${resnet}/versions/2.0.0/state`)
      .set('Authorization', as('erin'))
      .send({ state: 'ARCHIVED' });
    expect(viewer.status).toBe(403);
    expect(await registryVersion('2.0.0')).toEqual(before);

    const badState = await request(server)
      .post(`${resnet}/versions/2.0.0/state`)
      .set('Authorization', as('alice'))
      .send({ state: 'DELETED' });
    expect(badState.status).toBe(400);
    expect(badState.body.error.message).toMatch(/state/);
    const noVersion = await request(server)
      .post(`${resnet}/versions/9.9.9/state`)
      .set('Authorization', as('alice'))
      .send({ state: 'ARCHIVED' });
    expect(noVersion.status).toBe(404);
    expect(await registryVersion('2.0.0')).toEqual(before);
  });
});
