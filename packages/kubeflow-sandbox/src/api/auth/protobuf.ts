import { StatusError } from '../../store/StatusError';

/** One decoded protobuf field: varints as numbers, length-delimited as Buffers. */
export interface ProtoField {
  field: number;
  wire: number;
  value: number | Buffer;
}

function readVarint(buf: Buffer, offset: number): [number, number] {
  let result = 0;
  let shift = 0;
  let pos = offset;
  for (;;) {
    if (pos >= buf.length)
      throw StatusError.badRequest('truncated protobuf varint');
    const byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

/** Decodes one protobuf message into its fields (wire types 0, 1, 2, 5). */
export function decodeMessage(buf: Buffer): ProtoField[] {
  const fields: ProtoField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    pos = afterTag;
    if (wire === 0) {
      const [value, next] = readVarint(buf, pos);
      fields.push({ field, wire, value });
      pos = next;
    } else if (wire === 2) {
      const [length, start] = readVarint(buf, pos);
      fields.push({ field, wire, value: buf.subarray(start, start + length) });
      pos = start + length;
    } else if (wire === 1) {
      pos += 8;
    } else if (wire === 5) {
      pos += 4;
    } else {
      throw StatusError.badRequest(`unsupported protobuf wire type ${wire}`);
    }
  }
  return fields;
}

export function strings(fields: ProtoField[], n: number): string[] {
  return fields
    .filter(f => f.field === n && Buffer.isBuffer(f.value))
    .map(f => (f.value as Buffer).toString('utf8'));
}

export function message(
  fields: ProtoField[],
  n: number,
): ProtoField[] | undefined {
  const found = fields.find(f => f.field === n && Buffer.isBuffer(f.value));
  return found ? decodeMessage(found.value as Buffer) : undefined;
}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/**
 * Unwraps the Kubernetes protobuf envelope (`k8s\0` + runtime.Unknown{typeMeta, raw, …}) and
 * returns the kind and the inner message bytes.
 */
export function unwrapEnvelope(body: Buffer): {
  apiVersion: string;
  kind: string;
  raw: Buffer;
} {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) {
    throw StatusError.badRequest(
      'protobuf body does not start with the k8s envelope',
    );
  }
  const unknown = decodeMessage(body.subarray(4));
  const typeMeta = message(unknown, 1) ?? [];
  const raw = unknown.find(f => f.field === 2 && Buffer.isBuffer(f.value))
    ?.value as Buffer | undefined;
  return {
    apiVersion: strings(typeMeta, 1)[0] ?? '',
    kind: strings(typeMeta, 2)[0] ?? '',
    raw: raw ?? Buffer.alloc(0),
  };
}

function resourceAttributes(fields: ProtoField[]) {
  const [namespace, verb, group, version, resource, subresource, name] = [
    1, 2, 3, 4, 5, 6, 7,
  ].map(n => strings(fields, n)[0]);
  return { namespace, verb, group, version, resource, subresource, name };
}

/**
 * Decodes an authorization.k8s.io/v1 (Self|Local)SubjectAccessReview from its protobuf form into
 * the JSON shape: metadata.name/namespace, spec.resourceAttributes / nonResourceAttributes, and
 * for SubjectAccessReview spec.user / groups / uid.
 */
export function decodeAccessReview(body: Buffer): Record<string, any> {
  const { apiVersion, kind, raw } = unwrapEnvelope(body);
  const review = decodeMessage(raw);
  const meta = message(review, 1) ?? [];
  const specFields = message(review, 2) ?? [];
  const spec: Record<string, unknown> = {};
  if (kind === 'SelfSubjectRulesReview') {
    return {
      apiVersion: apiVersion || 'authorization.k8s.io/v1',
      kind,
      metadata: {},
      spec: { namespace: strings(specFields, 1)[0] },
    };
  }
  const resource = message(specFields, 1);
  if (resource) spec.resourceAttributes = resourceAttributes(resource);
  const nonResource = message(specFields, 2);
  if (nonResource)
    spec.nonResourceAttributes = {
      path: strings(nonResource, 1)[0],
      verb: strings(nonResource, 2)[0],
    };
  if (kind !== 'SelfSubjectAccessReview') {
    spec.user = strings(specFields, 3)[0];
    spec.groups = strings(specFields, 4);
    spec.uid = strings(specFields, 6)[0];
  }
  return {
    apiVersion: apiVersion || 'authorization.k8s.io/v1',
    kind: kind || 'SelfSubjectAccessReview',
    metadata: { name: strings(meta, 1)[0], namespace: strings(meta, 3)[0] },
    spec,
  };
}
