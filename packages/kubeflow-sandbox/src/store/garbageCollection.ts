import type { StoreDeleteOptions } from './MemoryStore';
import type { ObjectTable } from './ObjectTable';
import type { Dependent } from './OwnerIndex';
import type { KubeObject, ObjectStore } from './types';

/** What garbage collection needs from the store. */
export interface CollectedStore {
  tables(): Iterable<ObjectTable>;
  table(key: string): ObjectTable;
  dependents(uid: string): Dependent[];
  delete(
    key: string,
    namespace: string | undefined,
    name: string,
    options?: StoreDeleteOptions,
  ): KubeObject;
  mutate: ObjectStore['mutate'];
}

function ignoreGone(fn: () => void): void {
  try {
    fn();
  } catch {
    // Deleted by another cascade meanwhile: nothing to collect.
  }
}

/**
 * Collects the dependents of a deleted owner: deletes them (Background / Foreground), or with
 * `Orphan` removes the ownerReference instead.
 */
export function collectDependents(
  store: CollectedStore,
  ownerUid: string,
  policy?: string,
): void {
  for (const { key, id } of store.dependents(ownerUid)) {
    const object: KubeObject | undefined = store.table(key).get(id);
    if (!object) continue;
    const { namespace, name } = object.metadata;
    ignoreGone(() => {
      if (policy === 'Orphan') {
        store.mutate(key, namespace, name!, o => {
          o.metadata.ownerReferences = o.metadata.ownerReferences?.filter(
            r => r.uid !== ownerUid,
          );
          if (!o.metadata.ownerReferences?.length)
            delete o.metadata.ownerReferences;
        });
      } else {
        store.delete(key, namespace, name!, {
          propagationPolicy: 'Background',
        });
      }
    });
  }
}

/** Deletes everything in a namespace (objects with finalizers become terminating). */
export function deleteNamespaceContents(
  store: CollectedStore,
  namespace: string,
): void {
  for (const table of store.tables()) {
    if (!table.type.namespaced) continue;
    for (const [, object] of [...table.scan(namespace)]) {
      ignoreGone(() =>
        store.delete(table.type.key, namespace, object.metadata.name!),
      );
    }
  }
}

/** Whether nothing is left in a namespace. */
export function namespaceIsEmpty(
  store: CollectedStore,
  namespace: string,
): boolean {
  for (const table of store.tables()) {
    if (table.type.namespaced && !table.scan(namespace).next().done)
      return false;
  }
  return true;
}
