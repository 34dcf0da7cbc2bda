import { ClusterClient, RawWatchEvent } from '../clients/ClusterClient';
import { ClusterRequestError } from '../clients/errors';
import { listKubernetes } from '../clients/pagination';
import { BackoffOptions, backoffDelay, sleep } from '../clients/retry';
import { KubeResourceType, collectionPath } from '../resourceTypes';
import { ObjectMap } from './ObjectMap';
import { MapBackedSource } from './MapBackedSource';
import { CacheEvent } from './types';

/** Options of an {@link Informer}. */
export interface InformerOptions {
  client: ClusterClient;
  name: string;
  type: KubeResourceType;
  emit: (event: CacheEvent) => void;
  /** Page size of the initial list and relists. */
  pageSize?: number;
  /** Full relist period, ms (default 10 min). */
  resyncMs?: number;
  /** Reconnect backoff. */
  backoff?: BackoffOptions;
  /** A watch that delivers nothing, not even a bookmark, for this long is reopened (ms). */
  idleMs?: number;
}

function keyOf(object: any): string {
  const { namespace, name } = object.metadata ?? {};
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * Keeps one resource type of one cluster in memory: list (paginated), then watch from the list's
 * resourceVersion with bookmarks; a 410 relists; any other failure reconnects with capped,
 * jittered backoff and marks the source stale without dropping what it holds; a periodic relist
 * catches anything a watch could have missed.
 */
export class Informer extends MapBackedSource {
  readonly resource: string;
  protected readonly map: ObjectMap;
  private readonly options: InformerOptions;
  private resourceVersion = '';
  private needList = true;
  private stopped = true;
  private current?: AbortController;
  private resyncTimer?: NodeJS.Timeout;

  constructor(options: InformerOptions) {
    super();
    this.options = options;
    this.resource = options.name;
    this.map = new ObjectMap(
      options.client.cluster.name,
      options.name,
      keyOf,
      o => o.metadata?.resourceVersion,
      options.emit,
    );
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.resyncTimer = setInterval(() => {
      this.needList = true;
      this.current?.abort(new Error('resync'));
    }, this.options.resyncMs ?? 600_000);
    this.resyncTimer.unref?.();
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.resyncTimer);
    this.current?.abort(new Error('stopped'));
  }

  private async run(): Promise<void> {
    const { client, type } = this.options;
    const path = collectionPath(type);
    let failures = 0;
    while (!this.stopped) {
      this.current = new AbortController();
      const signal = this.current.signal;
      try {
        if (this.needList) {
          const list = await listKubernetes(client, {
            path,
            fieldSelector: this.options.type.fieldSelector,
            pageSize: this.options.pageSize,
            signal,
          });
          this.map.replaceAll(list.items);
          this.resourceVersion = list.resourceVersion;
          this.needList = false;
        }
        failures = 0;
        await client.watch(
          {
            path,
            query: {
              watch: 1,
              fieldSelector: this.options.type.fieldSelector,
              resourceVersion: this.resourceVersion,
              allowWatchBookmarks: true,
              timeoutSeconds: 300,
            },
            signal,
            idleMs: this.options.idleMs,
          },
          event => this.apply(event),
        );
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof ClusterRequestError && error.status === 410) {
          this.needList = true;
          continue;
        }
        if (signal.aborted && this.needList) continue; // resync
        const absent =
          error instanceof ClusterRequestError && error.status === 404;
        this.map.markStale(error, absent);
        await sleep(
          backoffDelay(
            failures++,
            this.options.backoff ?? { initialMs: 500, maxMs: 30_000 },
          ),
        );
      }
    }
  }

  private apply(event: RawWatchEvent): void {
    const { type } = this.options;
    switch (event.type) {
      case 'BOOKMARK':
        this.resourceVersion =
          event.object?.metadata?.resourceVersion ?? this.resourceVersion;
        return;
      case 'ERROR':
        throw new ClusterRequestError({
          cluster: this.options.client.cluster.name,
          status: event.object?.code ?? 500,
          reason: event.object?.reason,
          message: event.object?.message ?? 'watch error',
        });
      default: {
        const object = {
          apiVersion: type.group
            ? `${type.group}/${type.version}`
            : type.version,
          kind: type.kind,
          ...event.object,
        };
        this.resourceVersion =
          object.metadata?.resourceVersion ?? this.resourceVersion;
        if (event.type === 'DELETED') this.map.remove(object);
        else this.map.upsert(object);
        this.map.markSynced();
      }
    }
  }
}
