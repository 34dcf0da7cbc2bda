import { ClusterRequestError } from '../clients/errors';
import { BackoffOptions, backoffDelay, sleep } from '../clients/retry';
import { ObjectMap } from './ObjectMap';
import { MapBackedSource } from './MapBackedSource';
import { CacheEvent } from './types';

/** Options of a {@link RestPoller}. */
export interface RestPollerOptions {
  cluster: string;
  name: string;
  emit: (event: CacheEvent) => void;
  keyOf: (object: any) => string;
  /** What changes when the object changes (an update time); equal versions emit nothing. */
  versionOf: (object: any) => string | undefined;
  /** Reads every object (start-up and resync; the only way to see deletions). */
  fetchAll: (signal: AbortSignal) => Promise<any[]>;
  /**
   * Reads what changed since the watermark, newest first, and returns the new watermark. Without
   * it every poll is a full read.
   */
  fetchSince?: (
    watermark: string,
    signal: AbortSignal,
  ) => Promise<{ items: any[]; watermark: string }>;
  /** The watermark of a full read's items (e.g. their highest update time). */
  watermarkOf?: (items: any[]) => string;
  pollMs?: number;
  resyncMs?: number;
  backoff?: BackoffOptions;
}

/**
 * Keeps a REST collection (KFP, Model Registry) in the same cache, with the same events and
 * health as the informers: a full read, then incremental polls by update time, with periodic full
 * reads that also catch deletions. Failures keep what is held and mark the source stale.
 */
export class RestPoller extends MapBackedSource {
  readonly resource: string;
  protected readonly map: ObjectMap;
  private readonly options: RestPollerOptions;
  private stopped = true;
  private controller?: AbortController;
  private watermark?: string;
  private lastFullRead = 0;

  constructor(options: RestPollerOptions) {
    super();
    this.options = options;
    this.resource = options.name;
    this.map = new ObjectMap(
      options.cluster,
      options.name,
      options.keyOf,
      options.versionOf,
      options.emit,
    );
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort(new Error('stopped'));
  }

  /** One poll, now; resolves when applied. Exposed so actions can refresh after a write. */
  refresh(): Promise<void> {
    return this.pollNow();
  }

  async pollNow(): Promise<void> {
    const signal = (this.controller = new AbortController()).signal;
    const { fetchAll, fetchSince, watermarkOf } = this.options;
    const resyncDue =
      Date.now() - this.lastFullRead >= (this.options.resyncMs ?? 300_000);
    if (!fetchSince || this.watermark === undefined || resyncDue) {
      const items = await fetchAll(signal);
      this.map.replaceAll(items);
      this.watermark = watermarkOf?.(items);
      this.lastFullRead = Date.now();
      return;
    }
    const changed = await fetchSince(this.watermark, signal);
    changed.items.forEach(item => this.map.upsert(item));
    this.watermark = changed.watermark;
    this.map.markSynced();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        await this.pollNow();
        failures = 0;
        await sleep(
          this.options.pollMs ?? 5_000,
          this.controller?.signal,
        ).catch(() => {});
      } catch (error) {
        if (this.stopped) return;
        const absent =
          error instanceof ClusterRequestError && error.status === 404;
        this.map.markStale(error, absent);
        await sleep(
          backoffDelay(
            failures++,
            this.options.backoff ?? { initialMs: 1_000, maxMs: 60_000 },
          ),
        );
      }
    }
  }
}
