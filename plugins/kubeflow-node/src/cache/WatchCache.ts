import { ClusterClient } from '../clients/ClusterClient';
import {
  KUBEFLOW_RESOURCE_TYPES,
  KubeflowResourceTypeName,
} from '../resourceTypes';
import { Informer } from './Informer';
import { REST_SOURCES } from './restSources';
import { RestPoller } from './RestPoller';
import { CacheEvent, CacheSource, ClusterHealth } from './types';

/**
 * A resource the cache serves: a Kubernetes type or a REST collection, named as the keys of the
 * internal `REST_SOURCES` (`kfp.pipelines`, `modelregistry.models`, …).
 *
 * @public
 */
export type CachedResource = KubeflowResourceTypeName | string;

/** Options of {@link WatchCache}. @public */
export interface WatchCacheOptions {
  clients: ClusterClient[];
  /** Kubernetes list page size. */
  pageSize?: number;
  /** Full relist period, ms. */
  resyncMs?: number;
  /** REST poll period, ms. */
  pollMs?: number;
  /** Reopen a watch silent for this long, ms. */
  idleMs?: number;
}

/**
 * The process-wide cache of everything the Kubeflow plugins read: at most one informer (or REST
 * poller) per cluster × resource, started on first use and shared by every plugin in the
 * process; changes fanned out to subscribers; a health state per cluster.
 *
 * @public
 */
export class WatchCache {
  private readonly clients = new Map<string, ClusterClient>();
  private readonly sources = new Map<string, CacheSource>();
  private readonly listeners = new Set<(event: CacheEvent) => void>();
  private readonly options: WatchCacheOptions;

  constructor(options: WatchCacheOptions) {
    this.options = options;
    for (const client of options.clients)
      this.clients.set(client.cluster.name, client);
  }

  /** The source of one resource on one cluster, started if it was not. */
  source(cluster: string, resource: CachedResource): CacheSource {
    const key = `${cluster}\u0000${resource}`;
    let source = this.sources.get(key);
    if (!source) {
      const client = this.clients.get(cluster);
      if (!client) throw new Error(`Unknown Kubeflow cluster '${cluster}'`);
      const emit = (event: CacheEvent) => this.listeners.forEach(l => l(event));
      if (resource in KUBEFLOW_RESOURCE_TYPES) {
        source = new Informer({
          client,
          name: resource,
          type: KUBEFLOW_RESOURCE_TYPES[resource as KubeflowResourceTypeName],
          emit,
          pageSize: this.options.pageSize,
          resyncMs: this.options.resyncMs,
          idleMs: this.options.idleMs,
        });
      } else if (resource in REST_SOURCES) {
        source = new RestPoller({
          cluster,
          name: resource,
          emit,
          pollMs: this.options.pollMs,
          resyncMs: this.options.resyncMs,
          ...REST_SOURCES[resource](client),
        });
      } else {
        throw new Error(`Unknown cached resource '${resource}'`);
      }
      this.sources.set(key, source);
      source.start();
    }
    return source;
  }

  /** Every cached object of a resource on a cluster (waiting up to `timeoutMs` for the first read). */
  async list(
    cluster: string,
    resource: CachedResource,
    timeoutMs = 10_000,
  ): Promise<any[]> {
    const source = this.source(cluster, resource);
    await source.whenSynced(timeoutMs);
    return source.values();
  }

  /** Listens to every change of every started source; returns the unsubscribe function. */
  subscribe(listener: (event: CacheEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The cluster's state from its started sources. */
  health(cluster: string): ClusterHealth {
    const sources = [...this.sources.entries()]
      .filter(([key]) => key.startsWith(`${cluster}\u0000`))
      .map(([, source]) => source.health());
    const failing = sources.filter(s => s.state === 'stale');
    const staleSince = failing.map(s => s.staleSince!).sort()[0];
    let state: ClusterHealth['state'] = 'synced';
    if (sources.some(s => s.state === 'initializing')) state = 'initializing';
    if (failing.length) {
      state =
        failing.length === sources.length && !failing.some(s => s.lastSyncAt)
          ? 'unreachable'
          : 'stale';
    }
    return {
      cluster,
      state,
      staleSince,
      lastError: failing[0]?.lastError,
      sources,
    };
  }

  stop(): void {
    this.sources.forEach(source => source.stop());
    this.sources.clear();
    this.listeners.clear();
  }
}
