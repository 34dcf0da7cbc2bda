/**
 * Benchmark: ingesting the sandbox's scale seed into the real catalog (SQLite in memory), and the
 * latency from a cluster write to the entity being served by the catalog API.
 *
 * For 10k and 100k objects it prints the time until the catalog serves every entity and the
 * backend's heap growth, next to the bare paginated list + JSON.parse of the same objects, measured
 * in the same run against the same sandbox (the physical floor here). Then it creates 50 notebooks
 * one by one and prints p50/p95 of write-to-served latency.
 *
 * Run: yarn bench:catalog   (BENCH_SIZES=10000,100000 by default; the sandbox runs in its own process)
 */
import { createBackend } from '@backstage/backend-defaults';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { REPO, percentile, startSandboxProcess } from './lib';
import {
  KUBEFLOW_RESOURCE_TYPES,
  collectionPath,
} from '@kubeflow-backstage/plugin-kubeflow-node';

const TOKEN = 'bench-static-token-0123456789abcdef';

async function bareListParse(
  url: string,
): Promise<{ ms: number; count: number }> {
  const t = Date.now();
  const counts = await Promise.all(
    Object.values(KUBEFLOW_RESOURCE_TYPES).map(async type => {
      let count = 0;
      let token = '';
      do {
        const page = new URL(`${url}${collectionPath(type)}`);
        page.searchParams.set('limit', '500');
        if (token) page.searchParams.set('continue', token);
        const body = JSON.parse(await (await fetch(page)).text());
        count += body.items.length;
        token = body.metadata?.continue ?? '';
      } while (token);
      return count;
    }),
  );
  return { ms: Date.now() - t, count: counts.reduce((a, b) => a + b, 0) };
}

async function servedCount(base: string): Promise<number> {
  const res = await fetch(
    `${base}/api/catalog/entities/by-query?limit=1&filter=metadata.annotations.backstage.io/managed-by-location=kubeflow:bench`,
    { headers: { authorization: `Bearer ${TOKEN}` } },
  );
  if (!res.ok) return 0;
  return ((await res.json()) as any).totalItems ?? 0;
}

async function run(objects: number, sandboxPort: number, backendPort: number) {
  const sandbox = await startSandboxProcess(sandboxPort, `scale:${objects}`);
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const config = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-')),
    'app-config.yaml',
  );
  fs.writeFileSync(
    config,
    JSON.stringify({
      backend: {
        baseUrl: `http://localhost:${backendPort}`,
        listen: { port: backendPort },
        database: { client: 'better-sqlite3', connection: ':memory:' },
        auth: {
          externalAccess: [
            { type: 'static', options: { token: TOKEN, subject: 'bench' } },
          ],
        },
      },
      kubeflow: { clusters: [{ name: 'bench', url: sandboxUrl }] },
      catalog: {
        providers: {
          kubeflow: {
            schedule: { frequency: { hours: 1 }, timeout: { minutes: 30 } },
          },
        },
      },
    }),
  );
  const bare = await bareListParse(sandboxUrl);
  (global as any).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  process.argv.push('--config', config);
  const backend = createBackend();
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@kubeflow-backstage/plugin-catalog-backend-module-kubeflow'),
  );
  const started = Date.now();
  await backend.start();
  const base = `http://localhost:${backendPort}`;
  let served = 0;
  let expected = 0;
  let stableSince = 0;
  // Served when the count stops growing and no more than the provider produced.
  while (Date.now() - started < 30 * 60_000) {
    await new Promise(r => setTimeout(r, 500));
    const now = await servedCount(base);
    if (now > 0 && now === served) {
      if (!stableSince) stableSince = Date.now();
      if (Date.now() - stableSince > 5_000) break;
    } else {
      stableSince = 0;
    }
    served = now;
    expected = Math.max(expected, now);
  }
  const ingestMs = (stableSince || Date.now()) - started;
  (global as any).gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(
    [
      `objects=${objects}`,
      `listed=${bare.count}`,
      `entities=${served}`,
      `bareListParse=${bare.ms}ms`,
      `ingestUntilServed=${ingestMs}ms`,
      `ratio=${(ingestMs / bare.ms).toFixed(1)}x`,
      `backendHeap=+${heapMb.toFixed(0)}MB`,
    ].join('  '),
  );

  const latencies: number[] = [];
  for (let i = 0; i < 50; i++) {
    const name = `bench-latency-${i}`;
    const t = Date.now();
    const created = await fetch(
      `${sandboxUrl}/apis/kubeflow.org/v1/namespaces/scale-000/notebooks`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'kubeflow.org/v1',
          kind: 'Notebook',
          metadata: { name, namespace: 'scale-000' },
          spec: {
            template: {
              spec: { containers: [{ name, image: 'jupyter/scipy' }] },
            },
          },
        }),
      },
    );
    if (!created.ok)
      throw new Error(
        `create failed: ${created.status} ${await created.text()}`,
      );
    for (;;) {
      const res = await fetch(
        `${base}/api/catalog/entities/by-name/resource/bench/scale-000.${name}`,
        {
          headers: { authorization: `Bearer ${TOKEN}` },
        },
      );
      if (res.ok) break;
      await new Promise(r => setTimeout(r, 20));
    }
    latencies.push(Date.now() - t);
  }
  console.log(
    `changeToCatalog over ${latencies.length} creates: p50=${percentile(
      latencies,
      50,
    )}ms p95=${percentile(latencies, 95)}ms max=${Math.max(...latencies)}ms`,
  );
  await backend.stop();
  sandbox.kill();
}

(async () => {
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000')
    .split(',')
    .map(Number);
  let port = 7310;
  for (const size of sizes) {
    await run(size, port, port + 1);
    port += 2;
  }
  process.exit(0);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
