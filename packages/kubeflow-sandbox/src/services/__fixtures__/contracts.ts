import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { toJsonSchema } from '../../schema/toJsonSchema';
import { SPECS_DIR } from '../../controllers/__fixtures__/specsDir';

type Schema = Record<string, any>;

/**
 * Validates values against the named schemas of an OpenAPI/Swagger document (Ajv, draft-07
 * keywords; OpenAPI `nullable` converted), and walks them for properties the schema does not
 * declare, so typos fail even where `additionalProperties` is open.
 */
export class ContractChecker {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
  });
  private readonly compiled = new Map<string, ReturnType<Ajv['compile']>>();

  private constructor(
    private readonly schemas: Record<string, Schema>,
    private readonly refPrefix: string,
    private readonly wrap: (s: Record<string, Schema>) => Schema,
  ) {}

  /** KFP Swagger 2.0 (`#/definitions/...`). */
  static kfp(): ContractChecker {
    const doc = JSON.parse(
      fs.readFileSync(
        path.join(SPECS_DIR, 'pipelines/kfp_api_single_file.swagger.json'),
        'utf8',
      ),
    );
    return new ContractChecker(doc.definitions, '#/definitions/', s => ({
      definitions: s,
    }));
  }

  /** Model Registry OpenAPI 3 (`#/components/schemas/...`). */
  static modelRegistry(): ContractChecker {
    const doc = yaml.load(
      fs.readFileSync(
        path.join(SPECS_DIR, 'model-registry/model-registry.yaml'),
        'utf8',
      ),
    ) as Schema;
    const schemas = toJsonSchema(doc.components.schemas) as Record<
      string,
      Schema
    >;
    return new ContractChecker(schemas, '#/components/schemas/', s => ({
      components: { schemas: s },
    }));
  }

  /** Katib OpenAPI 3 (`#/components/schemas/...`); names resolve with or without the leading dot. */
  static katib(): ContractChecker {
    const doc = JSON.parse(
      fs.readFileSync(path.join(SPECS_DIR, 'katib/swagger.json'), 'utf8'),
    );
    const schemas = toJsonSchema(doc.components.schemas) as Record<
      string,
      Schema
    >;
    return new ContractChecker(schemas, '#/components/schemas/', s => ({
      components: { schemas: s },
    }));
  }

  private resolveName(name: string): string {
    if (this.schemas[name]) return name;
    if (this.schemas[`.${name}`]) return `.${name}`;
    throw new Error(`no schema ${name}`);
  }

  /** Problems of `value` as schema `name` (empty = valid and no unknown properties). */
  check(
    name: string,
    value: unknown,
    options: { skipMetadata?: boolean } = {},
  ): string[] {
    const resolved = this.resolveName(name);
    let validate = this.compiled.get(resolved);
    if (!validate) {
      validate = this.ajv.compile({
        ...this.wrap(this.schemas),
        $ref: `${this.refPrefix}${resolved}`,
      });
      this.compiled.set(resolved, validate);
    }
    const problems: string[] = [];
    if (!validate(value)) {
      problems.push(
        ...(validate.errors ?? []).map(
          e => `${e.instancePath || '/'} ${e.message}`,
        ),
      );
    }
    this.walk(
      value,
      this.schemas[resolved],
      '',
      problems,
      options.skipMetadata ?? true,
    );
    return problems;
  }

  private deref(schema: Schema | undefined): Schema | undefined {
    let s = schema;
    for (let i = 0; s?.$ref && i < 20; i++)
      s = this.schemas[String(s.$ref).slice(this.refPrefix.length)];
    return s;
  }

  /** Properties, additionalProperties and items of a schema, flattening allOf/oneOf/anyOf. */
  private shape(schema: Schema | undefined): {
    properties?: Record<string, Schema>;
    additional?: Schema | boolean;
    items?: Schema;
    open: boolean;
  } {
    const s = this.deref(schema);
    if (!s) return { open: true };
    let properties: Record<string, Schema> | undefined = s.properties
      ? { ...s.properties }
      : undefined;
    let additional: Schema | boolean | undefined = s.additionalProperties;
    let items: Schema | undefined = s.items;
    let open = !!s['x-kubernetes-preserve-unknown-fields'];
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      for (const part of (s[key] ?? []) as Schema[]) {
        const sub = this.shape(part);
        if (sub.properties)
          properties = { ...(properties ?? {}), ...sub.properties };
        additional ??= sub.additional;
        items ??= sub.items;
        open ||= sub.open;
      }
    }
    if (
      !properties &&
      additional === undefined &&
      !items &&
      (s.type === 'object' || !s.type)
    )
      open = true;
    return { properties, additional, items, open };
  }

  private walk(
    value: unknown,
    schema: Schema | undefined,
    at: string,
    problems: string[],
    skipMetadata: boolean,
  ): void {
    if (value === null || typeof value !== 'object') return;
    const shape = this.shape(schema);
    if (Array.isArray(value)) {
      value.forEach((v, i) =>
        this.walk(v, shape.items, `${at}/${i}`, problems, skipMetadata),
      );
      return;
    }
    if (shape.open && !shape.properties) return;
    for (const [key, v] of Object.entries(value)) {
      if (skipMetadata && at === '' && key === 'metadata') continue;
      const prop = shape.properties?.[key];
      if (prop) this.walk(v, prop, `${at}/${key}`, problems, skipMetadata);
      else if (shape.additional && typeof shape.additional === 'object')
        this.walk(v, shape.additional, `${at}/${key}`, problems, skipMetadata);
      else if (!shape.additional && !shape.open)
        problems.push(`${at}/${key} is not a known property`);
    }
  }
}
