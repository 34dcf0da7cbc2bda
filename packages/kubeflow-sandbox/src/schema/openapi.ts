import { createHash } from 'node:crypto';
import type { ServedType } from './coreTypes';
import type { JsonSchema } from './loadCrds';
import type { TypeRegistry } from './TypeRegistry';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';

const META_SCHEMAS: Record<string, JsonSchema> = {
  [OBJECT_META]: {
    description:
      'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    type: 'object',
    properties: {
      name: {
        type: 'string',
        description: 'Name must be unique within a namespace.',
      },
      generateName: {
        type: 'string',
        description:
          'GenerateName is an optional prefix, used by the server, to generate a unique name.',
      },
      namespace: {
        type: 'string',
        description:
          'Namespace defines the space within which each name must be unique.',
      },
      uid: {
        type: 'string',
        description:
          'UID is the unique in time and space value for this object.',
      },
      resourceVersion: {
        type: 'string',
        description:
          'An opaque value that represents the internal version of this object.',
      },
      generation: {
        type: 'integer',
        format: 'int64',
        description:
          'A sequence number representing a specific generation of the desired state.',
      },
      creationTimestamp: {
        type: 'string',
        format: 'date-time',
        description:
          'CreationTimestamp is a timestamp representing the server time when this object was created.',
      },
      deletionTimestamp: {
        type: 'string',
        format: 'date-time',
        description:
          'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
      },
      labels: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description:
          'Map of string keys and values that can be used to organize and categorize objects.',
      },
      annotations: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description:
          'Annotations is an unstructured key value map stored with a resource.',
      },
      finalizers: {
        type: 'array',
        items: { type: 'string' },
        description:
          'Must be empty before the object is deleted from the registry.',
      },
      ownerReferences: {
        type: 'array',
        items: { type: 'object' },
        description: 'List of objects depended by this object.',
      },
      managedFields: {
        type: 'array',
        items: { type: 'object' },
        description:
          'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.',
      },
    },
  },
  [LIST_META]: {
    type: 'object',
    properties: {
      resourceVersion: { type: 'string' },
      continue: { type: 'string' },
      remainingItemCount: { type: 'integer', format: 'int64' },
    },
  },
};

/** `kubeflow.org` + `v1` + `Notebook` → `org.kubeflow.v1.Notebook` (core: `io.k8s.api.core.v1.Pod`). */
export function schemaName(
  type: ServedType,
  version: string,
  suffix = '',
): string {
  let prefix = 'io.k8s.api.core';
  if (type.group) {
    prefix = type.custom
      ? type.group.split('.').reverse().join('.')
      : `io.k8s.api.${type.group.split('.')[0]}`;
  }
  return `${prefix}.${version}.${type.kind}${suffix}`;
}

function closure(
  name: string,
  components: Record<string, JsonSchema>,
  out: Record<string, JsonSchema>,
): void {
  if (out[name] || !components[name]) return;
  out[name] = components[name];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (
          k === '$ref' &&
          typeof v === 'string' &&
          v.startsWith('#/components/schemas/')
        ) {
          closure(v.slice('#/components/schemas/'.length), components, out);
        } else visit(v);
      }
    }
  };
  visit(components[name]);
}

function typeSchema(
  registry: TypeRegistry,
  type: ServedType,
  version: string,
  extra: Record<string, JsonSchema>,
): JsonSchema {
  const source = registry.schema(type.key, version);
  let schema: JsonSchema;
  if (source?.component) {
    closure(source.component.name, source.component.components, extra);
    schema = { ...source.component.components[source.component.name] };
  } else if (source?.structural) {
    schema = structuredClone(source.structural);
  } else {
    schema = {
      type: 'object',
      description: `${type.kind} (served by the Kubeflow sandbox without a detailed schema).`,
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        status: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
        },
      },
    };
  }
  schema.properties = {
    ...(schema.properties ?? {}),
    metadata: {
      allOf: [{ $ref: `#/components/schemas/${OBJECT_META}` }],
      description: "Standard object's metadata.",
    },
  };
  schema['x-kubernetes-group-version-kind'] = [
    { group: type.group, version, kind: type.kind },
  ];
  return schema;
}

const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map(
  name => ({
    name,
    in: 'query',
    schema: {
      type: name === 'force' ? 'boolean' : 'string',
      uniqueItems: true,
    },
  }),
);

function operation(
  type: ServedType,
  version: string,
  action: string,
  ref: string,
  params = false,
) {
  return {
    operationId: `${action}${type.kind}`,
    ...(params ? { parameters: WRITE_PARAMS } : {}),
    responses: {
      '200': {
        description: 'OK',
        content: { 'application/json': { schema: { $ref: ref } } },
      },
    },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': {
      group: type.group,
      version,
      kind: type.kind,
    },
  };
}

/** The OpenAPI v3 document of one group/version (what `kubectl explain` and apply read). */
export function groupVersionDocument(
  registry: TypeRegistry,
  group: string,
  version: string,
): JsonSchema {
  const schemas: Record<string, JsonSchema> = { ...META_SCHEMAS };
  const paths: Record<string, unknown> = {};
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  for (const type of registry.typesIn(group, version)) {
    const name = schemaName(type, version);
    const extra: Record<string, JsonSchema> = {};
    schemas[name] = typeSchema(registry, type, version, extra);
    Object.assign(schemas, extra, { [name]: schemas[name] });
    schemas[`${name}List`] = {
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { allOf: [{ $ref: `#/components/schemas/${LIST_META}` }] },
        items: {
          type: 'array',
          items: { $ref: `#/components/schemas/${name}` },
        },
      },
      'x-kubernetes-group-version-kind': [
        { group, version, kind: type.listKind },
      ],
    };
    const ref = `#/components/schemas/${name}`;
    const scope = type.namespaced
      ? `${base}/namespaces/{namespace}/${type.plural}`
      : `${base}/${type.plural}`;
    paths[scope] = {
      get: operation(type, version, 'list', `${ref}List`),
      post: operation(type, version, 'post', ref, true),
    };
    paths[`${scope}/{name}`] = {
      get: operation(type, version, 'get', ref),
      put: operation(type, version, 'put', ref, true),
      patch: operation(type, version, 'patch', ref, true),
      delete: operation(type, version, 'delete', ref),
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas },
  };
}

/** A stable hash for a document (used in `serverRelativeURL` so clients can cache). */
export function documentHash(document: unknown): string {
  return createHash('sha512')
    .update(JSON.stringify(document))
    .digest('hex')
    .toUpperCase();
}
