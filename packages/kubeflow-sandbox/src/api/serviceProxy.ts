import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MemoryStore } from '../store/MemoryStore';
import { StatusError } from '../store/StatusError';
import type { ProxiedService } from '../store/types';
import type { Identity } from './auth/identity';

/** Registered ProxiedServices keyed `<namespace>/<name>:<port>`. */
export type ServiceRegistry = Map<string, ProxiedService>;

/** `<namespace>/<name>:<port>`, the key of a ProxiedService. */
export function serviceKey(service: {
  namespace: string;
  name: string;
  port: number;
}): string {
  return `${service.namespace}/${service.name}:${service.port}`;
}

/**
 * Finds the ProxiedService a `services/<id>/proxy` request addresses: `<name>`, `<name>:<port>`,
 * `<name>:<portName>` (through the Service object's ports), optionally prefixed `http:`.
 */
export function resolveService(
  services: ServiceRegistry,
  store: MemoryStore,
  namespace: string,
  id: string,
): ProxiedService | undefined {
  const parts = id.split(':');
  if (parts[0] === 'http' || parts[0] === 'https') parts.shift();
  const [name, port] = parts;
  const candidates = [...services.values()].filter(
    s => s.namespace === namespace && s.name === name,
  );
  if (!port) return candidates[0];
  if (/^\d+$/.test(port)) return candidates.find(s => s.port === Number(port));
  const service = store.peek('services', namespace, name);
  const ports =
    (service?.spec as { ports?: Array<{ name?: string; port: number }> })
      ?.ports ?? [];
  const named = ports.find(p => p.name === port);
  return named ? candidates.find(s => s.port === named.port) : undefined;
}

function parseProxyBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  if ((contentType ?? '').includes('json')) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      return raw;
    }
  }
  return raw;
}

/** Dispatches a proxied request to the registered service and writes its response. */
export async function proxyToService(options: {
  services: ServiceRegistry;
  store: MemoryStore;
  namespace: string;
  id: string;
  subpath: string;
  query: URLSearchParams;
  req: IncomingMessage;
  res: ServerResponse;
  rawBody: Buffer;
  identity: Identity;
}): Promise<void> {
  const { services, store, namespace, id, req, res, rawBody } = options;
  const service = resolveService(services, store, namespace, id);
  const name = id.replace(/^https?:/, '').split(':')[0];
  if (!service) {
    if (store.peek('services', namespace, name)) {
      throw StatusError.serviceUnavailable(
        `no endpoints available for service "${id}"`,
      );
    }
    throw StatusError.notFound({ kind: 'services', name });
  }
  const response = await service.handle({
    method: req.method ?? 'GET',
    path: options.subpath,
    query: options.query,
    headers: req.headers,
    body: parseProxyBody(rawBody, req.headers['content-type']),
    rawBody,
    user: options.identity.admin
      ? undefined
      : { name: options.identity.name, groups: options.identity.groups },
  });
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  let payload: Buffer | string = '';
  if (Buffer.isBuffer(response.body)) payload = response.body;
  else if (typeof response.body === 'string') payload = response.body;
  else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['Content-Type'] ??= 'application/json';
  }
  res.writeHead(response.status, {
    ...headers,
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}
