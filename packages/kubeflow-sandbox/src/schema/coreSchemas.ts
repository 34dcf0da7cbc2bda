import fs from 'node:fs';
import path from 'node:path';
import { KATIB_SWAGGER } from './crdCatalog';
import type { JsonSchema, VersionSchema } from './loadCrds';

/**
 * Structural schemas for the built-in kinds a portal install writes (Namespace, ServiceAccount,
 * Service, ConfigMap, Secret, Deployment, RBAC), so a server-side dry run rejects what a real
 * apiserver rejects: unknown fields (fieldValidation=Strict), wrong types, missing required fields.
 *
 * The core/v1 definitions are the Kubernetes ones Katib bundles in `katib/swagger.json`
 * (`io.k8s.api.core.v1.*`), inlined. apps/v1 and rbac/v1 are not in any shared spec: their few
 * top-level fields are written here from the Kubernetes API reference, and everything below them
 * (PodTemplateSpec, LabelSelector, IntOrString) is again Katib's bundled definition.
 */

const PREFIX = '#/components/schemas/';
const CORE = 'io.k8s.api.core.v1.';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

const DROPPED = new Set([
  'default',
  'x-kubernetes-v2-schema',
  'x-kubernetes-unions',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-patch-merge-key',
  'discriminator',
]);

/** Resolves `$ref`s (and single-ref `allOf`s) into one inline structural schema. */
function inline(
  node: unknown,
  components: Record<string, JsonSchema>,
  stack: string[] = [],
): unknown {
  if (Array.isArray(node)) return node.map(n => inline(n, components, stack));
  if (!node || typeof node !== 'object') return node;
  const schema = node as JsonSchema;
  const ref: string | undefined =
    schema.$ref ??
    (Array.isArray(schema.allOf) && schema.allOf.length === 1
      ? schema.allOf[0].$ref
      : undefined);
  if (typeof ref === 'string' && ref.startsWith(PREFIX)) {
    const name = ref.slice(PREFIX.length);
    if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString')
      return { 'x-kubernetes-int-or-string': true };
    if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity')
      return { anyOf: [{ type: 'integer' }, { type: 'number' }, { type: 'string' }] };
    if (stack.includes(name) || !components[name])
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const resolved = inline(components[name], components, [
      ...stack,
      name,
    ]) as JsonSchema;
    return schema.description
      ? { ...resolved, description: schema.description }
      : resolved;
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    out[key] =
      key === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [
              k,
              inline(v, components, stack),
            ]),
          )
        : inline(value, components, stack);
  }
  return out;
}

const ref = (name: string) => ({ $ref: `${PREFIX}${name}` });
const strings = { type: 'array', items: { type: 'string' } };
const int32 = { type: 'integer', format: 'int32' };
const objectMeta = ref(`${META}ObjectMeta`);
const status = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

/** A top-level kind: apiVersion, kind, metadata plus its own fields. */
function kind(
  properties: JsonSchema,
  required: string[] = [],
  description?: string,
): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    ...(required.length ? { required } : {}),
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: objectMeta,
      ...properties,
    },
  };
}

const policyRule = {
  type: 'object',
  required: ['verbs'],
  properties: {
    apiGroups: strings,
    nonResourceURLs: strings,
    resourceNames: strings,
    resources: strings,
    verbs: strings,
  },
};

const roleRef = {
  type: 'object',
  required: ['apiGroup', 'kind', 'name'],
  properties: {
    apiGroup: { type: 'string' },
    kind: { type: 'string' },
    name: { type: 'string' },
  },
};

const subject = {
  type: 'object',
  required: ['kind', 'name'],
  properties: {
    apiGroup: { type: 'string' },
    kind: { type: 'string' },
    name: { type: 'string' },
    namespace: { type: 'string' },
  },
};

/** The kinds Kubernetes defines outside core/v1, by `<store key>@<version>`. */
function handWritten(): Record<string, JsonSchema> {
  const role = kind({ rules: { type: 'array', items: policyRule } });
  const binding = kind(
    { roleRef, subjects: { type: 'array', items: subject } },
    ['roleRef'],
  );
  return {
    'deployments.apps@v1': kind({
      spec: {
        type: 'object',
        required: ['selector', 'template'],
        properties: {
          minReadySeconds: int32,
          paused: { type: 'boolean' },
          progressDeadlineSeconds: int32,
          replicas: int32,
          revisionHistoryLimit: int32,
          selector: ref(`${META}LabelSelector`),
          strategy: {
            type: 'object',
            properties: {
              type: { type: 'string', enum: ['Recreate', 'RollingUpdate'] },
              rollingUpdate: {
                type: 'object',
                properties: {
                  maxSurge: { 'x-kubernetes-int-or-string': true },
                  maxUnavailable: { 'x-kubernetes-int-or-string': true },
                },
              },
            },
          },
          template: ref(`${CORE}PodTemplateSpec`),
        },
      },
      status,
    }),
    'roles.rbac.authorization.k8s.io@v1': role,
    'clusterroles.rbac.authorization.k8s.io@v1': kind({
      rules: { type: 'array', items: policyRule },
      aggregationRule: {
        type: 'object',
        properties: {
          clusterRoleSelectors: {
            type: 'array',
            items: ref(`${META}LabelSelector`),
          },
        },
      },
    }),
    'rolebindings.rbac.authorization.k8s.io@v1': binding,
    'clusterrolebindings.rbac.authorization.k8s.io@v1': binding,
  };
}

/** core/v1 kinds taken whole from the bundled definitions, by store key. */
const BUNDLED: Record<string, string> = {
  namespaces: 'Namespace',
  serviceaccounts: 'ServiceAccount',
  services: 'Service',
  configmaps: 'ConfigMap',
  secrets: 'Secret',
};

const cache = new Map<string, Map<string, VersionSchema>>();

/**
 * The structural schemas of the built-in kinds, keyed `<store key>@<version>`; empty (those
 * kinds stay schema-less) when `katib/swagger.json` cannot be read.
 */
export function loadCoreSchemas(specsDir: string): Map<string, VersionSchema> {
  const hit = cache.get(specsDir);
  if (hit) return hit;
  const schemas = new Map<string, VersionSchema>();
  let components: Record<string, JsonSchema>;
  try {
    components = JSON.parse(
      fs.readFileSync(path.join(specsDir, KATIB_SWAGGER), 'utf8'),
    ).components?.schemas;
  } catch {
    return schemas;
  }
  if (!components?.[`${CORE}PodTemplateSpec`]) return schemas;
  for (const [key, name] of Object.entries(BUNDLED)) {
    schemas.set(`${key}@v1`, {
      structural: inline(ref(`${CORE}${name}`), components) as JsonSchema,
    });
  }
  for (const [id, schema] of Object.entries(handWritten())) {
    schemas.set(id, { structural: inline(schema, components) as JsonSchema });
  }
  cache.set(specsDir, schemas);
  return schemas;
}
