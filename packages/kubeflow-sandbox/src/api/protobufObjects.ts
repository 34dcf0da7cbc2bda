import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';
import {
  decodeMessage,
  message,
  ProtoField,
  strings,
  unwrapEnvelope,
} from './auth/protobuf';

function map(
  fields: ProtoField[],
  n: number,
  asBase64 = false,
): Record<string, string> | undefined {
  const entries = fields.filter(f => f.field === n && Buffer.isBuffer(f.value));
  if (!entries.length) return undefined;
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const kv = decodeMessage(entry.value as Buffer);
    const key = strings(kv, 1)[0] ?? '';
    const raw = kv.find(f => f.field === 2)?.value as Buffer | undefined;
    out[key] = asBase64
      ? (raw ?? Buffer.alloc(0)).toString('base64')
      : (raw ?? Buffer.alloc(0)).toString('utf8');
  }
  return out;
}

function bool(fields: ProtoField[], n: number): boolean | undefined {
  const found = fields.find(f => f.field === n && typeof f.value === 'number');
  return found ? found.value === 1 : undefined;
}

function objectMeta(fields: ProtoField[] | undefined): KubeObject['metadata'] {
  if (!fields) return {};
  const meta: KubeObject['metadata'] = {};
  const [name] = strings(fields, 1);
  const [generateName] = strings(fields, 2);
  const [namespace] = strings(fields, 3);
  if (name) meta.name = name;
  if (generateName) meta.generateName = generateName;
  if (namespace) meta.namespace = namespace;
  const labels = map(fields, 11);
  const annotations = map(fields, 12);
  const finalizers = strings(fields, 14);
  if (labels) meta.labels = labels;
  if (annotations) meta.annotations = annotations;
  if (finalizers.length) meta.finalizers = finalizers;
  return meta;
}

function clean(object: Record<string, unknown>): KubeObject {
  for (const key of Object.keys(object))
    if (object[key] === undefined) delete object[key];
  return object as KubeObject;
}

/**
 * Decodes the protobuf bodies `kubectl create namespace|configmap|secret|serviceaccount` send
 * (kubectl uses protobuf for built-in kinds): metadata plus the kind's data fields.
 */
export function decodeCoreObject(body: Buffer): KubeObject {
  const { apiVersion, kind, raw } = unwrapEnvelope(body);
  const fields = decodeMessage(raw);
  const metadata = objectMeta(message(fields, 1));
  const base = { apiVersion, kind, metadata };
  switch (kind) {
    case 'Namespace':
      return base;
    case 'ConfigMap':
      return clean({
        ...base,
        data: map(fields, 2),
        binaryData: map(fields, 3, true),
        immutable: bool(fields, 4),
      });
    case 'Secret':
      return clean({
        ...base,
        data: map(fields, 2, true),
        type: strings(fields, 3)[0],
        stringData: map(fields, 4),
        immutable: bool(fields, 5),
      });
    case 'ServiceAccount':
      return clean({ ...base, automountServiceAccountToken: bool(fields, 4) });
    default:
      throw new StatusError(
        415,
        'UnsupportedMediaType',
        `the sandbox decodes protobuf only for Namespace, ConfigMap, Secret, ServiceAccount and access reviews (got ${kind}); send application/json`,
      );
  }
}
