/**
 * The fields of the two Istio kinds the optional component uses, from Istio's API reference
 * (networking.istio.io/v1 VirtualService, security.istio.io/v1 AuthorizationPolicy). The sandbox
 * cannot serve them (no Istio CRDs among the shared specs), so the test checks their structure
 * here: no unknown field, required fields present, enums respected.
 */
export interface Shape {
  fields?: Record<string, Shape>;
  /** An array of this shape. */
  items?: Shape;
  required?: string[];
  enum?: string[];
  /** A map of strings (labels). */
  stringMap?: boolean;
  type?: 'string' | 'number';
}

const str: Shape = { type: 'string' };
const strings: Shape = { items: str };
const stringMatch: Shape = {
  fields: { exact: str, prefix: str, regex: str },
};
const destination: Shape = {
  required: ['host'],
  fields: {
    host: str,
    subset: str,
    port: { fields: { number: { type: 'number' } } },
  },
};

const virtualServiceSpec: Shape = {
  required: ['hosts'],
  fields: {
    hosts: strings,
    gateways: strings,
    exportTo: strings,
    http: {
      items: {
        fields: {
          name: str,
          match: {
            items: {
              fields: {
                name: str,
                uri: stringMatch,
                scheme: stringMatch,
                method: stringMatch,
                authority: stringMatch,
                headers: { stringMap: true },
                port: { type: 'number' },
                ignoreUriCase: {},
                gateways: strings,
                sourceNamespace: str,
              },
            },
          },
          route: {
            items: {
              required: ['destination'],
              fields: { destination, weight: { type: 'number' }, headers: {} },
            },
          },
          rewrite: { fields: { uri: str, authority: str } },
          timeout: str,
          retries: {},
          headers: {},
          corsPolicy: {},
        },
      },
    },
  },
};

const authorizationPolicySpec: Shape = {
  fields: {
    selector: { fields: { matchLabels: { stringMap: true } } },
    action: { enum: ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'] },
    provider: { fields: { name: str } },
    rules: {
      items: {
        fields: {
          from: {
            items: {
              fields: {
                source: {
                  fields: Object.fromEntries(
                    [
                      'principals',
                      'notPrincipals',
                      'requestPrincipals',
                      'notRequestPrincipals',
                      'namespaces',
                      'notNamespaces',
                      'ipBlocks',
                      'notIpBlocks',
                      'remoteIpBlocks',
                      'notRemoteIpBlocks',
                    ].map(k => [k, strings]),
                  ),
                },
              },
            },
          },
          to: { items: { fields: { operation: {} } } },
          when: {
            items: {
              required: ['key'],
              fields: { key: str, values: strings, notValues: strings },
            },
          },
        },
      },
    },
  },
};

const meta: Shape = {
  required: ['name', 'namespace'],
  fields: {
    name: str,
    namespace: str,
    labels: { stringMap: true },
    annotations: { stringMap: true },
  },
};

/** Top-level shapes by `apiVersion/kind`. */
export const ISTIO_SHAPES: Record<string, Shape> = {
  'networking.istio.io/v1/VirtualService': {
    required: ['metadata', 'spec'],
    fields: {
      apiVersion: str,
      kind: str,
      metadata: meta,
      spec: virtualServiceSpec,
    },
  },
  'security.istio.io/v1/AuthorizationPolicy': {
    required: ['metadata', 'spec'],
    fields: {
      apiVersion: str,
      kind: str,
      metadata: meta,
      spec: authorizationPolicySpec,
    },
  },
};

/** Problems of `value` against `shape`, as `path: message`. */
export function shapeErrors(value: unknown, shape: Shape, at = ''): string[] {
  const errors: string[] = [];
  if (shape.items) {
    if (!Array.isArray(value)) return [`${at}: expected a list`];
    value.forEach((v, i) =>
      errors.push(...shapeErrors(v, shape.items!, `${at}[${i}]`)),
    );
    return errors;
  }
  if (shape.type === 'string' && typeof value !== 'string')
    return [`${at}: expected a string`];
  if (shape.type === 'number' && typeof value !== 'number')
    return [`${at}: expected a number`];
  if (shape.enum && !shape.enum.includes(value as string))
    return [`${at}: ${String(value)} is not one of ${shape.enum.join(', ')}`];
  if (shape.stringMap) {
    const ok =
      value &&
      typeof value === 'object' &&
      Object.values(value).every(v => typeof v === 'string');
    return ok ? [] : [`${at}: expected a map of strings`];
  }
  if (shape.fields) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
      return [`${at}: expected an object`];
    const object = value as Record<string, unknown>;
    for (const key of shape.required ?? []) {
      if (object[key] === undefined) errors.push(`${at}.${key}: required`);
    }
    for (const [key, child] of Object.entries(object)) {
      const field = shape.fields[key];
      if (!field) errors.push(`${at}.${key}: unknown field`);
      else errors.push(...shapeErrors(child, field, `${at}.${key}`));
    }
  }
  return errors;
}
