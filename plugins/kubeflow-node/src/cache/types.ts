/** A change seen by the watch cache. @public */
export interface CacheEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  cluster: string;
  /** Resource type name (`notebooks`, …) or REST collection (`kfp.runs`, `modelregistry.models`, …). */
  resource: string;
  object: any;
}

/** Sync state of one source (an informer or a poller). @public */
export interface SourceHealth {
  resource: string;
  state: 'initializing' | 'synced' | 'stale' | 'absent';
  /** When it last stopped being synced (ISO time). */
  staleSince?: string;
  lastError?: string;
  lastSyncAt?: string;
  objects: number;
}

/** A cluster's health as the pages show it. @public */
export interface ClusterHealth {
  cluster: string;
  state: 'synced' | 'stale' | 'unreachable' | 'initializing';
  staleSince?: string;
  lastError?: string;
  sources: SourceHealth[];
}

/** What a cache source offers: objects by key, health, events. @public */
export interface CacheSource {
  readonly resource: string;
  start(): void;
  stop(): void;
  values(): any[];
  get(key: string): any | undefined;
  health(): SourceHealth;
  /** Resolves once the first full read completed, or rejects after `timeoutMs`. */
  whenSynced(timeoutMs: number): Promise<void>;
  /**
   * Reads the source again now, for sources without a watch (REST pollers): after the portal
   * changed an object, the page shows the change without waiting for the next poll.
   */
  refresh?(): Promise<void>;
}
