/**
 * Benchmark: the data behind a notebook's and an endpoint's page, ours versus the Kubernetes
 * plugin's `POST /api/kubernetes/services/:entity` for the same entity, in one backend against
 * one sandbox (the `scale:2000` seed: 12 profile namespaces, ~90 notebooks and ~40 endpoints
 * each), as the signed-in guest.
 *
 * Every cluster request goes through a counting proxy, so the figures include requests per page
 * view. Then a second, hung cluster (accepts connections, never answers) joins both plugins'
 * configuration and the same page views are measured again.
 *
 * Run: yarn bench:pages   (BENCH_VIEWS=200 page views per measurement by default)
 */
import { createBackend } from '@backstage/backend-defaults';
import net from 'net';
import {
  REPO,
  percentile,
  recordingProxy,
  writeBenchConfig,
  startSandboxProcess,
} from './lib';

const VIEWS = Number(process.env.BENCH_VIEWS ?? 200);
const CAP_MS = 30_000;
const NAMESPACE = 'scale-000';

/** A cluster that accepts connections and never answers. */
function hungCluster(port: number) {
  const sockets: net.Socket[] = [];
  const server = net.createServer(socket => sockets.push(socket));
  return new Promise<() => void>(r =>
    server.listen(port, '127.0.0.1', () =>
      r(() => {
        sockets.forEach(s => s.destroy());
        server.close();
      }),
    ),
  );
}

async function timed(fn: () => Promise<Response>): Promise<number> {
  const t = performance.now();
  const res = await Promise.race([
    fn(),
    new Promise<null>(r => setTimeout(() => r(null), CAP_MS)),
  ]);
  if (res === null) return CAP_MS;
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - t;
}

interface Sample {
  times: number[];
  requests: number;
}

/**
 * Page views of several kinds, interleaved view by view so that the machine's noise falls on all
 * of them alike; cluster requests counted per kind.
 */
async function measureInterleaved(
  views: number,
  requests: unknown[],
  kinds: Record<string, () => Promise<number>>,
): Promise<Record<string, Sample>> {
  const samples: Record<string, Sample> = {};
  for (const [label, view] of Object.entries(kinds)) {
    await view(); // warm
    samples[label] = { times: [], requests: 0 };
  }
  for (let i = 0; i < views; i++) {
    for (const [label, view] of Object.entries(kinds)) {
      const before = requests.length;
      samples[label].times.push(await view());
      samples[label].requests += requests.length - before;
    }
  }
  for (const [label, { times, requests }] of Object.entries(samples)) {
    const capped = times.filter(t => t >= CAP_MS).length;
    console.log(
      [
        label.padEnd(50),
        `p50=${percentile(times, 50).toFixed(1)}ms`,
        `p99=${percentile(times, 99).toFixed(1)}ms`,
        `clusterRequests/view=${(requests / views).toFixed(2)}`,
        capped ? `timedOut(>${CAP_MS / 1000}s)=${capped}/${views}` : '',
      ].join('  '),
    );
  }
  return samples;
}

