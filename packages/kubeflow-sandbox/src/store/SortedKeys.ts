/**
 * A sorted set of string keys for paginated listing. Single inserts and removals keep the array
 * sorted (binary search + splice); bulk loads just mark it dirty and it is sorted once on the
 * next read, so seeding 100k objects does not cost 100k splices.
 */
export class SortedKeys {
  private readonly members = new Set<string>();
  private sorted: string[] = [];
  private dirty = false;

  get size(): number {
    return this.members.size;
  }

  add(key: string): void {
    if (this.members.has(key)) return;
    this.members.add(key);
    if (this.dirty) return;
    if (this.members.size > 64 && this.sorted.length === 0) {
      this.dirty = true;
      return;
    }
    this.sorted.splice(this.lowerBound(key), 0, key);
  }

  delete(key: string): void {
    if (!this.members.delete(key)) return;
    if (this.dirty) return;
    const index = this.lowerBound(key);
    if (this.sorted[index] === key) this.sorted.splice(index, 1);
  }

  /** The sorted keys (do not mutate). */
  keys(): readonly string[] {
    if (this.dirty) {
      this.sorted = [...this.members].sort();
      this.dirty = false;
    }
    return this.sorted;
  }

  /** Index of the first key >= `key`. */
  lowerBound(key: string): number {
    const keys = this.dirty ? this.keys() : this.sorted;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Keys in order, from the first one > `after` (or >= `prefix`), restricted to `prefix`. */
  *range(prefix: string, after?: string): Generator<string> {
    const keys = this.keys();
    let index = this.lowerBound(
      after !== undefined && after >= prefix ? after : prefix,
    );
    if (after !== undefined && keys[index] === after) index++;
    for (; index < keys.length; index++) {
      const key = keys[index];
      if (!key.startsWith(prefix)) return;
      yield key;
    }
  }
}
