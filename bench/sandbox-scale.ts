/**
 * Benchmark: how fast the sandbox's scale seed generates objects, how fast it serves them as
 * paginated lists, and its memory at that size.
 *
 * Run: yarn bench:sandbox   (BENCH_SIZES=10000,100000 by default)
 */
import { startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';

const COLLECTIONS = [
  '/apis/kubeflow.org/v1/notebooks',
  '/apis/serving.kserve.io/v1beta1/inferenceservices',
  '/apis/trainer.kubeflow.org/v1alpha1/trainjobs',
  '/apis/kubeflow.org/v1beta1/experiments',
  '/apis/sparkoperator.k8s.io/v1beta2/sparkapplications',
  '/api/v1/pods',
];

function mb(bytes: number) {
  return (bytes / 1024 / 1024).toFixed(0);
}

async function run(objects: number) {
  (global as any).gc?.();
  const baseline = process.memoryUsage();
  let t = Date.now();
  const sandbox = await startSandbox({
    port: 0,
    seed: `scale:${objects}`,
    controllers: false,
    logger: { warn: () => {} },
  });
  const seedMs = Date.now() - t;
  (global as any).gc?.();
  const loaded = process.memoryUsage();
  const stored = sandbox.store.currentResourceVersion();
  t = Date.now();
  let served = 0;
  let pages = 0;
  for (const collection of COLLECTIONS) {
    let token = '';
    do {
      const url = new URL(`${sandbox.url}${collection}`);
      url.searchParams.set('limit', '500');
      if (token) url.searchParams.set('continue', token);
      const body = (await (await fetch(url)).json()) as any;
      served += body.items.length;
      pages++;
      token = body.metadata?.continue ?? '';
    } while (token);
  }
  const listMs = Date.now() - t;
  console.log(
    [
      `objects=${objects}`,
      `writes=${stored}`,
      `seed=${seedMs}ms (${Math.round((objects / seedMs) * 1000)} obj/s)`,
      `served=${served} in ${pages} pages of 500, ${listMs}ms (${Math.round(
        (served / listMs) * 1000,
      )} obj/s)`,
      `heap=+${mb(loaded.heapUsed - baseline.heapUsed)}MB`,
      `rss=${mb(loaded.rss)}MB`,
    ].join('  '),
  );
  await sandbox.stop();
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
