import type { ServedType } from '../schema/coreTypes';
import type { SchemaValidator } from '../schema/SchemaValidator';
import type { TypeRegistry } from '../schema/TypeRegistry';
import { EventBus } from './EventBus';
import { ObjectTable } from './ObjectTable';
import {
  carrySystemMetadata,
  comparable,
  generateName,
  initialMetadata,
  jsonEqual,
  nowTimestamp,
  objectKey,
  specPart,
  validateName,
} from './objectMeta';
import { StatusError } from './StatusError';
import {
  collectDependents,
  deleteNamespaceContents,
  namespaceIsEmpty,
} from './garbageCollection';
import { Dependent, OwnerIndex } from './OwnerIndex';
import type {
  MemoryStoreOptions,
  StoreChange,
  StoreDeleteOptions,
  StoreSnapshot,
  StoreWriteOptions,
} from './storeTypes';
import type { KubeObject, ObjectStore, ResourceKey } from './types';
import { WatchHistory } from './WatchHistory';

export type {
  MemoryStoreOptions,
  StoreChange,
  StoreDeleteOptions,
  StoreSnapshot,
  StoreWriteOptions,
} from './storeTypes';

/**
 * The in-memory object store: one {@link ObjectTable} per type, a global resourceVersion, the
 * watch history and ordered event delivery. Implements the contract in `types.ts`.
 */
export class MemoryStore implements ObjectStore {
  readonly registry: TypeRegistry;
  readonly history: WatchHistory;
  private readonly validator?: SchemaValidator;
  private readonly tableMap = new Map<string, ObjectTable>();
  private readonly bus = new EventBus();
  private readonly owners = new OwnerIndex();
  private rv = 0;

  constructor(options: MemoryStoreOptions) {
    this.registry = options.registry;
    this.validator = options.validator;
    this.history = new WatchHistory(options.historySize ?? 1000);
    for (const type of this.registry.all())
      this.tableMap.set(type.key, new ObjectTable(type));
  }

  resource(key: ResourceKey): ServedType | undefined {
    return this.registry.get(key);
  }

  /** The table of a type; throws 404 if the type is not served. */
  table(key: ResourceKey): ObjectTable {
    const table = this.tableMap.get(key);
    if (!table) throw StatusError.noRoute();
    return table;
  }

  /** Every table (one per served type). */
  tables(): Iterable<ObjectTable> {
    return this.tableMap.values();
  }

  /** Dependents of an owner uid (from ownerReferences). */
  dependents(uid: string): Dependent[] {
    return this.owners.dependents(uid);
  }

  /** The stored object itself (never mutate it). */
  peek(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const table = this.table(key);
    return table.get(
      objectKey(table.type.namespaced ? namespace : undefined, name),
    );
  }

  get(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    const object = this.peek(key, namespace, name);
    return object && structuredClone(object);
  }

  list(key: ResourceKey, namespace?: string): KubeObject[] {
    const table = this.table(key);
    const out: KubeObject[] = [];
    for (const [, object] of table.scan(
      table.type.namespaced ? namespace : undefined,
    )) {
      out.push(structuredClone(object));
    }
    return out;
  }

  currentResourceVersion(): number {
    return this.rv;
  }

  subscribe(listener: (event: StoreChange) => void): () => void {
    return this.bus.subscribe(listener);
  }

  create(
    key: ResourceKey,
    input: KubeObject,
    options: StoreWriteOptions = {},
  ): KubeObject {
    const table = this.table(key);
    const type = table.type;
    const object = this.normalise(type, structuredClone(input));
    const meta = object.metadata;
    if (!meta.name && meta.generateName)
      meta.name = generateName(meta.generateName);
    if (type.namespaced && !meta.namespace)
      throw StatusError.badRequest(
        'the namespace of the provided object is empty',
      );
    const nameCauses = validateName(type, meta.name);
    if (nameCauses.length)
      throw StatusError.invalid(
        {
          group: type.group,
          kind: type.plural,
          kindName: type.kind,
          name: meta.name,
        },
        nameCauses,
      );
    const id = objectKey(meta.namespace, meta.name!);
    if (table.get(id))
      throw StatusError.alreadyExists({
        group: type.group,
        kind: type.plural,
        name: meta.name,
      });
    if (options.api && type.statusSubresource) delete object.status;
    if (type.kind === 'Namespace')
      object.status = { phase: 'Active', ...(object.status as object) };
    this.admit(type, object, options);
    initialMetadata(object, this.rv + 1);
    if (options.dryRun) return object;
    this.commit(table, id, undefined, object, 'ADDED');
    return structuredClone(object);
  }

