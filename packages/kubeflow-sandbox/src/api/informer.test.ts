import {
  CoreV1Api,
  KubeConfig,
  makeInformer,
  V1ConfigMap,
  V1ConfigMapList,
} from '@kubernetes/client-node';
import { startSandbox, Sandbox } from '../sandbox';

function kubeConfig(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'sandbox', server: url, skipTLSVerify: true }],
    users: [{ name: 'portal' }],
    contexts: [{ name: 'sandbox', cluster: 'sandbox', user: 'portal' }],
    currentContext: 'sandbox',
  });
  return kc;
}

async function eventually(
  check: () => boolean,
  timeoutMs = 8000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('@kubernetes/client-node 1.4.0 informer', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'none',
      controllers: false,
      bookmarkIntervalMs: 200,
    });
    sandbox.store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
  });
  afterAll(() => sandbox.stop());

  const configMap = (name: string, value = '1') => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'team-a' },
    data: { value },
  });

  it('survives a forced 410 and a watch cut, ending with exactly the server objects', async () => {
    for (let i = 0; i < 25; i++)
      sandbox.store.create(
        'configmaps',
        configMap(`cm-${String(i).padStart(2, '0')}`),
      );
    const api = kubeConfig(sandbox.url).makeApiClient(CoreV1Api);
    let lists = 0;
    let pages = 0;
    const listFn = async (): Promise<V1ConfigMapList> => {
      lists++;
      const items: V1ConfigMap[] = [];
      let token: string | undefined;
      let resourceVersion: string | undefined;
      do {
        const page = await api.listNamespacedConfigMap({
          namespace: 'team-a',
          limit: 10,
          _continue: token,
        });
        pages++;
        items.push(...page.items);
        resourceVersion ??= page.metadata?.resourceVersion;
        token = page.metadata?._continue || undefined;
      } while (token);
      return {
        apiVersion: 'v1',
        kind: 'ConfigMapList',
        metadata: { resourceVersion },
        items,
      };
    };
    const informer = makeInformer<V1ConfigMap>(
      kubeConfig(sandbox.url),
      '/api/v1/namespaces/team-a/configmaps',
      listFn,
    );
    const errors: unknown[] = [];
    informer.on('error', error => {
      errors.push(error);
      setTimeout(() => informer.start(), 100);
    });
    const names = () =>
      informer
        .list('team-a')
        .map(o => o.metadata!.name!)
        .sort();
    await informer.start();
    await eventually(() => names().length === 25);
    expect(lists).toBe(1);
    expect(pages).toBe(3);

    sandbox.store.create('configmaps', configMap('added-before-cut'));
    await eventually(() => names().includes('added-before-cut'));
    sandbox.faults.set({ cutWatches: true });
    sandbox.store.delete('configmaps', 'team-a', 'cm-00');
    sandbox.store.mutate('configmaps', 'team-a', 'cm-01', o => {
      o.data = { value: 'after-cut' };
    });
    await eventually(
      () =>
        !names().includes('cm-00') &&
        informer.get('cm-01', 'team-a')?.data?.value === 'after-cut',
    );
    expect(lists).toBe(1);

    sandbox.faults.set({ restart: true });
    sandbox.store.delete('configmaps', 'team-a', 'cm-02');
    sandbox.store.create('configmaps', configMap('added-after-restart'));
    await eventually(
      () =>
        lists === 2 &&
        names().includes('added-after-restart') &&
        !names().includes('cm-02'),
    );

    const server = sandbox.store.list('configmaps', 'team-a');
    expect(names()).toEqual(server.map(o => o.metadata.name).sort());
    for (const object of server) {
      expect(
        informer.get(object.metadata.name!, 'team-a')?.metadata
          ?.resourceVersion,
      ).toBe(object.metadata.resourceVersion);
    }
    expect(informer.list('team-a')).toHaveLength(server.length);
    await informer.stop();
  }, 20_000);
});
