import { StatusError } from './store/StatusError';

/** Fault settings, switchable at run time (POST /sandbox/faults). */
export interface FaultConfig {
  /** Added latency in ms, for every request or those under `latencyPathPrefix`. */
  latencyMs?: number;
  latencyPathPrefix?: string;
  /** Error rates per HTTP status code, e.g. `{ "500": 0.5 }`, for paths under `errorPathPrefix`. */
  errors?: Record<string, number>;
  errorPathPrefix?: string;
  /** Requests under this prefix ('' = all) hang until the faults are cleared or the sandbox stops. */
  hangPathPrefix?: string;
  /** Close every open watch every N seconds. */
  cutWatchesEverySeconds?: number;
  /** Hidden group/versions (`serving.kserve.io` or `serving.kserve.io/v1beta1`): CRD missing. */
  missingGroups?: string[];
  /** Size of the watch history (the compaction window). */
  historySize?: number;
}

/** One-shot actions a POST may also carry. */
export interface FaultActions {
  /** Close every open watch now. */
  cutWatches?: boolean;
  /** An apiserver restart losing its watch cache: compact the history, close watches. */
  restart?: boolean;
}

/** What the injector needs from the sandbox. */
export interface FaultHooks {
  cutWatches(): void;
  compactHistory(): void;
  resizeHistory(size: number): void;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  410: 'Expired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/**
 * Fault injection for reliability tests: latency, error rates, hung requests, cut watches,
 * restarts that lose the watch history, and missing CRDs.
 */
export class FaultInjector {
  private config: FaultConfig = {};
  private hung = new Set<() => void>();
  private cutTimer?: NodeJS.Timeout;
  private hooks?: FaultHooks;

  /** Connects the injector to the running sandbox. */
  attach(hooks: FaultHooks): void {
    this.hooks = hooks;
  }

  /** The current settings. */
  get(): FaultConfig {
    return structuredClone(this.config);
  }

  /** Merges settings and runs one-shot actions. */
  set(update: FaultConfig & FaultActions): FaultConfig {
    const { cutWatches, restart, ...config } = update;
    this.config = { ...this.config, ...config };
    if (config.historySize) this.hooks?.resizeHistory(config.historySize);
    this.scheduleCuts();
    if (restart) {
      this.hooks?.compactHistory();
      this.hooks?.cutWatches();
    } else if (cutWatches) {
      this.hooks?.cutWatches();
    }
    return this.get();
  }

  /** Clears every fault and releases hung requests. */
  clear(): void {
    this.config = {};
    this.scheduleCuts();
    this.release();
  }

  /** Stops timers and releases hung requests (sandbox stop). */
  stop(): void {
    this.config = {};
    this.scheduleCuts();
    this.release();
  }

  /** Whether a group (or group/version) is hidden. */
  isHidden(group: string, version: string): boolean {
    const missing = this.config.missingGroups ?? [];
    return (
      missing.includes(group) ||
      missing.includes(`${group}/${version}`) ||
      (group === '' && missing.includes(version))
    );
  }

  /**
   * Applies latency, hangs and injected errors to a request (admin paths are never affected).
   * Resolves when the request may proceed; rejects with a StatusError to answer with.
   */
  async intercept(pathname: string): Promise<void> {
    if (pathname.startsWith('/sandbox/')) return;
    const c = this.config;
    if (c.latencyMs && pathname.startsWith(c.latencyPathPrefix ?? '')) {
      await new Promise(resolve => setTimeout(resolve, c.latencyMs));
    }
    if (
      c.hangPathPrefix !== undefined &&
      pathname.startsWith(c.hangPathPrefix)
    ) {
      await new Promise<void>(resolve => this.hung.add(resolve));
    }
    if (c.errors && pathname.startsWith(c.errorPathPrefix ?? '')) {
      for (const [code, rate] of Object.entries(c.errors)) {
        if (Math.random() < rate) {
          const status = Number(code);
          throw new StatusError(
            status,
            REASONS[status] ?? 'InternalError',
            `injected fault: ${status}`,
          );
        }
      }
    }
  }

  private release(): void {
    const waiting = [...this.hung];
    this.hung.clear();
    waiting.forEach(resolve => resolve());
  }

  private scheduleCuts(): void {
    if (this.cutTimer) clearInterval(this.cutTimer);
    this.cutTimer = undefined;
    const every = this.config.cutWatchesEverySeconds;
    if (every && every > 0) {
      this.cutTimer = setInterval(() => this.hooks?.cutWatches(), every * 1000);
      this.cutTimer.unref();
    }
  }
}
