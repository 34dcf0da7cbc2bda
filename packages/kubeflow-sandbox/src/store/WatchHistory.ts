import type { StoreEvent } from './types';

/**
 * The bounded ring buffer of recent changes that watches replay from. `floor` is the oldest
 * resourceVersion a watch or continue token may still start from: anything older gets 410.
 */
export class WatchHistory {
  private buffer: StoreEvent[] = [];
  private start = 0;
  private floorRv: number;

  constructor(private capacity: number, initialRv = 0) {
    this.floorRv = initialRv;
  }

  /** Oldest resourceVersion from which the history is complete. */
  get floor(): number {
    return this.floorRv;
  }

  /** Changes the capacity (the compaction window); drops the oldest events if needed. */
  resize(capacity: number): void {
    const events = this.events();
    this.capacity = Math.max(1, capacity);
    this.buffer = [];
    this.start = 0;
    for (const event of events) this.push(event);
  }

  push(event: StoreEvent): void {
    if (this.buffer.length < this.capacity) {
      this.buffer.push(event);
      return;
    }
    const evicted = this.buffer[this.start];
    this.floorRv = evicted.resourceVersion;
    this.buffer[this.start] = event;
    this.start = (this.start + 1) % this.capacity;
  }

  /** All retained events, oldest first. */
  events(): StoreEvent[] {
    return [
      ...this.buffer.slice(this.start),
      ...this.buffer.slice(0, this.start),
    ];
  }

  /** Whether a watch or continue token from `rv` can be served. */
  covers(rv: number): boolean {
    return rv >= this.floorRv;
  }

  /** Events with resourceVersion > `rv` (caller checks `covers` first). */
  since(rv: number): StoreEvent[] {
    return this.events().filter(e => e.resourceVersion > rv);
  }

  /** Forgets everything up to `rv` (a compaction, or an apiserver restart losing its cache). */
  compact(rv: number): void {
    this.buffer = [];
    this.start = 0;
    this.floorRv = rv;
  }
}
