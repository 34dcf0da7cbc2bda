/**
 * Benchmark: initial sync of the kubeflow-node watch cache against the sandbox at 10k and 100k
 * objects, side by side with the physical limit here — a bare paginated fetch + JSON.parse of the
 * same lists — and the cache's memory per 10k objects.
 *
 * Run: yarn bench:cache   (node --expose-gc, so heap deltas are measured after collection)
 */
import { startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import {
  KUBEFLOW_RESOURCE_TYPES,
  KubeflowResourceTypeName,
  WatchCache,
  ClusterClient,
  collectionPath,
} from '@kubeflow-backstage/plugin-kubeflow-node';

const PAGE_SIZE = 500;
const TYPES = Object.keys(
  KUBEFLOW_RESOURCE_TYPES,
) as KubeflowResourceTypeName[];

function heapMb(): number {
  (global as any).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Every type's pages fetched and parsed, the types in parallel as the cache does them. */
async function bareFetch(url: string): Promise<number> {
  const counts = await Promise.all(
    TYPES.map(async name => {
      let count = 0;
      let token = '';
      do {
        const page = new URL(
          `${url}${collectionPath(KUBEFLOW_RESOURCE_TYPES[name])}`,
        );
        page.searchParams.set('limit', String(PAGE_SIZE));
        if (token) page.searchParams.set('continue', token);
        const body = JSON.parse(await (await fetch(page)).text());
        count += body.items.length;
        token = body.metadata?.continue ?? '';
      } while (token);
      return count;
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function cacheSync(
  url: string,
): Promise<{ count: number; cache: WatchCache }> {
  const client = new ClusterClient({
    cluster: {
      name: 'bench',
      title: 'bench',
      url,
      authProvider: 'none',
      pipelinesUrl: '',
      modelRegistryUrl: '',
    },
    timeoutMs: 120_000,
  });
  const cache = new WatchCache({ clients: [client], pageSize: PAGE_SIZE });
  const lists = await Promise.all(
    TYPES.map(t => cache.list('bench', t, 300_000)),
  );
  return { count: lists.reduce((n, l) => n + l.length, 0), cache };
}

async function run(objects: number) {
  const seedStart = Date.now();
  const sandbox = await startSandbox({
    port: 0,
    seed: `scale:${objects}`,
    controllers: false,
    logger: { warn: () => {} },
  });
  const seedMs = Date.now() - seedStart;
  try {
    // Warm up both paths once (JIT, connection pool), then measure each twice, interleaved.
    await bareFetch(sandbox.url);
    const bare: number[] = [];
    const cached: number[] = [];
    let count = 0;
    let memoryPer10k = 0;
    for (let round = 0; round < 2; round++) {
      let t = process.hrtime.bigint();
      count = await bareFetch(sandbox.url);
      bare.push(Number(process.hrtime.bigint() - t) / 1e6);
      const before = heapMb();
      t = process.hrtime.bigint();
      const { count: cachedCount, cache } = await cacheSync(sandbox.url);
      cached.push(Number(process.hrtime.bigint() - t) / 1e6);
      memoryPer10k = ((heapMb() - before) / cachedCount) * 10_000;
      if (cachedCount !== count)
        throw new Error(`cache saw ${cachedCount}, bare ${count}`);
      cache.stop();
    }
    const bareMs = Math.min(...bare);
    const cacheMs = Math.min(...cached);
    console.log(
      [
        `objects=${objects}`,
        `listed=${count}`,
        `seed=${seedMs}ms`,
        `bare=${bareMs.toFixed(0)}ms (${((count / bareMs) * 1000).toFixed(
          0,
        )} obj/s)`,
        `cache=${cacheMs.toFixed(0)}ms (${((count / cacheMs) * 1000).toFixed(
          0,
        )} obj/s)`,
        `cache/bare=${(cacheMs / bareMs).toFixed(2)}`,
        `cacheMemory=${memoryPer10k.toFixed(1)}MB/10k objects`,
      ].join('  '),
    );
  } finally {
    await sandbox.stop();
  }
}

(async () => {
  const sizes = (process.env.BENCH_SIZES ?? '10000,100000')
    .split(',')
    .map(Number);
  for (const size of sizes) await run(size);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
