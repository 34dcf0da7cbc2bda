import { CacheEvent, SourceHealth } from './types';

/**
 * The state every cache source keeps: objects by key, the events their changes produce, and the
 * source's health. A full read is applied as a diff, so a relist emits only what changed and
 * never loses or duplicates an object.
 */
export class ObjectMap {
  private readonly objects = new Map<string, any>();
  private state: SourceHealth['state'] = 'initializing';
  private staleSince?: string;
  private lastError?: string;
  private lastSyncAt?: string;
  private synced = false;
  private readonly syncWaiters: Array<() => void> = [];

  constructor(
    private readonly cluster: string,
    readonly resource: string,
    private readonly keyOf: (object: any) => string,
    private readonly versionOf: (object: any) => string | undefined,
    private readonly emit: (event: CacheEvent) => void,
  ) {}

  values(): any[] {
    return [...this.objects.values()];
  }

  get(key: string): any | undefined {
    return this.objects.get(key);
  }

  get size(): number {
    return this.objects.size;
  }

  /** Adds or replaces one object; emits only when it is new or its version changed. */
  upsert(object: any): void {
    const key = this.keyOf(object);
    const previous = this.objects.get(key);
    if (previous && this.versionOf(previous) === this.versionOf(object)) return;
    this.objects.set(key, object);
    this.emit({
      type: previous ? 'MODIFIED' : 'ADDED',
      cluster: this.cluster,
      resource: this.resource,
      object,
    });
  }

  remove(object: any): void {
    const key = this.keyOf(object);
    if (!this.objects.delete(key)) return;
    this.emit({
      type: 'DELETED',
      cluster: this.cluster,
      resource: this.resource,
      object,
    });
  }

  /** Applies a complete read: upserts what is there, removes what is not. */
  replaceAll(items: any[]): void {
    const seen = new Set<string>();
    for (const item of items) {
      seen.add(this.keyOf(item));
      this.upsert(item);
    }
    for (const [key, object] of [...this.objects]) {
      if (!seen.has(key)) this.remove(object);
    }
    this.markSynced();
  }

  markSynced(): void {
    this.state = 'synced';
    this.staleSince = undefined;
    this.lastError = undefined;
    this.lastSyncAt = new Date().toISOString();
    if (!this.synced) {
      this.synced = true;
      this.syncWaiters.splice(0).forEach(resolve => resolve());
    }
  }

  /** The source cannot reach its data: objects are kept (never dropped because a read failed). */
  markStale(error: unknown, absent = false): void {
    if (this.state === 'synced' || this.state === 'initializing') {
      this.staleSince = new Date().toISOString();
    }
    this.state = absent ? 'absent' : 'stale';
    this.lastError = error instanceof Error ? error.message : String(error);
  }

  health(): SourceHealth {
    return {
      resource: this.resource,
      state: this.state,
      staleSince: this.staleSince,
      lastError: this.lastError,
      lastSyncAt: this.lastSyncAt,
      objects: this.objects.size,
    };
  }

  whenSynced(timeoutMs: number): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${this.cluster}/${
                this.resource
              } not synced after ${timeoutMs} ms${
                this.lastError ? `: ${this.lastError}` : ''
              }`,
            ),
          ),
        timeoutMs,
      );
      this.syncWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
