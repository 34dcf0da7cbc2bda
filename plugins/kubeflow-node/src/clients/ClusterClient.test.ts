import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'node:fs';
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
