import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import { readProviderConfig } from './config';
import { KubeflowEntityProvider } from './KubeflowEntityProvider';

describe('KubeflowEntityProvider', () => {
  let sandbox: Sandbox;
  let clusters: KubeflowClusters;
  let provider: KubeflowEntityProvider;
  const mutations: any[] = [];

  beforeEach(async () => {
    mutations.length = 0;
    sandbox = await startSandbox({
      port: 0,
      seed: 'demo',
      timeScale: 0.01,
      logger: { warn: () => {} },
    });
    const url = sandbox.url;
    clusters = new KubeflowClusters({
      clusters: [
        {
          name: 'sandbox',
          title: 'sandbox',
          url,
          authProvider: 'none',
          pipelinesUrl: `${url}/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy`,
          modelRegistryUrl: `${url}/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy`,
        },
      ],
      timeoutMs: 1_000,
      cache: { pollMs: 200, idleMs: 2_000 },
    });
    provider = new KubeflowEntityProvider(clusters.clusters[0], {
      clusters,
      config: readProviderConfig(
        new ConfigReader({
          catalog: {
            providers: {
              kubeflow: { namespaces: { exclude: ['team-forecasting'] } },
            },
          },
        }),
      ),
      taskRunner: { run: async () => {} } as any,
      logger: mockServices.logger.mock(),
      deltaDelayMs: 50,
    });
    await provider.connect({
      applyMutation: async m => void mutations.push(m),
      refresh: async () => {},
    });
  });

  afterEach(async () => {
    provider.close();
    clusters.stop();
    sandbox.faults.clear();
    await sandbox.stop();
  });

  it('replaces all its entities on a full read, honouring the namespace filter', async () => {
    await provider.read();
    expect(mutations).toHaveLength(1);
    expect(mutations[0].type).toBe('full');
    const names: string[] = mutations[0].entities.map(
      (e: any) => e.entity.metadata.name,
    );
    expect(names).toContain('team-vision.defect-eda');
    expect(names.some(n => n.startsWith('team-forecasting.'))).toBe(false);
  });

  it('never replaces entities when a source fails to answer', async () => {
    await provider.read();
    const before = mutations.length;
    clusters.stop(); // the cache must read again, from a cluster that now fails
    sandbox.faults.set({
      errors: { '503': 1 },
      errorPathPrefix: '/apis/kubeflow.org',
    });
    const broken = new KubeflowEntityProvider(clusters.clusters[0], {
      clusters: new KubeflowClusters({
        clusters: clusters.clusters,
        timeoutMs: 500,
      }),
      config: readProviderConfig(new ConfigReader({})),
      taskRunner: { run: async () => {} } as any,
      logger: mockServices.logger.mock(),
    });
    const brokenMutations: any[] = [];
    await broken.connect({
      applyMutation: async m => void brokenMutations.push(m),
      refresh: async () => {},
    });
    await broken.read();
    expect(brokenMutations).toEqual([]);
    expect(mutations).toHaveLength(before);
    broken.close();
  }, 90_000);

  it('sends a change as a delta with only what changed', async () => {
    await provider.read();
    await fetch(
      `${sandbox.url}/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/defect-eda`,
      {
        method: 'DELETE',
      },
    );
    const deadline = Date.now() + 10_000;
    while (!mutations.some(m => m.type === 'delta') && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 50));
    }
    const delta = mutations.find(m => m.type === 'delta');
    expect(delta.removed).toEqual([
      {
        entityRef: 'resource:sandbox/team-vision.defect-eda',
        locationKey: 'kubeflow-sandbox',
      },
    ]);
    expect(delta.added.length).toBeLessThan(5);
  });

  it('gives profile groups every member when the catalog’s users arrive one by one', async () => {
    // The catalog at start-up: of the organisation's users it has ingested alice only, yet.
    const user = (name: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name, namespace: 'default' },
      spec: { profile: { email: `${name}@example.com` } },
    });
    const users = [user('alice')];
    const catalog = {
      getEntities: async ({ filter }: any) => ({
        items: filter?.kind === 'User' ? [...users] : [],
      }),
    } as unknown as CatalogService;
    const sent: any[] = [];
    const withUsers = new KubeflowEntityProvider(clusters.clusters[0], {
      clusters,
      config: readProviderConfig(new ConfigReader({})),
      taskRunner: { run: async () => {} } as any,
      logger: mockServices.logger.mock(),
      catalog,
      auth: mockServices.auth(),
      deltaDelayMs: 50,
      usersRetryMs: 50,
    });
    await withUsers.connect({
      applyMutation: async m => void sent.push(m),
      refresh: async () => {},
    });
    /** The members of team-vision's Group in the last mutation that sent it. */
    const members = () =>
      sent
        .flatMap(m => (m.type === 'full' ? m.entities : m.added))
        .filter(
          (e: any) =>
            e.entity.kind === 'Group' &&
            e.entity.metadata.name === 'team-vision',
        )
        .pop()?.entity.spec.members;

    await withUsers.read();
    expect(members()).toEqual(['user:default/alice']);

    users.push(user('dave'), user('erin'), user('guest'));
    const deadline = Date.now() + 5_000;
    while (members().length < 4 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 50));
    }
    withUsers.close();
    expect([...members()].sort()).toEqual([
      'user:default/alice',
      'user:default/dave',
      'user:default/erin',
      'user:default/guest',
    ]);
  });
});
