import type { ObjectStore, ProxiedService } from '../store/types';
import { applyDemoSeed } from './demoSeed';
import { applyScaleSeed } from './scaleSeed';

export { DEMO_USERS, DEMO_PROFILES } from './demoIdentities';
export type { DemoUser, DemoProfile, DemoContributor } from './demoIdentities';

/**
 * Fills a fresh sandbox: `demo` (three team profiles with realistic resources), `none`, or
 * `scale:<N>` (N objects across many namespaces, for benchmarks). Services are keyed
 * `<namespace>/<name>:<port>`, e.g. `kubeflow/ml-pipeline:8888`.
 */
export function applySeed(
  seed: string,
  store: ObjectStore,
  services: Record<string, ProxiedService>,
): void {
  if (seed === 'none' || seed === '') return;
  if (seed === 'demo') {
    applyDemoSeed(store, services);
    return;
  }
  const scale = /^scale:(\d+)$/.exec(seed);
  if (scale) {
    applyScaleSeed(Number(scale[1]), store, services);
    return;
  }
  throw new Error(`Unknown seed "${seed}": use demo, none or scale:<N>`);
}