async function run(withHungCluster: boolean) {
  const sandboxPort = 7310;
  const proxyPort = 7311;
  const hungPort = 7312;
  const backendPort = 7313;
  const sandbox = await startSandboxProcess(sandboxPort, 'scale:2000');
  const { requests, close: closeProxy } = await recordingProxy(
    `http://127.0.0.1:${sandboxPort}`,
    proxyPort,
  );
  const closeHung = await hungCluster(hungPort);
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  // The guest edits the first scale namespace, as a contributor would.
  await fetch(
    `${sandboxUrl}/apis/rbac.authorization.k8s.io/v1/namespaces/${NAMESPACE}/rolebindings`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {
          name: 'user-guest-example-com-clusterrole-edit',
          namespace: NAMESPACE,
          annotations: { role: 'edit', user: 'guest@example.com' },
        },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'kubeflow-edit',
        },
        subjects: [
          {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'User',
            name: 'guest@example.com',
          },
        ],
      }),
    },
  );
  const clusters = [
    {
      name: 'bench',
      url: `http://127.0.0.1:${proxyPort}`,
      authProvider: 'localKubectlProxy',
      skipMetricsLookup: true,
    },
    ...(withHungCluster
      ? [
          {
            name: 'hung',
            url: `http://127.0.0.1:${hungPort}`,
            authProvider: 'localKubectlProxy',
            skipMetricsLookup: true,
          },
        ]
      : []),
  ];
  const config = writeBenchConfig(backendPort, {
    catalog: {
      providers: {
        kubeflow: {
          schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 } },
        },
      },
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [{ type: 'config', clusters }],
    },
    kubeflow: { clusters: clusters.map(c => ({ name: c.name })) },
  });
  process.argv.push('--config', config);
  process.env.LOG_LEVEL ??= 'warn';
  const backend = createBackend();
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@kubeflow-backstage/plugin-catalog-backend-module-kubeflow'),
  );
  backend.add(import('@backstage/plugin-kubernetes-backend'));
  backend.add(import('@kubeflow-backstage/plugin-kubeflow-backend'));
  await backend.start();
  const base = `http://localhost:${backendPort}`;
  const session = (await (
    await fetch(`${base}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    })
  ).json()) as any;
  const headers = {
    authorization: `Bearer ${session.backstageIdentity.token}`,
    'content-type': 'application/json',
  };

  // The entities both plugins are asked about: one notebook and one endpoint in the namespace.
  const list = async (resource: string) =>
    (
      (await (
        await fetch(
          `${sandboxUrl}/apis/${resource}/namespaces/${NAMESPACE}/${
            resource.startsWith('kubeflow') ? 'notebooks' : 'inferenceservices'
          }?limit=1`,
        )
      ).json()) as any
    ).items[0].metadata.name as string;
  const notebook = await list('kubeflow.org/v1');
  const endpoint = await list('serving.kserve.io/v1beta1');
  const entityOf = async (kind: string, name: string) => {
    for (;;) {
      const res = await fetch(
        `${base}/api/catalog/entities/by-name/${kind}/bench/${NAMESPACE}.${name}`,
        { headers },
      );
      if (res.ok) return res.json();
      await new Promise(r => setTimeout(r, 500));
    }
  };
  const notebookEntity = await entityOf('resource', notebook);
  const endpointEntity = await entityOf('component', endpoint);
  const ours = `${base}/api/kubeflow/clusters/bench/namespaces/${NAMESPACE}`;
  const theirs = (entity: any) => () =>
    timed(() =>
      fetch(`${base}/api/kubernetes/services/${entity.metadata.name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ entity }),
      }),
    );
  // What the Kubernetes plugin answers for the endpoint (to show it did real work).
  const answer = async () =>
    (await fetch(
      `${base}/api/kubernetes/services/${endpointEntity.metadata.name}`,
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ entity: endpointEntity }),
      },
    ).then(r => r.json())) as any;
  const sample = withHungCluster ? { items: [] } : await answer();
  console.log(
    `kubernetes services answer (${JSON.stringify(sample).length} bytes): ${(
      sample.items ?? []
    )
      .map(
        (c: any) =>
          `${c.cluster.name}: ${c.resources
            .map((r: any) => `${r.type}=${r.resources.length}`)
            .join(' ')} errors=${c.errors.length}`,
      )
      .join('; ')}`,
  );
  const suffix = withHungCluster ? ' (2nd cluster hung)' : '';
  const views = withHungCluster ? Math.min(VIEWS, 5) : VIEWS;
  // A notebook page reads the notebook and its events; an endpoint page reads the endpoint.
  const samples = await measureInterleaved(views, requests, {
    [`notebook page, kubeflow${suffix}`]: async () =>
      (
        await Promise.all([
          timed(() => fetch(`${ours}/notebooks/${notebook}`, { headers })),
          timed(() =>
            fetch(`${ours}/notebooks/${notebook}/events`, { headers }),
          ),
        ])
      ).reduce((a, b) => Math.max(a, b)),
    [`notebook page, kubernetes services${suffix}`]: theirs(notebookEntity),
    [`endpoint page, kubeflow${suffix}`]: () =>
      timed(() => fetch(`${ours}/inferenceservices/${endpoint}`, { headers })),
    [`endpoint page, kubernetes services${suffix}`]: theirs(endpointEntity),
  });
  const p50 = (label: string) =>
    percentile(samples[`${label}${suffix}`].times, 50);
  console.log(
    `ratio p50 kubernetes/kubeflow${suffix}: notebook ${(
      p50('notebook page, kubernetes services') / p50('notebook page, kubeflow')
    ).toFixed(1)}x, endpoint ${(
      p50('endpoint page, kubernetes services') / p50('endpoint page, kubeflow')
    ).toFixed(1)}x`,
  );
  await backend.stop();
  closeProxy();
  closeHung();
  sandbox.kill();
}

async function main() {
  const hung = process.argv.includes('--hung');
  await run(hung);
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
