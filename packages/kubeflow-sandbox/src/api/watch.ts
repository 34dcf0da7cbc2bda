import type { ServerResponse } from 'node:http';
import type { ServedType } from '../schema/coreTypes';
import type { MemoryStore, StoreChange } from '../store/MemoryStore';
import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';
import { listMatcher } from './listing';
import type { Matcher } from './selectors';

/** How a watch renders objects (requested version, optional Table rows). */
export interface WatchOptions {
  type: ServedType;
  namespace?: string;
  query: URLSearchParams;
  /** Converts a stored object for the response (version, Table). */
  render: (object: KubeObject) => unknown;
  bookmarkIntervalMs: number;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** What a change looks like through a selector (ADDED/DELETED when it enters/leaves it). */
export function throughSelector(
  change: StoreChange,
  matches: Matcher,
): EventType | undefined {
  if (change.type === 'DELETED')
    return matches(change.object) ? 'DELETED' : undefined;
  const now = matches(change.object);
  const before =
    change.type === 'MODIFIED' &&
    !!change.oldObject &&
    matches(change.oldObject);
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  if (before) return 'DELETED';
  return undefined;
}

/**
 * Open watch streams: serves `?watch=1` as newline-delimited JSON events (replay from the
 * history, bookmarks, timeoutSeconds, 410 ERROR events) and can cut them all (fault injection).
 */
export class WatchHub {
  private readonly open = new Set<() => void>();

  constructor(private readonly store: MemoryStore) {}

  /** Number of open watches. */
  get size(): number {
    return this.open.size;
  }

  /** Ends every open watch stream (clients re-watch from their last resourceVersion). */
  closeAll(): void {
    for (const close of [...this.open]) close();
  }

  serve(res: ServerResponse, options: WatchOptions): void {
    const { type, namespace, query } = options;
    const matches = listMatcher(query);
    const rvParam = query.get('resourceVersion');
    const sendInitial = query.get('sendInitialEvents') === 'true';
    const bookmarks = query.get('allowWatchBookmarks') === 'true';
    const startRv = rvParam && rvParam !== '0' ? Number(rvParam) : undefined;
    if (startRv !== undefined && !Number.isFinite(startRv)) {
      throw StatusError.badRequest(`invalid resource version: ${rvParam}`);
    }
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
      'Transfer-Encoding': 'chunked',
    });
    res.flushHeaders();
    const write = (event: unknown) => res.write(`${JSON.stringify(event)}\n`);
    const inScope = (o: KubeObject) =>
      !type.namespaced ||
      namespace === undefined ||
      o.metadata.namespace === namespace;
    let lastRv = this.store.currentResourceVersion();
    if (startRv !== undefined && !sendInitial) {
      if (!this.store.history.covers(startRv)) {
        const gone = StatusError.expired(
          `too old resource version: ${startRv} (${this.store.history.floor})`,
        ).status;
        write({ type: 'ERROR', object: gone });
        res.end();
        return;
      }
      for (const change of this.store.history.since(startRv)) {
        if (
          (change.resource as ServedType).key !== type.key ||
          !inScope(change.object)
        )
          continue;
        const eventType = throughSelector(change as StoreChange, matches);
        if (eventType)
          write({ type: eventType, object: options.render(change.object) });
      }
    } else {
      for (const [, object] of this.store
        .table(type.key)
        .scan(type.namespaced ? namespace : undefined)) {
        if (matches(object))
          write({ type: 'ADDED', object: options.render(object) });
      }
      if (sendInitial) {
        write({ type: 'BOOKMARK', object: this.bookmark(type, lastRv, true) });
      }
    }
    const unsubscribe = this.store.subscribe(change => {
      if (change.resourceVersion <= lastRv) return;
      lastRv = change.resourceVersion;
      if (
        (change.resource as ServedType).key !== type.key ||
        !inScope(change.object)
      )
        return;
      const eventType = throughSelector(change, matches);
      if (eventType)
        write({ type: eventType, object: options.render(change.object) });
    });
    const timers: NodeJS.Timeout[] = [];
    if (bookmarks) {
      timers.push(
        setInterval(
          () =>
            write({
              type: 'BOOKMARK',
              object: this.bookmark(type, this.store.currentResourceVersion()),
            }),
          options.bookmarkIntervalMs,
        ),
      );
    }
    const timeout = Number(query.get('timeoutSeconds') ?? 0);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      timers.forEach(t => clearInterval(t));
      this.open.delete(close);
      res.end();
    };
    if (timeout > 0) timers.push(setTimeout(close, timeout * 1000));
    this.open.add(close);
    res.on('close', close);
  }

  private bookmark(type: ServedType, rv: number, initialEnd = false) {
    return {
      kind: type.kind,
      apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
      metadata: {
        resourceVersion: String(rv),
        ...(initialEnd
          ? { annotations: { 'k8s.io/initial-events-end': 'true' } }
          : {}),
      },
    };
  }
}
