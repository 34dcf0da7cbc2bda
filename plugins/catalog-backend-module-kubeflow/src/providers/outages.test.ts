import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readProviderConfig } from './config';
import { KubeflowEntityProvider } from './KubeflowEntityProvider';

const KFP = '/api/v1/namespaces/kubeflow/services/ml-pipeline';
const MR = '/api/v1/namespaces/kubeflow/services/model-registry-service';

/** Each fault, as the sandbox injects it; `refused` stops the sandbox itself. */
const FAULTS: Array<
  [string, Record<string, unknown> | 'refused' | '410-storm']
> = [
  ['refused connection', 'refused'],
  ['hang', { hangPathPrefix: '/apis' }],
  ['401', { errors: { '401': 1 }, errorPathPrefix: '/apis' }],
  ['403', { errors: { '403': 1 }, errorPathPrefix: '/apis' }],
  ['429', { errors: { '429': 1 }, errorPathPrefix: '/apis' }],
  ['500', { errors: { '500': 1 }, errorPathPrefix: '/apis' }],
  ['410 storm', '410-storm'],
  ['missing CRD', { missingGroups: ['kubeflow.org'] }],
  [
    'failing page mid-list',
    { errors: { '500': 0.3 }, errorPathPrefix: '/apis' },
  ],
  ['KFP down', { errors: { '503': 1 }, errorPathPrefix: KFP }],
  ['Model Registry down', { errors: { '503': 1 }, errorPathPrefix: MR }],
];

const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('the outage matrix: no fault removes an entity', () => {
  let sandbox: Sandbox;
  let clusters: KubeflowClusters;
  let provider: KubeflowEntityProvider;
  let baseline: Set<string>;
  const mutations: any[] = [];
  const stateFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'kf-outage-')),
    'state.json',
  );
  const start = (port = 0) =>
    startSandbox({
      port,
      seed: 'demo',
      stateFile,
      controllers: false,
      logger: { warn: () => {} },
    });

  beforeAll(async () => {
    sandbox = await start();
    const url = sandbox.url;
    clusters = new KubeflowClusters({
      clusters: [
        {
          name: 'sandbox',
          title: 'sandbox',
          url,
          authProvider: 'none',
          pipelinesUrl: `${url}${KFP}:8888/proxy`,
          modelRegistryUrl: `${url}${MR}:8080/proxy`,
        },
      ],
      timeoutMs: 800,
      cache: { pollMs: 150, idleMs: 1_500, resyncMs: 3_000 },
    });
    provider = new KubeflowEntityProvider(clusters.clusters[0], {
      clusters,
      config: readProviderConfig(new ConfigReader({})),
      taskRunner: { run: async () => {} } as any,
      logger: mockServices.logger.mock(),
      deltaDelayMs: 50,
      healthCheckMs: 200,
    });
    await provider.connect({
      applyMutation: async m => void mutations.push(m),
      refresh: async () => {},
    });
    await provider.read();
    baseline = new Set(
      mutations[0]?.entities.map((e: any) => ref(e.entity)) ?? [],
    );
  }, 60_000);

  it('starts from a complete first read', () => {
    expect(mutations[0].type).toBe('full');
    expect(baseline.size).toBeGreaterThan(30);
  });

  afterAll(async () => {
    provider.close();
    clusters.stop();
    await sandbox.stop();
  });

  function ref(entity: any) {
    return `${entity.kind.toLowerCase()}:${entity.metadata.namespace}/${
      entity.metadata.name
    }`;
  }

  /** Every mutation since `from` keeps the baseline: full ones contain it, deltas remove nothing. */
  function assertNothingRemoved(from: number) {
    for (const mutation of mutations.slice(from)) {
      if (mutation.type === 'full') {
        const refs = new Set(mutation.entities.map((e: any) => ref(e.entity)));
        expect([...baseline].filter(r => !refs.has(r))).toEqual([]);
      } else {
        expect(mutation.removed).toEqual([]);
      }
    }
  }

  it.each(FAULTS)(
    '%s',
    async (_name, fault) => {
      const from = mutations.length;
      if (fault === 'refused') {
        await sandbox.stop();
      } else if (fault === '410-storm') {
        for (let i = 0; i < 10; i++) {
          sandbox.faults.set({ restart: true });
          await pause(100);
        }
      } else {
        sandbox.faults.set({ ...fault, restart: true });
      }
      await pause(1_500);
      await provider.read();
      await pause(500);
      assertNothingRemoved(from);

      // Recovery: the fault clears and the full read brings back exactly the baseline.
      if (fault === 'refused') {
        sandbox = await start(Number(new URL(clusters.clusters[0].url).port));
      } else {
        sandbox.faults.clear();
      }
      const deadline = Date.now() + 20_000;
      let recovered = false;
      while (!recovered && Date.now() < deadline) {
        await pause(500);
        const before = mutations.length;
        await provider.read();
        const full = mutations.slice(before).find(m => m.type === 'full');
        recovered =
          !!full &&
          full.entities.length === baseline.size &&
          full.entities.every(
            (e: any) =>
              !e.entity.metadata.annotations['kubeflow.org/stale-since'],
          );
      }
      expect(recovered).toBe(true);
      assertNothingRemoved(from);
    },
    60_000,
  );

  it('marks the entities of a source that stopped answering as stale, and unmarks them', async () => {
    const from = mutations.length;
    sandbox.faults.set({ errors: { '503': 1 }, errorPathPrefix: KFP });
    const deadline = Date.now() + 15_000;
    let marked: any;
    while (!marked && Date.now() < deadline) {
      await pause(200);
      marked = mutations
        .slice(from)
        .flatMap(m => (m.type === 'delta' ? m.added : []))
        .find(
          (e: any) =>
            e.entity.metadata.annotations['kubeflow.org/stale-since'] &&
            e.entity.metadata.annotations['kubeflow.org/kind'] === 'Pipeline',
        );
    }
    expect(marked).toBeDefined();
    assertNothingRemoved(from);
    sandbox.faults.clear();
    const cleared = mutations.length;
    let unmarked: any;
    while (!unmarked && Date.now() < deadline + 15_000) {
      await pause(200);
      unmarked = mutations
        .slice(cleared)
        .flatMap(m => (m.type === 'delta' ? m.added : []))
        .find(
          (e: any) =>
            e.entity.metadata.name === marked.entity.metadata.name &&
            !e.entity.metadata.annotations['kubeflow.org/stale-since'],
        );
    }
    expect(unmarked).toBeDefined();
  }, 45_000);
});
