import { createObject } from '../controllers/ownership';
import type {
  KubeObject,
  ObjectStore,
  ResourceKey,
  WriteOptions,
} from '../store/types';

/** Writes seed objects, optionally without schema validation (bulk seeding). */
export class SeedWriter {
  private readonly options: WriteOptions;

  constructor(
    readonly store: ObjectStore,
    options: { skipValidation?: boolean } = {},
  ) {
    // MemoryStore honours `skipValidation` (StoreWriteOptions); other stores ignore it.
    this.options = (
      options.skipValidation ? { skipValidation: true } : {}
    ) as WriteOptions;
  }

  /** Creates the object with its status (in-process creates keep status), or returns the existing one. */
  create(key: ResourceKey, object: KubeObject): KubeObject {
    const existing = this.store.get(
      key,
      object.metadata.namespace,
      object.metadata.name!,
    );
    if (existing) return existing;
    return createObject(this.store, key, object, this.options);
  }

  /** Creates without checking for an existing object (fast path for generated names). */
  createFresh(key: ResourceKey, object: KubeObject): KubeObject {
    return this.store.create(key, object, this.options);
  }
}

/** An RFC3339 time `minutesAgo` before `now` (seconds precision). */
export function ago(now: number, minutesAgo: number): string {
  return `${new Date(now - minutesAgo * 60_000).toISOString().slice(0, 19)}Z`;
}
