import type {
  KubeObject,
  ObjectStore,
  ResourceKey,
  WriteOptions,
} from '../store/types';

/** An ownerReference (controller: true) pointing at `owner`. */
export function controllerRef(owner: KubeObject) {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether `child` is controlled by `owner`. */
export function isOwnedBy(child: KubeObject, owner: KubeObject): boolean {
  return (child.metadata.ownerReferences ?? []).some(
    ref => ref.kind === owner.kind && ref.name === owner.metadata.name,
  );
}

/**
 * Creates `desired` if no object of that name exists; otherwise leaves the existing one alone.
 * Returns the stored object.
 */
export function ensureCreated(
  store: ObjectStore,
  key: ResourceKey,
  desired: KubeObject,
): KubeObject {
  const existing = store.get(
    key,
    desired.metadata.namespace,
    desired.metadata.name!,
  );
  if (existing) return existing;
  return store.create(key, desired);
}

/** Deletes an object if it exists (and is not already terminating). */
export function deleteIfPresent(
  store: ObjectStore,
  key: ResourceKey,
  namespace: string | undefined,
  name: string,
): boolean {
  const existing = store.get(key, namespace, name);
  if (!existing || existing.metadata.deletionTimestamp) return false;
  store.delete(key, namespace, name);
  return true;
}

/** Creates an object through the store (validated like any API write). */
export function createObject(
  store: ObjectStore,
  key: ResourceKey,
  object: KubeObject,
  options: WriteOptions = {},
): KubeObject {
  return store.create(key, object, options);
}

/** `store.mutate`, under the name the controllers use next to {@link createObject}. */
export function mutateObject(
  store: ObjectStore,
  key: ResourceKey,
  namespace: string | undefined,
  name: string,
  mutate: (object: KubeObject) => void,
): KubeObject | undefined {
  return store.mutate(key, namespace, name, mutate);
}
