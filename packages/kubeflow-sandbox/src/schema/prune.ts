import type { JsonSchema } from './loadCrds';

const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'finalizers',
  'ownerReferences',
  'managedFields',
  'selfLink',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function pruneMetadata(meta: unknown, path: string, pruned: string[]): unknown {
  if (!isPlainObject(meta)) return meta;
  for (const key of Object.keys(meta)) {
    if (!OBJECT_META_FIELDS.has(key)) {
      delete meta[key];
      pruned.push(`${path}.${key}`);
    }
  }
  return meta;
}

const DROP = Symbol('drop');

function walk(
  value: unknown,
  schema: JsonSchema | undefined,
  path: string,
  pruned: string[],
): unknown {
  if (!schema) return value;
  if (value === null) return schema.nullable ? value : DROP;
  if (Array.isArray(value)) {
    if (!schema.items || typeof schema.items !== 'object') return value;
    return value.map((item, i) => {
      const result = walk(item, schema.items, `${path}[${i}]`, pruned);
      return result === DROP ? null : result;
    });
  }
  if (!isPlainObject(value)) return value;
  const properties: JsonSchema | undefined = schema.properties;
  const additional = schema.additionalProperties;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = schema['x-kubernetes-embedded-resource'] === true;
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    if (embedded && (key === 'apiVersion' || key === 'kind')) continue;
    if (embedded && key === 'metadata') {
      pruneMetadata(value[key], child, pruned);
      continue;
    }
    let childSchema: JsonSchema | undefined;
    if (properties && key in properties) childSchema = properties[key];
    else if (additional && typeof additional === 'object')
      childSchema = additional;
    else if (additional === true || preserve) continue;
    else {
      delete value[key];
      pruned.push(child);
      continue;
    }
    const result = walk(value[key], childSchema, child, pruned);
    if (result === DROP) delete value[key];
    else value[key] = result;
  }
  return value;
}

/**
 * Prunes, in place, the fields a structural schema does not know (as the apiserver does for
 * CRDs), keeping anything under `x-kubernetes-preserve-unknown-fields` and dropping nulls where
 * the schema is not nullable. Returns the pruned field paths (`spec.foo`).
 */
export function pruneObject(
  object: Record<string, unknown>,
  schema: JsonSchema | undefined,
): string[] {
  const pruned: string[] = [];
  if (!schema) return pruned;
  pruneMetadata(object.metadata, 'metadata', pruned);
  for (const key of Object.keys(object)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
    const properties = schema.properties ?? {};
    if (!(key in properties)) {
      if (schema['x-kubernetes-preserve-unknown-fields'] === true) continue;
      delete object[key];
      pruned.push(key);
      continue;
    }
    const result = walk(object[key], properties[key], key, pruned);
    if (result === DROP) delete object[key];
    else object[key] = result;
  }
  return pruned;
}
