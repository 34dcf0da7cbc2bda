import { randomUUID } from 'node:crypto';
import type { KubeObject, ResourceType } from './types';
import { StatusCause, StatusError } from './StatusError';

/** RFC 3339 timestamp with second precision, as metav1.Time serialises. */
export function nowTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` + 5 random characters, as the apiserver names objects. */
export function generateName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix +=
      SUFFIX_ALPHABET[Math.floor(Math.random() * SUFFIX_ALPHABET.length)];
  }
  return `${prefix}${suffix}`;
}

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Name validation as the apiserver applies it per kind; returns causes (empty = valid). */
export function validateName(
  type: ResourceType,
  name: string | undefined,
): StatusCause[] {
  if (!name) {
    return [
      {
        reason: 'FieldValueRequired',
        message: 'Required value: name or generateName is required',
        field: 'metadata.name',
      },
    ];
  }
  if (type.group === 'rbac.authorization.k8s.io') {
    return name === '.' || name === '..' || /[/%]/.test(name)
      ? [
          {
            reason: 'FieldValueInvalid',
            message: `Invalid value: "${name}": may not contain '/' or '%'`,
            field: 'metadata.name',
          },
        ]
      : [];
  }
  const namespaceLike = type.kind === 'Namespace' || type.kind === 'Profile';
  const ok = namespaceLike
    ? DNS_LABEL.test(name) && name.length <= 63
    : DNS_SUBDOMAIN.test(name) && name.length <= 253;
  if (ok) return [];
  return [
    {
      reason: 'FieldValueInvalid',
      message: `Invalid value: "${name}": a lowercase RFC 1123 ${
        namespaceLike ? 'label' : 'subdomain'
      } must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      field: 'metadata.name',
    },
  ];
}

/** Deep equality for JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== typeof b ||
    a === null ||
    b === null ||
    typeof a !== 'object'
  )
    return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter(k => ao[k] !== undefined);
  const bk = Object.keys(bo).filter(k => bo[k] !== undefined);
  return ak.length === bk.length && ak.every(k => jsonEqual(ao[k], bo[k]));
}

/** Everything but metadata and status: what bumps metadata.generation when it changes. */
export function specPart(object: KubeObject): Record<string, unknown> {
  const {
    metadata: _m,
    status: _s,
    apiVersion: _a,
    kind: _k,
    ...rest
  } = object;
  return rest;
}

/** The object without the fields that change on every write (for no-op detection). */
export function comparable(object: KubeObject): KubeObject {
  const {
    resourceVersion: _rv,
    managedFields: _mf,
    ...metadata
  } = object.metadata;
  return { ...object, metadata };
}

/** Fresh system metadata for a created object. */
export function initialMetadata(object: KubeObject, rv: number): void {
  const meta = object.metadata;
  meta.uid = randomUUID();
  meta.creationTimestamp = nowTimestamp();
  meta.resourceVersion = String(rv);
  meta.generation = 1;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  for (const key of ['labels', 'annotations'] as const) {
    if (meta[key] && Object.keys(meta[key]!).length === 0) delete meta[key];
  }
}

/** `/`-joined store key of an object within its type: `<namespace>/<name>` or `/<name>`. */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/**
 * Carries the system-owned metadata of `existing` into a replacement (name, namespace, uid,
 * creationTimestamp, generation, deletionTimestamp): clients cannot change them. While the object
 * is being deleted no finalizer may be added (422).
 */
export function carrySystemMetadata(
  type: ResourceType,
  existing: KubeObject,
  next: KubeObject,
): void {
  const meta = next.metadata;
  const old = existing.metadata;
  meta.name = old.name;
  if (type.namespaced) meta.namespace = old.namespace;
  meta.uid = old.uid;
  meta.creationTimestamp = old.creationTimestamp;
  meta.generation = old.generation;
  if (old.deletionTimestamp) {
    meta.deletionTimestamp = old.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
    const added = (meta.finalizers ?? []).filter(
      f => !(old.finalizers ?? []).includes(f),
    );
    if (added.length) {
      throw StatusError.invalid(
        {
          group: type.group,
          kind: type.plural,
          kindName: type.kind,
          name: old.name,
        },
        [
          {
            reason: 'FieldValueForbidden',
            message:
              'Forbidden: no new finalizers can be added if the object is being deleted',
            field: 'metadata.finalizers',
          },
        ],
      );
    }
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  if (meta.finalizers?.length === 0) delete meta.finalizers;
}
