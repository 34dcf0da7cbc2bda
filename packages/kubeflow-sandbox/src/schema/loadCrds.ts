import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { applyJsonPatch } from '../api/patch/jsonPatch';
import {
  CRD_CATALOG,
  CRD_PATCHES,
  CrdEntry,
  KATIB_SWAGGER,
} from './crdCatalog';
import type { PrinterColumn, ServedType } from './coreTypes';
import { CORE_CRD_SCHEMAS } from './coreCrdSchemas';

/** A JSON schema (an OpenAPI v3 structural schema or a swagger component). */
export type JsonSchema = Record<string, any>;

/** What validates and documents one served version of a kind. */
export interface VersionSchema {
  /** The CRD's `openAPIV3Schema` (patched as installed); drives pruning. */
  structural?: JsonSchema;
  /** A schema from an OpenAPI document's components, when the CRD has none (Katib). */
  component?: { name: string; components: Record<string, JsonSchema> };
}

/** The loaded Kubeflow types and their schemas keyed `<type key>@<version>`. */
export interface LoadedCrds {
  types: ServedType[];
  schemas: Map<string, VersionSchema>;
  /** Human-readable problems (missing directory or files); empty when all loaded. */
  warnings: string[];
}

const VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function fallbackType(entry: CrdEntry): ServedType {
  return {
    group: entry.group,
    version: entry.versions[0],
    versions: entry.versions,
    kind: entry.kind,
    listKind: `${entry.kind}List`,
    plural: entry.plural,
    singular: entry.kind.toLowerCase(),
    namespaced: entry.namespaced,
    statusSubresource: entry.status,
    key: `${entry.plural}.${entry.group}`,
    verbs: VERBS,
    subresources: [],
    custom: true,
  };
}

function typeFromCrd(crd: JsonSchema): ServedType {
  const spec = crd.spec;
  const served = (spec.versions as JsonSchema[]).filter(
    v => v.served !== false,
  );
  const storage = served.find(v => v.storage) ?? served[0];
  const names = spec.names;
  return {
    group: spec.group,
    version: storage.name,
    versions: [
      storage.name,
      ...served.filter(v => v !== storage).map(v => v.name),
    ],
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    plural: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    shortNames: names.shortNames,
    categories: names.categories,
    namespaced: spec.scope !== 'Cluster',
    statusSubresource: !!storage.subresources?.status,
    key: `${names.plural}.${spec.group}`,
    verbs: VERBS,
    subresources: storage.subresources?.scale ? ['scale'] : [],
    printerColumns: storage.additionalPrinterColumns as
      | PrinterColumn[]
      | undefined,
    custom: true,
  };
}

/**
 * The YAML documents of a definitions file. The CRDs are megabytes of YAML that every sandbox start
 * would parse again (seconds, in a test run that starts hundreds), so the parsed documents are
 * kept as JSON beside the file (`.parsed/`), keyed by its size and time; an unwritable folder
 * (a read-only mirror) just parses each time.
 */
function readYamlDocuments(file: string): JsonSchema[] {
  const stat = fs.statSync(file);
  const cached = path.join(
    path.dirname(file),
    '.parsed',
    `${path.basename(file)}.${stat.size}.${Math.floor(stat.mtimeMs)}.json`,
  );
  try {
    return JSON.parse(fs.readFileSync(cached, 'utf8'));
  } catch {
    // not parsed yet (or unreadable): parse below
  }
  const documents = yaml
    .loadAll(fs.readFileSync(file, 'utf8'))
    .filter(Boolean) as JsonSchema[];
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(`${cached}.${process.pid}`, JSON.stringify(documents));
    fs.renameSync(`${cached}.${process.pid}`, cached);
  } catch {
    // read-only definitions: no cache
  }
  return documents;
}

/** Serves `entry` under the catalogue's names with its built-in core schema (coreCrdSchemas). */
function addFallback(
  entry: CrdEntry,
  types: ServedType[],
  schemas: Map<string, VersionSchema>,
): void {
  const type = fallbackType(entry);
  types.push(type);
  for (const version of entry.versions)
    schemas.set(`${type.key}@${version}`, {
      structural: CORE_CRD_SCHEMAS[entry.kind],
    });
}

/**
 * Reads the Kubeflow CRDs from `specsDir` (see crdCatalog). A missing directory or file falls
 * back to the catalogue's names with the kind's core schema, reported in `warnings`.
 */
export function loadCrds(specsDir: string): LoadedCrds {
  const types: ServedType[] = [];
  const schemas = new Map<string, VersionSchema>();
  const warnings: string[] = [];
  if (!fs.existsSync(specsDir)) {
    warnings.push(
      `kubeflow-sandbox: no official definitions in ${specsDir} (node scripts/specs.mjs fetches them); ` +
        'every Kubeflow kind is served with its built-in core schema: required fields and the types ' +
        'of the fields the portal reads are checked, unknown fields are kept, the rest of each CRD ' +
        '(enums, formats, nested types) and the built-in kinds are not checked',
    );
    for (const entry of CRD_CATALOG) addFallback(entry, types, schemas);
    return { types, schemas, warnings };
  }
  let katibComponents: Record<string, JsonSchema> | undefined;
  const katib = () => {
    if (!katibComponents) {
      const swagger = JSON.parse(
        fs.readFileSync(path.join(specsDir, KATIB_SWAGGER), 'utf8'),
      );
      katibComponents = swagger.components?.schemas ?? {};
    }
    return katibComponents!;
  };
  for (const entry of CRD_CATALOG) {
    const file = path.join(specsDir, entry.file);
    let crd: JsonSchema | undefined;
    try {
      crd = readYamlDocuments(file).find(
        d => d.kind === 'CustomResourceDefinition',
      );
      const patchFile = CRD_PATCHES[entry.file];
      if (crd && patchFile) {
        const ops = yaml.load(
          fs.readFileSync(path.join(specsDir, patchFile), 'utf8'),
        );
        crd = applyJsonPatch(crd, ops) as JsonSchema;
      }
    } catch (error) {
      warnings.push(`Could not read ${file}: ${(error as Error).message}`);
    }
    if (!crd) {
      addFallback(entry, types, schemas);
      continue;
    }
    const type = typeFromCrd(crd);
    types.push(type);
    for (const version of crd.spec.versions as JsonSchema[]) {
      const structural = version.schema?.openAPIV3Schema as
        | JsonSchema
        | undefined;
      const schema: VersionSchema = { structural };
      if (entry.swaggerSchema) {
        try {
          schema.component = { name: entry.swaggerSchema, components: katib() };
        } catch (error) {
          warnings.push(
            `Could not read ${KATIB_SWAGGER}: ${(error as Error).message}`,
          );
        }
      }
      schemas.set(`${type.key}@${version.name}`, schema);
    }
  }
  return { types, schemas, warnings };
}