  update(
    key: ResourceKey,
    input: KubeObject,
    options: StoreWriteOptions = {},
  ): KubeObject {
    const { table, existing, id } = this.existing(key, input);
    const next = this.normalise(table.type, structuredClone(input));
    if (table.type.statusSubresource) {
      if (existing.status === undefined) delete next.status;
      else next.status = structuredClone(existing.status);
    }
    return this.replace(table, id, existing, next, options);
  }

  updateStatus(
    key: ResourceKey,
    input: KubeObject,
    options: StoreWriteOptions = {},
  ): KubeObject {
    const { table, existing, id } = this.existing(key, input);
    const next: KubeObject = {
      ...structuredClone(existing),
      status: structuredClone(input.status),
    };
    if (input.status === undefined) delete next.status;
    return this.replace(table, id, existing, next, {
      ...options,
      skipValidation: options.skipValidation,
    });
  }

  mutate(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    mutate: (object: KubeObject) => void,
  ): KubeObject | undefined {
    const table = this.table(key);
    const id = objectKey(table.type.namespaced ? namespace : undefined, name);
    const existing = table.get(id);
    if (!existing) return undefined;
    const next = structuredClone(existing);
    mutate(next);
    return this.replace(
      table,
      id,
      existing,
      this.normalise(table.type, next),
      {},
    );
  }

