import type { StoreChange } from './MemoryStore';

/**
 * Delivers store changes to listeners strictly in commit order: a change committed by a
 * listener while an earlier one is being delivered is queued, so every listener (and every watch
 * stream) sees resourceVersions in increasing order.
 */
export class EventBus {
  private readonly listeners = new Set<(event: StoreChange) => void>();
  private readonly pending: StoreChange[] = [];
  private dispatching = false;

  subscribe(listener: (event: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: StoreChange): void {
    this.pending.push(event);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      while (this.pending.length) {
        const next = this.pending.shift()!;
        for (const listener of [...this.listeners]) {
          try {
            listener(next);
          } catch {
            // A listener's failure never breaks the write path.
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }
}
