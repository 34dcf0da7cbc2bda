import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import http from 'http';
import request from 'supertest';
import { as, startKubeflowTestBackend } from '../__testUtils__/testBackend';

const runtimes = (namespace: string) =>
  `/api/kubeflow/clusters/sandbox/namespaces/${namespace}/servingruntimes`;

describe('serving runtime route against the sandbox', () => {
  let sandbox: Sandbox;
  let server: http.Server;
  let onCluster: (path: string, init?: RequestInit) => Promise<any>;

  beforeAll(async () => {
    ({ sandbox, server, onCluster } = await startKubeflowTestBackend());
    // A runtime of the profile's own, and a disabled one: both serve ONNX.
    for (const [name, disabled] of [
      ['vision-onnx', false],
      ['vision-onnx-old', true],
    ] as const) {
      await onCluster(
        '/apis/serving.kserve.io/v1alpha1/namespaces/team-vision/servingruntimes',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            apiVersion: 'serving.kserve.io/v1alpha1',
            kind: 'ServingRuntime',
            metadata: { name, namespace: 'team-vision' },
            spec: {
              disabled,
              supportedModelFormats: [
                { name: 'onnx', version: '1', autoSelect: true },
              ],
              containers: [{ name: 'kserve-container', image: 'onnx:1' }],
            },
          }),
        },
      );
    }
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('lists the runtimes for a format, the profile’s first, with the automatic pick', async () => {
    const res = await request(server)
      .get(runtimes('team-vision'))
      .query({ format: 'onnx', formatVersion: '1' })
      .set('Authorization', as('dave'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      format: 'onnx',
      formatVersion: '1',
      // The deploy action takes a profile's own runtime before the cluster's.
      automatic: 'vision-onnx',
      runtimes: [
        {
          name: 'vision-onnx',
          clusterScoped: false,
          disabled: false,
          autoSelect: true,
          formatVersion: '1',
        },
        {
          name: 'vision-onnx-old',
          clusterScoped: false,
          disabled: true,
          autoSelect: true,
          formatVersion: '1',
        },
        {
          name: 'kserve-tritonserver',
          clusterScoped: true,
          disabled: false,
          autoSelect: true,
          priority: 1,
          formatVersion: '1',
        },
      ],
    });
  });

  it('lists the cluster’s runtimes alone in a profile without its own', async () => {
    const res = await request(server)
      .get(runtimes('team-nlp'))
      .query({ format: 'SKLearn' })
      .set('Authorization', as('bob'));
    expect(res.status).toBe(200);
    expect(res.body.automatic).toBe('kserve-sklearnserver');
    expect(res.body.runtimes.map((r: any) => r.name)).toEqual([
      'kserve-sklearnserver',
    ]);
  });

  it('answers no runtime and no automatic pick for a format nothing serves', async () => {
    const res = await request(server)
      .get(runtimes('team-vision'))
      .query({ format: 'mlflow' })
      .set('Authorization', as('alice'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ format: 'mlflow', runtimes: [] });
  });

  it('refuses a user of another profile', async () => {
    const res = await request(server)
      .get(runtimes('team-vision'))
      .query({ format: 'onnx' })
      .set('Authorization', as('bob'));
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toMatch(/vision-onnx/);
  });

  it('rejects a missing or malformed query', async () => {
    const missing = await request(server)
      .get(runtimes('team-vision'))
      .set('Authorization', as('alice'));
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/format/);
    const bad = await request(server)
      .get(runtimes('team-vision'))
      .query({ format: 'onnx"; drop' })
      .set('Authorization', as('alice'));
    expect(bad.status).toBe(400);
    const unknown = await request(server)
      .get(runtimes('team-vision'))
      .query({ format: 'onnx', namespace: 'team-nlp' })
      .set('Authorization', as('alice'));
    expect(unknown.status).toBe(400);
  });
});
