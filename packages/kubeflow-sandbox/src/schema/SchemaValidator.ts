import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { KubeObject } from '../store/types';
import { StatusCause, StatusError } from '../store/StatusError';
import type { ServedType } from './coreTypes';
import type { JsonSchema } from './loadCrds';
import { pruneObject } from './prune';
import { workloadSelectorCauses } from './workloadRules';
import { dedupeSchema, toJsonSchema } from './toJsonSchema';
import type { TypeRegistry } from './TypeRegistry';

/** How to treat unknown fields (the `fieldValidation` query parameter). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** The admitted object and the warnings to send back. */
export interface AdmitResult {
  object: KubeObject;
  /** `unknown field "spec.foo"` warnings (fieldValidation=Warn). */
  warnings: string[];
}

/** `/spec/containers/0/name` → `spec.containers[0].name`. */
export function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (extra) parts.push(extra);
  let out = '';
  for (const part of parts) {
    const token = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(token)) out += `[${token}]`;
    else out += out ? `.${token}` : token;
  }
  return out;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Turns Ajv errors into apiserver-style causes (one per field). */
export function errorsToCauses(
  errors: ErrorObject[],
  object: unknown,
): StatusCause[] {
  const causes = new Map<string, StatusCause>();
  const valueAt = (instancePath: string) =>
    instancePath
      .split('/')
      .slice(1)
      .reduce<any>(
        (v, p) => (v === undefined || v === null ? v : v[p]),
        object,
      );
  const anyOfPaths = new Set(
    errors
      .filter(e => e.keyword === 'anyOf' || e.keyword === 'oneOf')
      .map(e => e.instancePath),
  );
  for (const error of errors) {
    if (error.keyword === 'required') {
      const field = fieldPath(
        error.instancePath,
        (error.params as { missingProperty: string }).missingProperty,
      );
      causes.set(field, {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field,
      });
      continue;
    }
    if (
      anyOfPaths.has(error.instancePath) &&
      error.keyword !== 'anyOf' &&
      error.keyword !== 'oneOf'
    )
      continue;
    const field = fieldPath(error.instancePath);
    if (causes.has(field)) continue;
    const value = valueAt(error.instancePath);
    let message: string;
    let reason = 'FieldValueInvalid';
    switch (error.keyword) {
      case 'enum':
        reason = 'FieldValueNotSupported';
        message = `Unsupported value: ${describe(value)}: supported values: ${(
          (error.params as { allowedValues: unknown[] }).allowedValues ?? []
        )
          .map(describe)
          .join(', ')}`;
        break;
      case 'type':
        reason = 'FieldValueTypeInvalid';
        message = `Invalid value: ${describe(
          value,
        )}: ${field} in body must be of type ${
          (error.params as { type: string }).type
        }: ${describe(value)}`;
        break;
      case 'minItems':
        message = `Invalid value: ${
          Array.isArray(value) ? value.length : 0
        }: ${field} in body should have at least ${
          (error.params as { limit: number }).limit
        } items`;
        break;
      default:
        message = `Invalid value: ${describe(value)}: ${field} in body ${
          error.message ?? 'is invalid'
        }`;
    }
    causes.set(field, { reason, message, field });
  }
  return [...causes.values()];
}

/**
 * Validates writes against the official schemas: prunes unknown fields (structural schema) and
 * checks with Ajv, compiled lazily once per kind and version (the KServe CRD is 2 MB).
 */
export class SchemaValidator {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    logger: false,
    // Generated-code optimisation costs more than it saves for these one-off, large schemas.
    code: { optimize: false },
  });
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(private readonly registry: TypeRegistry) {}

  private validatorFor(
    type: ServedType,
    version: string,
  ): ValidateFunction | null {
    const id = `${type.key}@${version}`;
    if (this.compiled.has(id)) return this.compiled.get(id)!;
    const schema = this.registry.schema(type.key, version);
    let fn: ValidateFunction | null = null;
    if (schema?.component) {
      const components = Object.fromEntries(
        Object.entries(schema.component.components).map(([k, v]) => [
          k,
          toJsonSchema(v),
        ]),
      );
      fn = this.ajv.compile({
        $ref: `#/components/schemas/${schema.component.name}`,
        components: { schemas: components },
      });
    } else if (schema?.structural) {
      const root = toJsonSchema(schema.structural) as JsonSchema;
      // metadata is validated by the store, not by the CRD schema.
      if (root.properties?.metadata)
        root.properties.metadata = { type: 'object' };
      fn = this.ajv.compile(dedupeSchema(root, 60));
    }
    this.compiled.set(id, fn);
    return fn;
  }

  /**
   * Prunes and validates `object` (mutated in place) as `version` of `type`. Throws StatusError
   * 422 Invalid with field causes, or 400 for unknown fields when `fieldValidation` is Strict.
   */
  admit(
    type: ServedType,
    version: string,
    object: KubeObject,
    fieldValidation: FieldValidation = 'Ignore',
  ): AdmitResult {
    const schema = this.registry.schema(type.key, version);
    const pruned = pruneObject(object, schema?.structural);
    const warnings = pruned.map(p => `unknown field "${p}"`);
    if (pruned.length && fieldValidation === 'Strict') {
      throw StatusError.badRequest(
        `strict decoding error: ${warnings.join(', ')}`,
      );
    }
    const validate = this.validatorFor(type, version);
    const name = object.metadata?.name;
    if (validate && !validate(object as unknown)) {
      const causes = errorsToCauses(validate.errors ?? [], object);
      if (causes.length) {
        throw StatusError.invalid(
          { group: type.group, kind: type.kind, name, kindName: type.kind },
          causes,
        );
      }
    }
    if (type.group === 'apps' && type.kind === 'Deployment') {
      const causes = workloadSelectorCauses(object);
      if (causes.length) {
        throw StatusError.invalid(
          { group: type.group, kind: type.kind, name, kindName: type.kind },
          causes,
        );
      }
    }
    return { object, warnings: fieldValidation === 'Warn' ? warnings : [] };
  }
}
