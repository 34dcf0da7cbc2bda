import { jsonEqual, nowTimestamp } from '../../store/objectMeta';
import type { KubeObject } from '../../store/types';

/** A set of owned leaf field paths; segments (`f:spec`, `k:{"name":"c"}`) joined by '\n'. */
export type FieldSet = Set<string>;

/** One managedFields entry. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

const SEP = '\n';

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function listKey(list: unknown[]): string | undefined {
  if (list.length === 0 || !list.every(isObject)) return undefined;
  return ['name', 'containerPort', 'mountPath', 'type'].find(
    k =>
      list.every(i => (i as Record<string, unknown>)[k] !== undefined) &&
      new Set(list.map(i => JSON.stringify((i as Record<string, unknown>)[k])))
        .size === list.length,
  );
}

function collect(value: unknown, prefix: string, out: FieldSet): void {
  if (isObject(value) && Object.keys(value).length) {
    for (const [k, v] of Object.entries(value))
      collect(v, `${prefix}${SEP}f:${k}`, out);
    return;
  }
  if (Array.isArray(value)) {
    const key = listKey(value);
    if (key) {
      for (const item of value as Record<string, unknown>[]) {
        const itemPath = `${prefix}${SEP}k:${JSON.stringify({
          [key]: item[key],
        })}`;
        out.add(`${itemPath}${SEP}.`);
        for (const [k, v] of Object.entries(item))
          collect(v, `${itemPath}${SEP}f:${k}`, out);
      }
      return;
    }
  }
  out.add(prefix);
}

/** The leaf fields set in an object (metadata: only labels and annotations; status optional). */
export function fieldSetOf(object: KubeObject, withStatus: boolean): FieldSet {
  const out: FieldSet = new Set();
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind') continue;
    if (key === 'status' && !withStatus) continue;
    if (key === 'metadata') {
      for (const m of ['labels', 'annotations'] as const) {
        if (object.metadata[m])
          collect(object.metadata[m], `f:metadata${SEP}f:${m}`, out);
      }
      continue;
    }
    collect(value, `f:${key}`, out);
  }
  return out;
}

/** Resolves a path against an object; `undefined` if absent. */
export function valueAt(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const segment of path.split(SEP)) {
    if (segment === '.') return current;
    if (segment.startsWith('f:')) {
      current = isObject(current) ? current[segment.slice(2)] : undefined;
    } else if (segment.startsWith('k:')) {
      const [[k, v]] = Object.entries(JSON.parse(segment.slice(2)));
      current = Array.isArray(current)
        ? current.find(i => isObject(i) && jsonEqual(i[k], v))
        : undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** Removes the field at `path` (a `k:` item when the path ends with '.'). */
export function removeAt(object: unknown, path: string): void {
  const segments = path.split(SEP);
  const last =
    segments[segments.length - 1] === '.'
      ? segments.length - 2
      : segments.length - 1;
  const parent = valueAt(object, segments.slice(0, last).join(SEP));
  const segment = segments[last];
  if (segment.startsWith('f:') && isObject(parent))
    delete parent[segment.slice(2)];
  if (segment.startsWith('k:') && Array.isArray(parent)) {
    const [[k, v]] = Object.entries(JSON.parse(segment.slice(2)));
    const index = parent.findIndex(i => isObject(i) && jsonEqual(i[k], v));
    if (index >= 0) parent.splice(index, 1);
  }
}

/** `.spec.replicas` form of a path, for conflict messages. */
export function displayPath(path: string): string {
  return path
    .split(SEP)
    .filter(s => s !== '.')
    .map(s =>
      s.startsWith('f:')
        ? `.${s.slice(2)}`
        : `[${s
            .slice(2)
            .replace(/^\{"(\w+)":/, '$1=')
            .replace(/\}$/, '')}]`,
    )
    .join('');
}

/** Field set → FieldsV1 tree. */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const path of set) {
    let node = root;
    for (const segment of path.split(SEP)) node = node[segment] ??= {};
  }
  return root;
}

/** FieldsV1 tree → field set. */
export function fromFieldsV1(
  tree: Record<string, unknown> | undefined,
  prefix = '',
): FieldSet {
  const out: FieldSet = new Set();
  for (const [segment, child] of Object.entries(tree ?? {})) {
    const path = prefix ? `${prefix}${SEP}${segment}` : segment;
    if (isObject(child) && Object.keys(child).length)
      fromFieldsV1(child, path).forEach(p => out.add(p));
    else out.add(path);
  }
  return out;
}

/** Builds a managedFields entry. */
export function managedEntry(
  manager: string,
  operation: 'Apply' | 'Update',
  apiVersion: string,
  set: FieldSet,
  subresource?: string,
): ManagedFieldsEntry {
  return {
    manager,
    operation,
    apiVersion,
    time: nowTimestamp(),
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(set),
    ...(subresource ? { subresource } : {}),
  };
}

/** Paths whose values differ between two objects (set in `after` but changed, or removed). */
export function changedPaths(
  before: KubeObject | undefined,
  after: KubeObject,
  withStatus: boolean,
): { changed: FieldSet; removed: FieldSet } {
  const afterSet = fieldSetOf(after, withStatus);
  const beforeSet = before ? fieldSetOf(before, withStatus) : new Set<string>();
  const changed: FieldSet = new Set(
    [...afterSet].filter(
      p =>
        !beforeSet.has(p) || !jsonEqual(valueAt(before, p), valueAt(after, p)),
    ),
  );
  const removed: FieldSet = new Set(
    [...beforeSet].filter(p => !afterSet.has(p)),
  );
  return { changed, removed };
}
