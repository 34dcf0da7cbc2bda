import type { ServedType } from '../schema/coreTypes';
import { SortedKeys } from './SortedKeys';
import type { KubeObject } from './types';

/** The stored objects of one type: a Map for lookups plus a sorted key index for paging. */
export class ObjectTable {
  readonly objects = new Map<string, KubeObject>();
  readonly index = new SortedKeys();

  constructor(readonly type: ServedType) {}

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  set(key: string, object: KubeObject): void {
    if (!this.objects.has(key)) this.index.add(key);
    this.objects.set(key, object);
  }

  delete(key: string): void {
    if (this.objects.delete(key)) this.index.delete(key);
  }

  /** Stored objects (not copies) in key order, in one namespace if given, after `after`. */
  *scan(namespace?: string, after?: string): Generator<[string, KubeObject]> {
    const prefix = namespace === undefined ? '' : `${namespace}/`;
    for (const key of this.index.range(prefix, after)) {
      yield [key, this.objects.get(key)!];
    }
  }
}
