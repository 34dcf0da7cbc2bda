import path from 'node:path';
import { ApiServer } from './api/ApiServer';
import { AccessLog } from './api/auth/AccessLog';
import {
  DEFAULT_NAMESPACES,
  defaultRbacObjects,
} from './api/auth/defaultRoles';
import { serviceKey } from './api/serviceProxy';
import { createControllers } from './controllers';
import { DexIssuer, DexOptions } from './dex';
import { FaultInjector } from './faults';
import { SchemaValidator } from './schema/SchemaValidator';
import { TypeRegistry } from './schema/TypeRegistry';
import { applySeed } from './seeds';
import { createServices } from './services';
import { EventRecorder } from './store/EventRecorder';
import { MemoryStore } from './store/MemoryStore';
import { readState, StateWriter } from './store/StateFile';
import type { Controller, ProxiedService } from './store/types';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** `demo`, `none` or `scale:<N>` (default `none`). */
  seed?: string;
  /** Persist objects and service state here across restarts. */
  stateFile?: string;
  /** Multiplies controller delays (default 1). */
  timeScale?: number;
  /** The official definitions (default: see {@link resolveSpecsDir}). */
  specsDir?: string;
  /** Watch history size, the compaction window (default 1000). */
  historySize?: number;
  /** Interval of watch BOOKMARK events (default 5000 ms). */
  bookmarkIntervalMs?: number;
  /** Start the Kubeflow controllers (default true). */
  controllers?: boolean;
  /**
   * Record every RBAC decision about the callers (`sandbox.accessLog`, `GET /sandbox/access`), to
   * derive the least privilege a client needs (default false).
   */
  recordAccess?: boolean;
  /** The Dex-like OIDC issuer at `/dex`: its static clients and extra users. */
  dex?: DexOptions;
  /** Where warnings go (default console.warn). */
  logger?: { warn(message: string): void };
}

/** A running sandbox. */
export interface Sandbox {
  url: string;
  port: number;
  store: MemoryStore;
  faults: FaultInjector;
  services: Record<string, ProxiedService>;
  /** The RBAC decisions made, when started with `recordAccess`. */
  accessLog?: AccessLog;
  /** The OIDC issuer URL (`<url>/dex`), Kubeflow's Dex stand-in. */
  dexIssuer: string;
  /** Registers another ProxiedService (and its Service object) at run time. */
  registerService(service: ProxiedService): void;
  stop(): Promise<void>;
}

/**
 * The official definitions: the option, env `KUBEFLOW_SPECS_DIR`, or what `scripts/specs.mjs`
 * materialised from `specs/lock.json` into `<repo>/specs/upstream`.
 */
export function resolveSpecsDir(specsDir?: string): string {
  // The sandbox always runs from source (tsx / jest), so __dirname is this source folder.
  // eslint-disable-next-line no-restricted-syntax
  const sourceDir = __dirname;
  return (
    specsDir ??
    process.env.KUBEFLOW_SPECS_DIR ??
    path.resolve(sourceDir, '../../../specs/upstream')
  );
}

function bootstrap(store: MemoryStore): void {
  for (const name of DEFAULT_NAMESPACES) {
    if (!store.peek('namespaces', undefined, name)) {
      store.create('namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name },
        status: { phase: 'Active' },
      });
    }
  }
  for (const object of defaultRbacObjects()) {
    const key = `${object.kind.toLowerCase()}s.rbac.authorization.k8s.io`;
    if (!store.peek(key, undefined, object.metadata.name!))
      store.create(key, object);
  }
}

function serviceObject(service: ProxiedService) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: service.name,
      namespace: service.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'kubeflow-sandbox' },
    },
    spec: {
      type: 'ClusterIP',
      ports: [
        {
          name: 'http',
          port: service.port,
          protocol: 'TCP',
          targetPort: service.port,
        },
      ],
    },
  };
}

/**
 * Starts the sandbox: store (restored from `stateFile` if present), ProxiedServices with their
 * Service objects, controllers, the seed (when not restored), then the HTTP API.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const logger = options.logger ?? { warn: (m: string) => console.warn(m) }; // eslint-disable-line no-console
  const registry = TypeRegistry.load(resolveSpecsDir(options.specsDir));
  if (registry.warnings.length) logger.warn(registry.warnings.join('\n'));
  const store = new MemoryStore({
    registry,
    validator: new SchemaValidator(registry),
    historySize: options.historySize,
  });
  const faults = new FaultInjector();
  const accessLog = options.recordAccess ? AccessLog.attach(store) : undefined;
  const serviceList = createServices({ store });
  const services: Record<string, ProxiedService> = Object.fromEntries(
    serviceList.map(s => [serviceKey(s), s]),
  );
  const state = options.stateFile ? readState(options.stateFile) : undefined;
  if (state) {
    store.restore(state.store);
    for (const [key, snapshot] of Object.entries(state.services ?? {}))
      services[key]?.restore(snapshot);
  }
  bootstrap(store);
  for (const service of serviceList) {
    if (!store.peek('services', service.namespace, service.name))
      store.create('services', serviceObject(service));
  }
  const timers = new Set<NodeJS.Timeout>();
  const timeScale = options.timeScale ?? 1;
  const events = new EventRecorder(store);
  const controllers: Controller[] =
    options.controllers === false ? [] : createControllers();
  for (const controller of controllers) {
    controller.start({
      store,
      timeScale,
      services,
      after(ms, fn) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          fn();
        }, Math.max(0, ms * timeScale));
        timers.add(timer);
      },
      recordEvent: (involved, type, reason, message) =>
        events.record(involved, type, reason, message),
    });
  }
  if (!state) applySeed(options.seed ?? 'none', store, services);
  const writer = options.stateFile
    ? new StateWriter(options.stateFile, () => ({
        version: 1,
        store: store.snapshot(),
        services: Object.fromEntries(
          Object.entries(services).map(([k, s]) => [k, s.snapshot()]),
        ),
      }))
    : undefined;
  const unsubscribe = writer
    ? store.subscribe(() => writer.schedule())
    : undefined;
  const serviceMap = new Map(Object.entries(services));
  const dex = new DexIssuer(options.dex);
  const server = new ApiServer({
    dex,
    store,
    registry,
    faults,
    services: serviceMap,
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    accessLog,
    onServiceWrite: () => writer?.schedule(),
  });
  faults.attach({
    cutWatches: () => server.watches.closeAll(),
    compactHistory: () => store.compactHistory(),
    resizeHistory: size => store.history.resize(size),
  });
  const port = await server.listen(options.port);
  dex.bind(`http://127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dexIssuer: dex.issuer,
    store,
    faults,
    services,
    accessLog,
    registerService(service) {
      services[serviceKey(service)] = service;
      serviceMap.set(serviceKey(service), service);
      if (!store.peek('services', service.namespace, service.name))
        store.create('services', serviceObject(service));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      controllers.forEach(c => c.stop());
      timers.forEach(t => clearTimeout(t));
      timers.clear();
      faults.stop();
      unsubscribe?.();
      await server.close();
      writer?.flush();
    },
  };
}
