import { createControllers } from '../../controllers';
import { createServices } from '../../services';
import { serviceKey } from '../../api/serviceProxy';
import {
  startCluster,
  createTestStore,
  type TestCluster,
} from '../../controllers/__fixtures__/harness';
import type { ProxiedService } from '../../store/types';
import { applySeed } from '../index';

/** A cluster with all controllers and services, seeded with `seed`. */
export function startSeededCluster(
  seed: string,
  options: { validate?: boolean; timeScale?: number } = {},
): TestCluster & { services: Record<string, ProxiedService> } {
  const store = createTestStore({ validate: options.validate });
  const services = Object.fromEntries(
    createServices({ store }).map(s => [serviceKey(s), s]),
  );
  const cluster = startCluster(createControllers(), {
    store,
    services,
    timeScale: options.timeScale,
  });
  applySeed(seed, store, services);
  return { ...cluster, services };
}
