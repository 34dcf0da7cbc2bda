import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import {
  clientOf,
  createNamespace,
  createNotebook,
  startTestSandbox,
} from '../__testUtils__/sandbox';
import { ClusterClient, ClusterRequest } from './ClusterClient';
import { listKfp, listKubernetes, listModelRegistry } from './pagination';

describe('pagination against the sandbox', () => {
  let sandbox: Sandbox;
  let client: ClusterClient;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    client = clientOf(sandbox);
    await createNamespace(client, 'team-a');
    for (let i = 0; i < 23; i++) {
      await createNotebook(
        client,
        'team-a',
        `nb-${String(i).padStart(2, '0')}`,
      );
    }
  });
  afterAll(() => sandbox.stop());

  it('reads every object with a page size smaller than the data, each page limited', async () => {
    const limits: unknown[] = [];
    const spy = new (class extends ClusterClient {
      request<T>(req: ClusterRequest): Promise<T> {
        limits.push(req.query?.limit);
        return super.request(req);
      }
    })({ cluster: client.cluster });
    const list = await listKubernetes(spy, {
      path: '/apis/kubeflow.org/v1/notebooks',
      pageSize: 5,
    });
    expect(list.items.map(n => n.metadata.name)).toEqual(
      Array.from({ length: 23 }, (_, i) => `nb-${String(i).padStart(2, '0')}`),
    );
    expect(list.items[0].kind).toBe('Notebook');
    expect(Number(list.resourceVersion)).toBeGreaterThan(0);
    expect(limits).toEqual([5, 5, 5, 5, 5]);
  });

  it('restarts the list when the continue token expires mid-list (410)', async () => {
    let pages = 0;
    const flaky = new (class extends ClusterClient {
      async request<T>(req: ClusterRequest): Promise<T> {
        const result = await super.request<T>(req);
        if (++pages === 2) {
          // An apiserver restart between pages: the next continue token is too old.
          sandbox.faults.set({ restart: true });
          await createNotebook(client, 'team-a', 'nb-late');
        }
        return result;
      }
    })({ cluster: client.cluster });
    const list = await listKubernetes(flaky, {
      path: '/apis/kubeflow.org/v1/notebooks',
      pageSize: 5,
    });
    const names = list.items.map(n => n.metadata.name);
    expect(names).toContain('nb-late');
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(24);
    expect(pages).toBeGreaterThan(5);
  });

  it('reads KFP and Model Registry collections page by page', async () => {
    const kfpBase = client.cluster.pipelinesUrl;
    for (let i = 0; i < 5; i++) {
      await client.request({
        method: 'POST',
        path: `${kfpBase}/apis/v2beta1/experiments`,
        body: { display_name: `exp-${i}`, namespace: 'team-a' },
      });
    }
    const experiments = await listKfp(client, {
      url: `${kfpBase}/apis/v2beta1/experiments`,
      itemsKey: 'experiments',
      query: { namespace: 'team-a' },
      pageSize: 2,
    });
    expect(experiments.map(e => e.display_name)).toEqual(
      expect.arrayContaining(['exp-0', 'exp-1', 'exp-2', 'exp-3', 'exp-4']),
    );

    const mrBase = `${client.cluster.modelRegistryUrl}/api/model_registry/v1alpha3`;
    for (let i = 0; i < 7; i++) {
      await client.request({
        method: 'POST',
        path: `${mrBase}/registered_models`,
        body: { name: `model-${i}` },
      });
    }
    const models = await listModelRegistry(client, {
      url: `${mrBase}/registered_models`,
      pageSize: 3,
      orderBy: 'NAME',
      sortOrder: 'DESC',
    });
    expect(models.map(m => m.name)).toEqual(
      Array.from({ length: 7 }, (_, i) => `model-${6 - i}`),
    );
  });
});
