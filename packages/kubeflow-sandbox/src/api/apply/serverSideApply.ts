import { jsonEqual } from '../../store/objectMeta';
import { StatusError, StatusTarget } from '../../store/StatusError';
import type { KubeObject } from '../../store/types';
import {
  changedPaths,
  displayPath,
  FieldSet,
  fieldSetOf,
  fromFieldsV1,
  managedEntry,
  ManagedFieldsEntry,
  removeAt,
  valueAt,
} from './fieldSets';

interface Owned {
  entry: ManagedFieldsEntry;
  set: FieldSet;
  dirty: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function ownersOf(object: KubeObject | undefined): Owned[] {
  return ((object?.metadata.managedFields ?? []) as ManagedFieldsEntry[]).map(
    entry => ({
      entry,
      set: fromFieldsV1(entry.fieldsV1),
      dirty: false,
    }),
  );
}

function sameSet(a: FieldSet, b: FieldSet): boolean {
  return a.size === b.size && [...a].every(p => b.has(p));
}

function finish(owners: Owned[]): ManagedFieldsEntry[] | undefined {
  const entries = owners
    .filter(o => o.set.size > 0)
    .map(o =>
      o.dirty
        ? managedEntry(
            o.entry.manager,
            o.entry.operation,
            o.entry.apiVersion,
            o.set,
            o.entry.subresource,
          )
        : o.entry,
    );
  return entries.length ? entries : undefined;
}

function keyOf(list: unknown[]): string | undefined {
  if (!list.length || !list.every(isObject)) return undefined;
  return ['name', 'containerPort', 'mountPath', 'type'].find(k =>
    list.every(i => (i as Record<string, unknown>)[k] !== undefined),
  );
}

/** Merges an applied configuration into an object: maps merge, keyed lists merge by key. */
export function mergeApplied(base: unknown, applied: unknown): unknown {
  if (isObject(applied)) {
    const out: Record<string, unknown> = isObject(base) ? { ...base } : {};
    for (const [k, v] of Object.entries(applied))
      out[k] = mergeApplied(out[k], v);
    return out;
  }
  if (Array.isArray(applied) && Array.isArray(base)) {
    const key = keyOf(applied);
    if (key && keyOf(base) === key) {
      const out = [...base] as Record<string, unknown>[];
      for (const item of applied as Record<string, unknown>[]) {
        const index = out.findIndex(o => jsonEqual(o[key], item[key]));
        if (index >= 0)
          out[index] = mergeApplied(out[index], item) as Record<
            string,
            unknown
          >;
        else out.push(structuredClone(item));
      }
      return out;
    }
  }
  return structuredClone(applied);
}

/**
 * Server-side apply: merges `applied` into `current` (or creates it), tracking ownership per
 * manager in managedFields. Another manager owning a field with a different value is a 409
 * Conflict unless `force`, which takes the field over. Re-applying the same configuration yields
 * an identical object (managedFields included), so the store writes nothing.
 */
export function serverSideApply(options: {
  current: KubeObject | undefined;
  applied: KubeObject;
  manager: string;
  force: boolean;
  withStatus: boolean;
  target: StatusTarget;
}): KubeObject {
  const { current, applied, manager, force, withStatus } = options;
  const fields = fieldSetOf(applied, withStatus);
  const owners = ownersOf(current);
  let mine = owners.find(
    o => o.entry.manager === manager && o.entry.operation === 'Apply',
  );
  const conflicts: Array<{ manager: string; path: string }> = [];
  for (const other of owners) {
    if (other === mine) continue;
    for (const path of fields) {
      if (
        other.set.has(path) &&
        !jsonEqual(valueAt(current, path), valueAt(applied, path))
      ) {
        conflicts.push({ manager: other.entry.manager, path });
      }
    }
  }
  if (conflicts.length && !force) {
    const causes = conflicts.map(c => ({
      reason: 'FieldManagerConflict',
      message: `conflict with "${c.manager}"`,
      field: displayPath(c.path),
    }));
    throw new StatusError(
      409,
      'Conflict',
      `Apply failed with ${conflicts.length} conflict${
        conflicts.length > 1 ? 's' : ''
      }: ${causes.map(c => `${c.message}: ${c.field}`).join('\n')}`,
      { ...options.target, causes },
    );
  }
  for (const owner of owners) {
    for (const conflict of conflicts) {
      if (
        owner.entry.manager === conflict.manager &&
        owner.set.delete(conflict.path)
      ) {
        owner.dirty = true;
      }
    }
  }
  const result = structuredClone(
    current ?? {
      apiVersion: applied.apiVersion,
      kind: applied.kind,
      metadata: {},
    },
  ) as KubeObject;
  const others = owners.filter(o => o !== mine);
  for (const path of mine?.set ?? []) {
    if (fields.has(path) || others.some(o => o.set.has(path))) continue;
    removeAt(result, path);
  }
  const { metadata: appliedMeta, apiVersion: _a, kind: _k, ...body } = applied;
  const merged = mergeApplied(result, body) as KubeObject;
  for (const m of ['labels', 'annotations'] as const) {
    if (appliedMeta?.[m])
      merged.metadata[m] = mergeApplied(
        merged.metadata[m],
        appliedMeta[m],
      ) as Record<string, string>;
    if (merged.metadata[m] && !Object.keys(merged.metadata[m]!).length)
      delete merged.metadata[m];
  }
  if (!current) {
    for (const key of [
      'name',
      'namespace',
      'generateName',
      'finalizers',
      'ownerReferences',
    ] as const) {
      if (appliedMeta?.[key] !== undefined)
        (merged.metadata as Record<string, unknown>)[key] = structuredClone(
          appliedMeta[key],
        );
    }
  }
  if (!mine) {
    mine = {
      entry: managedEntry(manager, 'Apply', applied.apiVersion, fields),
      set: fields,
      dirty: false,
    };
    owners.push(mine);
  } else if (!sameSet(mine.set, fields)) {
    mine.set = fields;
    mine.dirty = true;
  }
  merged.metadata.managedFields = finish(owners);
  return merged;
}

/**
 * Records a non-apply write (create, update, patch) in managedFields: the changed fields move to
 * `manager` (operation Update), removed fields leave every manager.
 */
export function recordUpdate(
  before: KubeObject | undefined,
  after: KubeObject,
  manager: string,
  withStatus: boolean,
  subresource?: string,
): void {
  const owners = ownersOf(before);
  const { changed, removed } = changedPaths(before, after, withStatus);
  if (!changed.size && !removed.size) {
    after.metadata.managedFields = before?.metadata.managedFields;
    return;
  }
  for (const owner of owners) {
    for (const path of [...owner.set]) {
      if (changed.has(path) || removed.has(path)) {
        owner.set.delete(path);
        owner.dirty = true;
      }
    }
  }
  let mine = owners.find(
    o =>
      o.entry.manager === manager &&
      o.entry.operation === 'Update' &&
      o.entry.subresource === subresource,
  );
  if (!mine) {
    mine = {
      entry: managedEntry(
        manager,
        'Update',
        after.apiVersion,
        new Set(),
        subresource,
      ),
      set: new Set(),
      dirty: true,
    };
    owners.push(mine);
  }
  changed.forEach(p => mine!.set.add(p));
  mine.dirty = true;
  after.metadata.managedFields = finish(owners);
}
