function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch: objects merge, `null` deletes, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const result: Record<string, unknown> = isObject(target)
    ? structuredClone(target)
    : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/** Merge keys of the core list fields whose items are not keyed by `name`. */
const MERGE_KEYS: Record<string, string> = {
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  conditions: 'type',
  hostAliases: 'ip',
  imagePullSecrets: 'name',
  topologySpreadConstraints: 'topologyKey',
};

function mergeKeyFor(
  field: string,
  base: unknown[],
  patch: unknown[],
): string | undefined {
  const items = [...base, ...patch].filter(isObject);
  if (items.length === 0 || items.length !== base.length + patch.length)
    return undefined;
  const candidates = [MERGE_KEYS[field], 'name', 'port'].filter(
    Boolean,
  ) as string[];
  return candidates.find(key =>
    items.every(item => key in item || item.$patch !== undefined),
  );
}

function mergeList(
  field: string,
  base: unknown[],
  patch: unknown[],
): unknown[] {
  const key = mergeKeyFor(field, base, patch);
  if (!key)
    return structuredClone(patch.filter(p => !(isObject(p) && p.$patch)));
  const result = structuredClone(base) as Record<string, unknown>[];
  for (const item of patch as Record<string, unknown>[]) {
    const index = result.findIndex(r => r[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (item.$patch === 'replace') {
      const { $patch: _p, ...rest } = item;
      if (index >= 0) result[index] = rest;
      else result.push(rest);
      continue;
    }
    if (index >= 0)
      result[index] = applyStrategicMergePatch(result[index], item) as Record<
        string,
        unknown
      >;
    else
      result.push(
        applyStrategicMergePatch({}, item) as Record<string, unknown>,
      );
  }
  return result;
}

/**
 * Strategic merge patch, approximated: like a merge patch, except lists of objects are merged by
 * their merge key (`name`, or the core merge key of known fields), and the `$patch`,
 * `$setElementOrder/…`, `$retainKeys` and `$deleteFromPrimitiveList/…` directives are honoured.
 */
export function applyStrategicMergePatch(
  target: unknown,
  patch: unknown,
): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return structuredClone(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const result: Record<string, unknown> = isObject(target)
    ? structuredClone(target)
    : {};
  const retain = patch.$retainKeys as string[] | undefined;
  for (const [key, value] of Object.entries(patch)) {
    if (
      key === '$patch' ||
      key === '$retainKeys' ||
      key.startsWith('$setElementOrder/')
    )
      continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set(value as unknown[]);
      if (Array.isArray(result[field]))
        result[field] = (result[field] as unknown[]).filter(v => !drop.has(v));
      continue;
    }
    if (value === null) delete result[key];
    else if (Array.isArray(value) && Array.isArray(result[key]))
      result[key] = mergeList(key, result[key] as unknown[], value);
    else if (Array.isArray(value)) result[key] = mergeList(key, [], value);
    else {
      const merged = applyStrategicMergePatch(result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
  }
  if (retain) {
    for (const key of Object.keys(result))
      if (!retain.includes(key)) delete result[key];
  }
  return result;
}
