import { MemoryStore } from '../../store/MemoryStore';
import { SchemaValidator } from '../../schema/SchemaValidator';
import { TypeRegistry } from '../../schema/TypeRegistry';
import type {
  Controller,
  ControllerContext,
  KubeObject,
  ProxiedService,
} from '../../store/types';
import { SPECS_DIR } from './specsDir';

let registry: TypeRegistry | undefined;

/** The type registry loaded once per test file. */
export function testRegistry(): TypeRegistry {
  registry ??= TypeRegistry.load(SPECS_DIR);
  return registry;
}

/** A real store, by default with validation against the official schemas. */
export function createTestStore(
  options: { validate?: boolean } = {},
): MemoryStore {
  const r = testRegistry();
  return new MemoryStore({
    registry: r,
    validator: options.validate === false ? undefined : new SchemaValidator(r),
  });
}

/** A running set of controllers over a store, with timers scaled by `timeScale`. */
export interface TestCluster {
  store: MemoryStore;
  context: ControllerContext;
  events: Array<{
    type: string;
    reason: string;
    message: string;
    kind: string;
    name: string;
  }>;
  stop(): void;
}

/** Starts `controllers` against a fresh (or given) store at timeScale 0.01. */
export function startCluster(
  controllers: Controller[],
  options: {
    store?: MemoryStore;
    services?: Record<string, ProxiedService>;
    timeScale?: number;
  } = {},
): TestCluster {
  const store = options.store ?? createTestStore();
  const timeScale = options.timeScale ?? 0.01;
  const timers = new Set<NodeJS.Timeout>();
  const events: TestCluster['events'] = [];
  const context: ControllerContext = {
    store,
    timeScale,
    services: options.services ?? {},
    after(ms, fn) {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms * timeScale);
      timers.add(t);
    },
    recordEvent(involved: KubeObject, type, reason, message) {
      events.push({
        type,
        reason,
        message,
        kind: involved.kind,
        name: involved.metadata.name!,
      });
    },
  };
  for (const c of controllers) c.start(context);
  return {
    store,
    context,
    events,
    stop() {
      for (const c of controllers) c.stop();
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs`). */
export async function waitFor<T>(
  probe: () => T | undefined | false,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out${lastError ? `: ${lastError}` : ''}`);
    }
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

/** Creates a namespace (no Profile) for a test. */
export function ensureNamespace(store: MemoryStore, name: string): void {
  if (!store.get('namespaces', undefined, name)) {
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
    });
  }
}
