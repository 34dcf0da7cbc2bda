import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  clientOf,
  createNamespace,
  createNotebook,
  eventually,
  startTestSandbox,
} from '../__testUtils__/sandbox';
import { ClusterClient } from '../clients/ClusterClient';
import { listKubernetes } from '../clients/pagination';
import { CacheEvent } from './types';
import { WatchCache } from './WatchCache';

const NOTEBOOKS = '/apis/kubeflow.org/v1/notebooks';

async function serverNames(client: ClusterClient): Promise<string[]> {
  const list = await listKubernetes(client, { path: NOTEBOOKS });
  return list.items
    .map(n => `${n.metadata.namespace}/${n.metadata.name}`)
    .sort();
}

function cacheNames(cache: WatchCache, cluster = 'sandbox'): string[] {
  return cache
    .source(cluster, 'notebooks')
    .values()
    .map(n => `${n.metadata.namespace}/${n.metadata.name}`)
    .sort();
}

/** Counts events per object and kind, to prove nothing is missed or duplicated. */
function recorder(cache: WatchCache) {
  const events: CacheEvent[] = [];
  cache.subscribe(e => events.push(e));
  const added = (name: string) =>
    events.filter(e => e.type === 'ADDED' && e.object.metadata.name === name)
      .length;
  return { events, added };
}

describe('WatchCache against the sandbox', () => {
  let sandbox: Sandbox;
  let client: ClusterClient;
  let cache: WatchCache;

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    client = clientOf(sandbox);
    await createNamespace(client, 'team-a');
    for (let i = 0; i < 12; i++)
      await createNotebook(client, 'team-a', `nb-${i}`);
    cache = new WatchCache({
      clients: [client],
      pageSize: 5,
      idleMs: 3_000,
      resyncMs: 60_000,
    });
  });
  afterEach(async () => {
    cache.stop();
    await sandbox.stop();
  });

  it('lists paginated, then applies watch events as deltas', async () => {
    const { events, added } = recorder(cache);
    expect(await cache.list('sandbox', 'notebooks')).toHaveLength(12);
    await createNotebook(client, 'team-a', 'fresh');
    await client.request({
      method: 'PATCH',
      path: `/apis/kubeflow.org/v1/namespaces/team-a/notebooks/nb-1`,
      contentType: 'application/merge-patch+json',
      body: {
        metadata: {
          annotations: { 'kubeflow-resource-stopped': '2026-11-01T00:00:00Z' },
        },
      },
    });
    await client.request({
      method: 'DELETE',
      path: `/apis/kubeflow.org/v1/namespaces/team-a/notebooks/nb-2`,
    });
    await eventually(
      () =>
        events.some(
          e => e.type === 'DELETED' && e.object.metadata.name === 'nb-2',
        ),
      'the delete event',
    );
    expect(added('fresh')).toBe(1);
    expect(
      cache.source('sandbox', 'notebooks').get('team-a/nb-1').metadata
        .annotations,
    ).toEqual({ 'kubeflow-resource-stopped': '2026-11-01T00:00:00Z' });
    expect(cacheNames(cache)).toEqual(await serverNames(client));
    expect(cache.health('sandbox').state).toBe('synced');
  });

  it('converges after a cut watch and a restart that loses the watch history (410)', async () => {
    const { added } = recorder(cache);
    await cache.list('sandbox', 'notebooks');
    sandbox.faults.set({ cutWatches: true });
    await createNotebook(client, 'team-a', 'after-cut');
    sandbox.faults.set({ restart: true });
    await createNotebook(client, 'team-a', 'after-restart');
    await client.request({
      method: 'DELETE',
      path: `/apis/kubeflow.org/v1/namespaces/team-a/notebooks/nb-3`,
    });
    const expected = await serverNames(client);
    await eventually(
      () => JSON.stringify(cacheNames(cache)) === JSON.stringify(expected),
      'the cache to converge',
    );
    expect(added('after-cut')).toBe(1);
    expect(added('after-restart')).toBe(1);
    expect(added('nb-0')).toBe(1);
  });

  it('survives a sandbox restart on the same port, keeping its objects while it is down', async () => {
    const stateFile = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'kf-')),
      'state.json',
    );
    await sandbox.stop();
    const first = await startTestSandbox({ stateFile });
    const port = first.port;
    const firstClient = clientOf(first);
    await createNamespace(firstClient, 'team-a');
    await createNotebook(firstClient, 'team-a', 'kept');
    const restartCache = new WatchCache({
      clients: [firstClient],
      idleMs: 2_000,
      resyncMs: 60_000,
    });
    const { added } = recorder(restartCache);
    expect(await restartCache.list('sandbox', 'notebooks')).toHaveLength(1);
    await first.stop();
    await eventually(
      () => restartCache.health('sandbox').state !== 'synced',
      'the cluster to be seen as down',
    );
    // Never drop what is held because the source failed to answer.
    expect(cacheNames(restartCache)).toEqual(['team-a/kept']);
    sandbox = await startTestSandbox({ stateFile, port });
    const client2 = clientOf(sandbox);
    await createNotebook(client2, 'team-a', 'while-away');
    await eventually(
      () => cacheNames(restartCache).includes('team-a/while-away'),
      'the cache to reconnect',
      15_000,
    );
    expect(cacheNames(restartCache)).toEqual([
      'team-a/kept',
      'team-a/while-away',
    ]);
    expect(added('kept')).toBe(1);
    expect(restartCache.health('sandbox').state).toBe('synced');
    restartCache.stop();
  }, 30_000);
});

describe('WatchCache with two clusters, one of them hung', () => {
  it('serves the healthy cluster and reports the hung one, within its deadline', async () => {
    const healthy = await startTestSandbox();
    const hung = await startTestSandbox();
    try {
      const healthyClient = clientOf(healthy, 1_000);
      await createNamespace(healthyClient, 'team-a');
      await createNotebook(healthyClient, 'team-a', 'ok');
      hung.faults.set({ hangPathPrefix: '' });
      const hungClient = new ClusterClient({
        cluster: { ...clientOf(hung).cluster, name: 'hung' },
        timeoutMs: 1_000,
        backoff: { initialMs: 20, maxMs: 200 },
      });
      const cache = new WatchCache({ clients: [healthyClient, hungClient] });
      const started = Date.now();
      const [ok, failed] = await Promise.allSettled([
        cache.list('sandbox', 'notebooks', 3_000),
        cache.list('hung', 'notebooks', 3_000),
      ]);
      expect(ok.status).toBe('fulfilled');
      expect((ok as PromiseFulfilledResult<any[]>).value).toHaveLength(1);
      expect(failed.status).toBe('rejected');
      expect(Date.now() - started).toBeLessThan(6_000);
      const start = Date.now();
      await expect(
        hungClient.request({ path: '/version', retries: 0 }),
      ).rejects.toMatchObject({
        status: 0,
        reason: 'Timeout',
      });
      // A 1 s deadline, with room for a loaded machine: bounded, not hung.
      expect(Date.now() - start).toBeLessThan(3_000);
      expect(cache.health('sandbox').state).toBe('synced');
      expect(cache.health('hung').state).toBe('unreachable');
      cache.stop();
    } finally {
      hung.faults.clear();
      await Promise.all([healthy.stop(), hung.stop()]);
    }
  }, 20_000);
});
