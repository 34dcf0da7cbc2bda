import type { ServedType } from '../schema/coreTypes';
import type { FieldValidation } from '../schema/SchemaValidator';
import type { MemoryStore, StoreWriteOptions } from '../store/MemoryStore';
import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';
import { recordUpdate, serverSideApply } from './apply/serverSideApply';
import { mediaType } from './body';
import { listMatcher } from './listing';
import { applyJsonPatch } from './patch/jsonPatch';
import { applyMergePatch, applyStrategicMergePatch } from './patch/mergePatch';

/** What a write handler needs from the request. */
export interface WriteRequest {
  type: ServedType;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  userAgent?: string;
}

/** A write's outcome: HTTP code, the object, warnings for the Warning header. */
export interface WriteResult {
  code: number;
  object: KubeObject;
  warnings: string[];
}

function options(request: WriteRequest, warnings: string[]): StoreWriteOptions {
  const dryRun = request.query.getAll('dryRun');
  if (dryRun.some(d => d !== 'All'))
    throw StatusError.badRequest(`Invalid dry run value: ${dryRun.join(',')}`);
  const fv = request.query.get('fieldValidation') as FieldValidation | null;
  return {
    api: true,
    dryRun: dryRun.includes('All'),
    fieldValidation: fv ?? 'Ignore',
    warnings,
  };
}

function manager(request: WriteRequest): string {
  return (
    request.query.get('fieldManager') ??
    request.userAgent?.split('/')[0] ??
    'unknown'
  );
}

function target(request: WriteRequest) {
  return {
    group: request.type.group,
    kind: request.type.plural,
    name: request.name,
  };
}

function checkIdentity(request: WriteRequest, object: KubeObject): void {
  const { type } = request;
  if (!object || typeof object !== 'object' || Array.isArray(object))
    throw StatusError.badRequest('the body of the request must be an object');
  const apiVersion = type.group
    ? `${type.group}/${request.version}`
    : request.version;
  if (
    object.apiVersion &&
    object.apiVersion !== apiVersion &&
    !type.versions.some(
      v => object.apiVersion === (type.group ? `${type.group}/${v}` : v),
    )
  ) {
    throw StatusError.badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersion})`,
    );
  }
  if (object.kind && object.kind !== type.kind) {
    throw StatusError.badRequest(
      `the kind in the data (${object.kind}) does not match the expected kind (${type.kind})`,
    );
  }
  object.metadata = object.metadata ?? {};
  if (type.namespaced) {
    if (
      object.metadata.namespace &&
      request.namespace &&
      object.metadata.namespace !== request.namespace
    ) {
      throw StatusError.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    object.metadata.namespace = request.namespace;
  }
  if (
    request.name &&
    object.metadata.name &&
    object.metadata.name !== request.name
  ) {
    throw StatusError.badRequest(
      'the name of the object does not match the name on the URL',
    );
  }
  if (request.name && !object.metadata.name)
    object.metadata.name = request.name;
}

/** Checks that a namespaced object's namespace exists and is not terminating. */
export function checkNamespace(
  store: MemoryStore,
  type: ServedType,
  namespace: string | undefined,
): void {
  if (!type.namespaced || !namespace) return;
  const ns = store.peek('namespaces', undefined, namespace);
  if (!ns) throw StatusError.notFound({ kind: 'namespaces', name: namespace });
  if (ns.metadata.deletionTimestamp) {
    throw new StatusError(
      403,
      'Forbidden',
      `${type.plural}${
        type.group ? `.${type.group}` : ''
      } "${''}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      { name: namespace, kind: 'namespaces' },
    );
  }
}

/** POST: creates the object (201). */
export function createObject(
  store: MemoryStore,
  request: WriteRequest,
  body: KubeObject,
): WriteResult {
  checkIdentity(request, body);
  checkNamespace(store, request.type, request.namespace);
  const warnings: string[] = [];
  recordUpdate(
    undefined,
    body,
    manager(request),
    !request.type.statusSubresource,
  );
  const object = store.create(
    request.type.key,
    body,
    options(request, warnings),
  );
  return { code: 201, object, warnings };
}

