import Ajv from 'ajv';
import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';

/**
 * The official API definitions: `KUBEFLOW_SPECS_DIR`, or what `scripts/specs.mjs` materialised from
 * `specs/lock.json` into `<repo>/specs/upstream`.
 */
export const SPECS_DIR =
  process.env.KUBEFLOW_SPECS_DIR ??
  path.resolve(__dirname, '../../../../../specs/upstream');

type Schema = Record<string, any>;

/**
 * Applies the two conversions a CRD schema needs to validate as JSON Schema: Kubernetes'
 * `x-kubernetes-int-or-string` and OpenAPI 3.0's `nullable`.
 */
function convertCrdSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(convertCrdSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = convertCrdSchema(value);
  }
  if (out['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (out.nullable && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
  }
  return out;
}

/** The openAPIV3Schema of one version of a CRD file (multi-document YAML allowed). */
export function crdSchema(file: string, version: string): Schema {
  const docs = yaml.loadAll(
    fs.readFileSync(path.join(SPECS_DIR, file), 'utf8'),
  ) as Schema[];
  const crd = docs.find(d => d?.kind === 'CustomResourceDefinition');
  const v = crd?.spec.versions.find((x: Schema) => x.name === version);
  if (!v) throw new Error(`${file} has no version ${version}`);
  return convertCrdSchema(v.schema.openAPIV3Schema) as Schema;
}

/** A schema that points into a whole OpenAPI/Swagger document (`#/components/...`, `#/definitions/...`). */
export function documentSchema(file: string, ref: string): Schema {
  const text = fs.readFileSync(path.join(SPECS_DIR, file), 'utf8');
  const doc = (
    file.endsWith('.json') ? JSON.parse(text) : yaml.load(text)
  ) as Schema;
  return {
    ...(doc.components ? { components: doc.components } : {}),
    ...(doc.definitions ? { definitions: doc.definitions } : {}),
    $ref: ref,
  };
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/** Ajv errors of `value` against `schema`, as readable lines (empty when valid). */
export function schemaErrors(schema: Schema, value: unknown): string[] {
  const validate = ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

function resolve(schema: Schema, root: Schema): Schema {
  let current = schema;
  while (current?.$ref) {
    const parts = String(current.$ref).replace(/^#\//, '').split('/');
    current = parts.reduce((node: Schema, part) => node?.[part], root);
  }
  return current ?? {};
}

/** The schema and every schema it composes (allOf/oneOf/anyOf), recursively, resolved. */
function composedSchemas(schema: Schema, root: Schema): Schema[] {
  const s = resolve(schema, root);
  const parts = [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  return [s, ...parts.flatMap((p: Schema) => composedSchemas(p, root))];
}

/**
 * Paths in `value` that the schema does not declare. Most CRDs allow unknown fields (the API
 * server prunes them), so a typo would pass plain validation; this walk catches it.
 */
export function unknownFields(
  value: unknown,
  schema: Schema,
  root: Schema = schema,
  at = '',
): string[] {
  const s = resolve(schema, root);
  if (Array.isArray(value)) {
    return value.flatMap((item, i) =>
      unknownFields(item, s.items ?? {}, root, `${at}[${i}]`),
    );
  }
  if (!value || typeof value !== 'object') return [];
  if (s['x-kubernetes-preserve-unknown-fields']) return [];
  const variants = composedSchemas(s, root);
  // An object that takes any field (Katib's trialSpec is an Unstructured).
  if (variants.some(v => v.additionalProperties === true)) return [];
  const properties: Schema = Object.assign(
    {},
    ...variants.map(v => v.properties ?? {}),
  );
  const additional = variants.find(
    v => v.additionalProperties && typeof v.additionalProperties === 'object',
  )?.additionalProperties;
  const declaresShape = variants.some(
    v => v.properties || v.additionalProperties,
  );
  if (!declaresShape) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childSchema = properties[key] ?? additional;
    if (!childSchema) return [`${at}.${key}`];
    return unknownFields(child, childSchema, root, `${at}.${key}`);
  });
}
