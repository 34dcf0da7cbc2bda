import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { clusterOf, startTestSandbox } from '../__testUtils__/sandbox';
import { ClusterClient } from './ClusterClient';

/** A ServiceAccount with a token Secret, as the sandbox authenticates bearer tokens. */
function serviceAccountToken(sandbox: Sandbox, name: string, token: string) {
  sandbox.store.create('serviceaccounts', {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: 'kubeflow' },
  });
  sandbox.store.create('secrets', {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'kubernetes.io/service-account-token',
    metadata: {
      name: `${name}-token`,
      namespace: 'kubeflow',
      annotations: { 'kubernetes.io/service-account.name': name },
    },
    data: { token: Buffer.from(token).toString('base64') },
  });
}

describe('ClusterClient in a pod (inCluster)', () => {
  let sandbox: Sandbox;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    serviceAccountToken(sandbox, 'portal-a', 'token-a');
    serviceAccountToken(sandbox, 'portal-b', 'token-b');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeflow-sa-'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await sandbox.stop();
  });

  const whoAmI = async (client: ClusterClient) => {
    // The portal identity has no grants here, so the 403 names who the cluster saw.
    const error = await client
      .request({ path: '/api/v1/secrets', retries: 0 })
      .catch(e => e);
    return /User "([^"]+)"/.exec(error.message)?.[1];
  };

  it('sends the mounted token and picks up a rotated one within a minute', async () => {
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'token-a\n');
    const client = new ClusterClient({
      cluster: {
        ...clusterOf(sandbox),
        authProvider: 'inCluster',
        serviceAccountTokenFile: tokenFile,
      },
    });
    expect(await whoAmI(client)).toBe(
      'system:serviceaccount:kubeflow:portal-a',
    );

    fs.writeFileSync(tokenFile, 'token-b\n');
    // Still cached: the file is read at most once a minute.
    expect(await whoAmI(client)).toBe(
      'system:serviceaccount:kubeflow:portal-a',
    );
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      expect(await whoAmI(client)).toBe(
        'system:serviceaccount:kubeflow:portal-b',
      );
    } finally {
      clock.mockRestore();
    }
  });

  it('never sends a configured token when the cluster is not told to use it', async () => {
    const client = new ClusterClient({
      cluster: {
        ...clusterOf(sandbox),
        authProvider: 'none',
        serviceAccountToken: 'token-a',
      },
    });
    // No credential: the sandbox's anonymous caller is its admin, so the list succeeds.
    const list = await client.request({ path: '/api/v1/secrets' });
    expect(list.kind).toBe('SecretList');
  });
});

describe('ClusterClient credentials by destination', () => {
  it('sends KFP its own token at an in-cluster KFP URL, and the cluster token only to the API server', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const server = http.createServer((req, res) => {
      seen.push([req.url!, req.headers.authorization]);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as any).port}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeflow-kfp-'));
    const kfpToken = path.join(dir, 'token');
    fs.writeFileSync(kfpToken, 'kfp-audience-token\n');
    try {
      const client = new ClusterClient({
        cluster: {
          name: 'c',
          title: 'c',
          url: `${base}/apiserver`,
          authProvider: 'serviceAccount',
          serviceAccountToken: 'cluster-token',
          pipelinesUrl: `${base}/kfp`,
          pipelinesTokenFile: kfpToken,
          modelRegistryUrl: `${base}/registry`,
        },
      });
      await client.request({ path: '/api/v1/namespaces' });
      await client.request({ path: `${base}/kfp/apis/v2beta1/healthz` });
      await client.request({ path: `${base}/registry/api/x` });
      expect(seen).toEqual([
        ['/apiserver/api/v1/namespaces', 'Bearer cluster-token'],
        ['/kfp/apis/v2beta1/healthz', 'Bearer kfp-audience-token'],
        ['/registry/api/x', undefined],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await new Promise(r => server.close(r));
    }
  });
});