/** PUT: replaces the object or its status. */
export function updateObject(
  store: MemoryStore,
  request: WriteRequest,
  body: KubeObject,
): WriteResult {
  checkIdentity(request, body);
  const warnings: string[] = [];
  const current = store.peek(
    request.type.key,
    request.namespace,
    request.name!,
  );
  if (!current) throw StatusError.notFound(target(request));
  const status = request.subresource === 'status';
  const candidate = status
    ? { ...structuredClone(current), status: body.status }
    : body;
  if (status && body.metadata?.resourceVersion)
    candidate.metadata.resourceVersion = body.metadata.resourceVersion;
  if (!status && request.type.statusSubresource)
    candidate.status = current.status;
  recordUpdate(
    current,
    candidate,
    manager(request),
    status || !request.type.statusSubresource,
    status ? 'status' : undefined,
  );
  const object = status
    ? store.updateStatus(
        request.type.key,
        candidate,
        options(request, warnings),
      )
    : store.update(request.type.key, candidate, options(request, warnings));
  return { code: 200, object, warnings };
}

/** PATCH: JSON patch, merge patch, strategic merge patch or server-side apply. */
export function patchObject(
  store: MemoryStore,
  request: WriteRequest,
  patch: unknown,
  contentType: string | undefined,
): WriteResult {
  const type = mediaType(contentType);
  const { key } = request.type;
  const warnings: string[] = [];
  const current = store.peek(key, request.namespace, request.name!);
  const status = request.subresource === 'status';
  if (
    type === 'application/apply-patch+yaml' ||
    type === 'application/apply-patch+json'
  ) {
    if (!request.query.get('fieldManager')) {
      throw StatusError.badRequest(
        'PATCH, application/apply-patch+yaml requests require fieldManager to be set',
      );
    }
    const applied = patch as KubeObject;
    checkIdentity(request, applied);
    if (!applied.apiVersion || !applied.kind)
      throw StatusError.badRequest(
        'apiVersion and kind must be set in an apply configuration',
      );
    if (!current) checkNamespace(store, request.type, request.namespace);
    const merged = serverSideApply({
      current,
      applied,
      manager: request.query.get('fieldManager')!,
      force: request.query.get('force') === 'true',
      withStatus: status || !request.type.statusSubresource,
      target: target(request),
    });
    if (!current) {
      return {
        code: 201,
        object: store.create(key, merged, options(request, warnings)),
        warnings,
      };
    }
    const object = status
      ? store.updateStatus(key, merged, options(request, warnings))
      : store.update(key, merged, options(request, warnings));
    return { code: 200, object, warnings };
  }
  if (!current) throw StatusError.notFound(target(request));
  let next: KubeObject;
  if (type === 'application/json-patch+json')
    next = applyJsonPatch(current, patch) as KubeObject;
  else if (type === 'application/merge-patch+json')
    next = applyMergePatch(current, patch) as KubeObject;
  else if (type === 'application/strategic-merge-patch+json')
    next = applyStrategicMergePatch(current, patch) as KubeObject;
  else
    throw new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
    );
  if (!next || typeof next !== 'object' || !next.metadata)
    throw StatusError.badRequest('the patched object is not a valid object');
  next.metadata.name = current.metadata.name;
  if (request.type.namespaced)
    next.metadata.namespace = current.metadata.namespace;
  recordUpdate(
    current,
    next,
    manager(request),
    status || !request.type.statusSubresource,
    status ? 'status' : undefined,
  );
  const object = status
    ? store.updateStatus(key, next, options(request, warnings))
    : store.update(key, next, options(request, warnings));
  return { code: 200, object, warnings };
}

/** DELETE one object: 200 with the object (terminating or final state). */
export function deleteObject(
  store: MemoryStore,
  request: WriteRequest,
  body: Record<string, any> | undefined,
): WriteResult {
  const policy =
    request.query.get('propagationPolicy') ?? body?.propagationPolicy;
  const dryRun =
    request.query.getAll('dryRun').includes('All') ||
    (body?.dryRun ?? []).includes('All');
  const object = store.delete(
    request.type.key,
    request.namespace,
    request.name!,
    {
      dryRun,
      propagationPolicy: policy,
      preconditions: body?.preconditions,
    },
  );
  return { code: 200, object, warnings: [] };
}

/** DELETE a collection: deletes every matching object in scope. */
export function deleteCollection(
  store: MemoryStore,
  request: WriteRequest,
): KubeObject[] {
  const matches = listMatcher(request.query);
  const dryRun = request.query.getAll('dryRun').includes('All');
  const deleted: KubeObject[] = [];
  const { type } = request;
  for (const [, object] of [
    ...store
      .table(type.key)
      .scan(type.namespaced ? request.namespace : undefined),
  ]) {
    if (!matches(object)) continue;
    try {
      deleted.push(
        store.delete(
          type.key,
          object.metadata.namespace,
          object.metadata.name!,
          { dryRun },
        ),
      );
    } catch {
      // Gone through a cascade meanwhile.
    }
  }
  return deleted;
}
