import type { JsonSchema } from './loadCrds';

const DROPPED = new Set([
  'description',
  'format',
  'example',
  'x-kubernetes-validations',
  'x-kubernetes-v2-schema',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
]);

const SCHEMA_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  'schemas',
]);

/**
 * Converts an OpenAPI v3 (CRD structural) schema to plain JSON Schema for Ajv:
 * `x-kubernetes-int-or-string` → `anyOf [integer, string]`, `nullable` → add "null"; drops
 * descriptions, formats and CEL rules (which Ajv cannot check).
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (DROPPED.has(key)) continue;
    out[key] =
      SCHEMA_MAPS.has(key) && value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]),
          )
        : toJsonSchema(value);
  }
  if (out['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.nullable && typeof out.type === 'string')
    out.type = [out.type, 'null'];
  return out;
}

/**
 * Moves repeated sub-schemas (PodSpecs repeated dozens of times in the KServe and Spark CRDs)
 * into `definitions` referenced by `$ref`, so Ajv compiles each once: the KServe CRD compiles in
 * ~0.15 s instead of ~3.5 s.
 */
export function dedupeSchema(root: JsonSchema, minLength = 200): JsonSchema {
  const definitions: JsonSchema = {};
  const seen = new Map<string, string>();
  const walk = (node: unknown, isRoot: boolean): unknown => {
    if (Array.isArray(node)) return node.map(n => walk(n, false));
    if (!node || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node as JsonSchema)) {
      out[key] =
        SCHEMA_MAPS.has(key) && value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value).map(([k, v]) => [k, walk(v, false)]),
            )
          : walk(value, false);
    }
    if (isRoot) return out;
    const text = JSON.stringify(out);
    if (text.length < minLength) return out;
    let id = seen.get(text);
    if (!id) {
      id = `s${seen.size}`;
      seen.set(text, id);
      definitions[id] = out;
    }
    return { $ref: `#/definitions/${id}` };
  };
  const result = walk(root, true) as JsonSchema;
  result.definitions = definitions;
  return result;
}
