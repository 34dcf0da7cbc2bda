import { decodeAccessReview } from './protobuf';

function varint(value: number): number[] {
  const out: number[] = [];
  let n = value;
  while (n > 127) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

function field(n: number, value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  return Buffer.from([
    ...varint((n << 3) | 2),
    ...varint(bytes.length),
    ...bytes,
  ]);
}

const msg = (...parts: Buffer[]) => Buffer.concat(parts);

describe('decodeAccessReview', () => {
  it('decodes the SelfSubjectAccessReview kubectl auth can-i sends', () => {
    const attributes = msg(
      field(1, 'team-a'),
      field(2, 'create'),
      field(3, 'kubeflow.org'),
      field(5, 'notebooks'),
    );
    const review = msg(field(1, msg()), field(2, msg(field(1, attributes))));
    const unknown = msg(
      field(
        1,
        msg(
          field(1, 'authorization.k8s.io/v1'),
          field(2, 'SelfSubjectAccessReview'),
        ),
      ),
      field(2, review),
      field(4, 'application/vnd.kubernetes.protobuf'),
    );
    const body = Buffer.concat([Buffer.from('k8s\0', 'binary'), unknown]);
    expect(decodeAccessReview(body)).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: { name: undefined, namespace: undefined },
      spec: {
        resourceAttributes: {
          namespace: 'team-a',
          verb: 'create',
          group: 'kubeflow.org',
          version: undefined,
          resource: 'notebooks',
          subresource: undefined,
          name: undefined,
        },
      },
    });
  });

  it('decodes a SubjectAccessReview with user, groups and non-resource attributes', () => {
    const spec = msg(
      field(2, msg(field(1, '/healthz'), field(2, 'get'))),
      field(3, 'bob'),
      field(4, 'devs'),
      field(4, 'ops'),
    );
    const unknown = msg(
      field(
        1,
        msg(
          field(1, 'authorization.k8s.io/v1'),
          field(2, 'SubjectAccessReview'),
        ),
      ),
      field(2, msg(field(2, spec))),
    );
    const decoded = decodeAccessReview(
      Buffer.concat([Buffer.from('k8s\0', 'binary'), unknown]),
    );
    expect(decoded.spec).toEqual({
      nonResourceAttributes: { path: '/healthz', verb: 'get' },
      user: 'bob',
      groups: ['devs', 'ops'],
      uid: undefined,
    });
  });

  it('rejects a body without the envelope', () => {
    expect(() => decodeAccessReview(Buffer.from('{}'))).toThrow('k8s envelope');
  });
});