  delete(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    options: StoreDeleteOptions = {},
  ): KubeObject {
    const table = this.table(key);
    const type = table.type;
    const id = objectKey(type.namespaced ? namespace : undefined, name);
    const existing = table.get(id);
    if (!existing)
      throw StatusError.notFound({
        group: type.group,
        kind: type.plural,
        name,
      });
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== existing.metadata.uid) {
      throw StatusError.conflict(
        { group: type.group, kind: type.plural, name },
        `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${existing.metadata.uid}`,
      );
    }
    if (
      pre?.resourceVersion &&
      pre.resourceVersion !== existing.metadata.resourceVersion
    ) {
      throw StatusError.conflict({
        group: type.group,
        kind: type.plural,
        name,
      });
    }
    const terminating =
      (existing.metadata.finalizers?.length ?? 0) > 0 ||
      type.kind === 'Namespace';
    if (terminating) {
      if (existing.metadata.deletionTimestamp) return structuredClone(existing);
      const next = structuredClone(existing);
      next.metadata.deletionTimestamp = nowTimestamp();
      next.metadata.deletionGracePeriodSeconds = 0;
      if (type.kind === 'Namespace')
        next.status = { ...(next.status as object), phase: 'Terminating' };
      if (options.dryRun) return next;
      this.commit(table, id, existing, next, 'MODIFIED');
      if (type.kind === 'Namespace') {
        deleteNamespaceContents(this, name);
        this.finishNamespace(name);
      }
      return structuredClone(table.get(id) ?? next);
    }
    if (options.dryRun) return structuredClone(existing);
    return this.remove(table, id, existing, options.propagationPolicy);
  }

  /**
   * Forgets the watch history, as an apiserver restart does: the resourceVersion moves on (etcd
   * kept writing meanwhile) and every resourceVersion handed out before now gets 410.
   */
  compactHistory(): void {
    this.rv++;
    this.history.compact(this.rv);
  }

  snapshot(): StoreSnapshot {
    const objects: Record<string, KubeObject[]> = {};
    for (const [key, table] of this.tableMap) {
      if (table.objects.size) objects[key] = [...table.objects.values()];
    }
    return { resourceVersion: this.rv, objects };
  }

  /** Replaces the whole content (no events); the history starts empty at the saved version. */
  restore(snapshot: StoreSnapshot): void {
    for (const table of this.tableMap.values()) {
      for (const key of [...table.objects.keys()]) table.delete(key);
    }
    this.owners.clear();
    for (const [key, objects] of Object.entries(snapshot.objects)) {
      const table = this.tableMap.get(key);
      if (!table) continue;
      for (const object of objects) {
        const id = objectKey(object.metadata.namespace, object.metadata.name!);
        table.set(id, object);
        this.owners.update(table.type.key, id, undefined, object);
      }
    }
    this.rv = snapshot.resourceVersion;
    this.history.compact(this.rv);
  }

  private existing(key: ResourceKey, input: KubeObject) {
    const table = this.table(key);
    const type = table.type;
    const name = input.metadata?.name;
    if (!name) throw StatusError.badRequest('name is required');
    const id = objectKey(
      type.namespaced ? input.metadata.namespace : undefined,
      name,
    );
    const existing = table.get(id);
    if (!existing)
      throw StatusError.notFound({
        group: type.group,
        kind: type.plural,
        name,
      });
    const rv = input.metadata.resourceVersion;
    if (rv && rv !== existing.metadata.resourceVersion) {
      throw StatusError.conflict({
        group: type.group,
        kind: type.plural,
        name,
      });
    }
    return { table, existing, id };
  }

  private normalise(type: ServedType, object: KubeObject): KubeObject {
    object.apiVersion = type.group
      ? `${type.group}/${type.version}`
      : type.version;
    object.kind = type.kind;
    object.metadata = object.metadata ?? {};
    if (!type.namespaced) delete object.metadata.namespace;
    return object;
  }

  private admit(
    type: ServedType,
    object: KubeObject,
    options: StoreWriteOptions,
  ): void {
    if (!this.validator || options.skipValidation) return;
    const result = this.validator.admit(
      type,
      type.version,
      object,
      options.fieldValidation,
    );
    options.warnings?.push(...result.warnings);
  }

  private replace(
    table: ObjectTable,
    id: string,
    existing: KubeObject,
    next: KubeObject,
    options: StoreWriteOptions,
  ): KubeObject {
    const type = table.type;
    const meta = next.metadata;
    const old = existing.metadata;
    carrySystemMetadata(type, existing, next);
    this.admit(type, next, options);
    if (!jsonEqual(specPart(next), specPart(existing)))
      meta.generation = (old.generation ?? 0) + 1;
    if (
      jsonEqual(comparable(next), comparable(existing)) &&
      jsonEqual(meta.managedFields, old.managedFields)
    ) {
      return structuredClone(existing);
    }
    meta.resourceVersion = String(this.rv + 1);
    if (options.dryRun) return next;
    if (meta.deletionTimestamp && !meta.finalizers?.length) {
      this.commit(table, id, existing, next, 'MODIFIED');
      return this.remove(table, id, table.get(id)!, 'Background');
    }
    this.commit(table, id, existing, next, 'MODIFIED');
    return structuredClone(next);
  }

  private remove(
    table: ObjectTable,
    id: string,
    existing: KubeObject,
    policy?: string,
  ): KubeObject {
    const last = structuredClone(existing);
    this.rv++;
    last.metadata.resourceVersion = String(this.rv);
    table.delete(id);
    this.owners.update(table.type.key, id, existing, undefined);
    this.emit({
      type: 'DELETED',
      resource: table.type,
      object: last,
      resourceVersion: this.rv,
      oldObject: existing,
    });
    const uid = existing.metadata.uid;
    if (uid) collectDependents(this, uid, policy);
    this.finishNamespace(existing.metadata.namespace);
    return structuredClone(last);
  }

  /** Removes a terminating namespace once nothing is left in it. */
  private finishNamespace(namespace: string | undefined): void {
    if (!namespace) return;
    const nsTable = this.tableMap.get('namespaces');
    const ns = nsTable?.get(objectKey(undefined, namespace));
    if (
      !nsTable ||
      !ns?.metadata.deletionTimestamp ||
      ns.metadata.finalizers?.length
    )
      return;
    if (!namespaceIsEmpty(this, namespace)) return;
    this.remove(nsTable, objectKey(undefined, namespace), ns);
  }

  private commit(
    table: ObjectTable,
    id: string,
    existing: KubeObject | undefined,
    next: KubeObject,
    type: 'ADDED' | 'MODIFIED',
  ): void {
    this.rv++;
    next.metadata.resourceVersion = String(this.rv);
    table.set(id, next);
    this.owners.update(table.type.key, id, existing, next);
    this.emit({
      type,
      resource: table.type,
      object: next,
      resourceVersion: this.rv,
      oldObject: existing,
    });
  }

  private emit(event: StoreChange): void {
    this.history.push(event);
    this.bus.emit(event);
  }
}
