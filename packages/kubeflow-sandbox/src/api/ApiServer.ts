import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DexIssuer } from '../dex';
import type { FaultInjector } from '../faults';
import { documentHash, groupVersionDocument } from '../schema/openapi';
import type { TypeRegistry } from '../schema/TypeRegistry';
import type { MemoryStore } from '../store/MemoryStore';
import { StatusError } from '../store/StatusError';
import { AccessLog } from './auth/AccessLog';
import { authenticate } from './auth/identity';
import { authorize } from './auth/rbac';
import {
  AGGREGATED_CONTENT_TYPE,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  visibleGroups,
  wantsAggregated,
} from './discovery';
import { header, parseJson, readBody, sendError, sendJson } from './http';
import { parseResourcePath } from './requestInfo';
import { ResourceApi } from './ResourceApi';
import type { ServiceRegistry } from './serviceProxy';
import { WatchHub } from './watch';

/** Options of {@link ApiServer}. */
export interface ApiServerOptions {
  store: MemoryStore;
  registry: TypeRegistry;
  faults: FaultInjector;
  services: ServiceRegistry;
  bookmarkIntervalMs?: number;
  /** Served at `/sandbox/access` when recording. */
  accessLog?: AccessLog;
  /** Called after a proxied request that may have changed a service's state (not GET/HEAD). */
  onServiceWrite?: () => void;
  /** The OIDC issuer served under `/dex`, as Kubeflow's Dex behind its gateway. */
  dex?: DexIssuer;
}

const VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-kubeflow-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Whether an Accept header allows a JSON answer (the only encoding the sandbox writes). */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some(entry => {
    const type = entry.split(';')[0].trim().toLowerCase();
    return (
      type === '*/*' ||
      type === 'application/*' ||
      type.includes('json') ||
      type.startsWith('text/')
    );
  });
}

/** The sandbox's Kubernetes API over plain HTTP (Node's http module only). */
export class ApiServer {
  readonly watches: WatchHub;
  private readonly server: http.Server;
  private readonly resources: ResourceApi;
  private readonly openapiCache = new Map<
    string,
    { doc: unknown; hash: string }
  >();

  constructor(private readonly options: ApiServerOptions) {
    this.watches = new WatchHub(options.store);
    const hidden = (g: string, v: string) => options.faults.isHidden(g, v);
    this.resources = new ResourceApi({
      store: options.store,
      registry: options.registry,
      watches: this.watches,
      services: options.services,
      hidden,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
      onServiceWrite: options.onServiceWrite,
    });
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(error => sendError(res, error));
    });
    this.server.keepAliveTimeout = 5000;
  }

  /** Listens on 127.0.0.1:port (0 = a free port); resolves with the bound port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () =>
        resolve((this.server.address() as AddressInfo).port),
      );
    });
  }

  /** Closes watches and connections, then the listener. */
  close(): Promise<void> {
    this.watches.closeAll();
    return new Promise(resolve => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    await this.options.faults.intercept(path);
    if (path.startsWith('/sandbox/')) {
      await this.admin(req, res, path);
      return;
    }
    if (this.options.dex && (path === '/dex' || path.startsWith('/dex/'))) {
      await this.options.dex.handle(req, res, url);
      return;
    }
    const proxied = /\/services\/[^/]+\/proxy(\/|$)/.test(url.pathname);
    // OpenAPI v2 is asked for in its own protobuf media type (kubectl's validation falls back to it).
    const openapiV2 = path === '/openapi/v2';
    if (!proxied && !openapiV2 && !acceptsJson(header(req, 'accept'))) {
      throw new StatusError(
        406,
        'NotAcceptable',
        'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
      );
    }
    const { store, registry, faults } = this.options;
    const identity = authenticate(req, store, (who, kind, name) => {
      const attrs = { verb: 'impersonate', group: '', resource: kind, name };
      const decision = authorize(store, who, attrs);
      AccessLog.of(store)?.record(who.name, attrs, decision, 'impersonation');
      return decision.allowed;
    });
    const info = parseResourcePath(
      req.method ?? 'GET',
      url.pathname,
      url.searchParams,
    );
    if (info) {
      await this.resources.handle(req, res, info, url.searchParams, identity);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw StatusError.methodNotAllowed();
    const hidden = (g: string, v: string) => faults.isHidden(g, v);
    const groups = visibleGroups(registry, hidden);
    const accept = header(req, 'accept');
    const parts = path.split('/').filter(Boolean);
    if (path === '/version') {
      sendJson(res, 200, VERSION);
      return;
    }
    if (path === '/healthz' || path === '/livez' || path === '/readyz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (path === '/api' || path === '/apis') {
      if (wantsAggregated(accept)) {
        sendJson(
          res,
          200,
          aggregatedDiscovery(registry, groups, path === '/api'),
          { 'Content-Type': AGGREGATED_CONTENT_TYPE },
        );
        return;
      }
      sendJson(
        res,
        200,
        path === '/api'
          ? apiVersions(req.headers.host ?? '127.0.0.1')
          : apiGroupList(groups),
      );
      return;
    }
    if (parts[0] === 'api' && parts.length === 2 && parts[1] === 'v1') {
      sendJson(res, 200, apiResourceList('', 'v1', registry.typesIn('', 'v1')));
      return;
    }
    if (parts[0] === 'apis' && parts.length === 2) {
      const group = groups.find(g => g.name === parts[1]);
      if (!group) throw StatusError.noRoute();
      sendJson(res, 200, apiGroup(group));
      return;
    }
    if (parts[0] === 'apis' && parts.length === 3) {
      const group = groups.find(g => g.name === parts[1]);
      if (!group?.versions.includes(parts[2])) throw StatusError.noRoute();
      sendJson(
        res,
        200,
        apiResourceList(
          parts[1],
          parts[2],
          registry.typesIn(parts[1], parts[2]),
        ),
      );
      return;
    }
    if (path === '/openapi/v3') {
      const paths: Record<string, unknown> = {};
      for (const group of groups) {
        for (const version of group.versions) {
          const id = group.name
            ? `apis/${group.name}/${version}`
            : `api/${version}`;
          paths[id] = {
            serverRelativeURL: `/openapi/v3/${id}?hash=${
              this.openapi(group.name, version).hash
            }`,
          };
        }
      }
      sendJson(res, 200, { paths });
      return;
    }
    if (parts[0] === 'openapi' && parts[1] === 'v3' && parts.length >= 4) {
      const [group, version] =
        parts[2] === 'api' ? ['', parts[3]] : [parts[3], parts[4]];
      const found = groups.find(g => g.name === group);
      if (!found?.versions.includes(version ?? '')) throw StatusError.noRoute();
      sendJson(res, 200, this.openapi(group, version).doc, {
        'Cache-Control': 'public, immutable',
      });
      return;
    }
    if (path === '/openapi/v2') {
      // An empty protobuf Document: clients fall back to OpenAPI v3 / server-side validation. The
      // media type as kube-openapi answers it (the `@` form it accepts is no valid MIME type).
      res.writeHead(200, {
        'Content-Type':
          'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
        'Content-Length': 0,
      });
      res.end();
      return;
    }
    throw StatusError.noRoute();
  }

  private openapi(group: string, version: string) {
    const id = `${group}/${version}`;
    let cached = this.openapiCache.get(id);
    if (!cached) {
      const doc = groupVersionDocument(this.options.registry, group, version);
      cached = { doc, hash: documentHash(doc) };
      this.openapiCache.set(id, cached);
    }
    return cached;
  }

  private async admin(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    const { faults, store } = this.options;
    if (path === '/sandbox/healthz') {
      sendJson(res, 200, {
        status: 'ok',
        resourceVersion: String(store.currentResourceVersion()),
        watches: this.watches.size,
      });
      return;
    }
    if (path === '/sandbox/access' && this.options.accessLog) {
      const log = this.options.accessLog;
      if (req.method === 'DELETE') log.clear();
      else if (req.method !== 'GET') throw StatusError.methodNotAllowed();
      sendJson(res, 200, { records: log.records() });
      return;
    }
    if (path !== '/sandbox/faults') throw StatusError.noRoute();
    if (req.method === 'GET') {
      sendJson(res, 200, faults.get());
      return;
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      const body = parseJson(await readBody(req)) ?? {};
      sendJson(res, 200, faults.set(body));
      return;
    }
    if (req.method === 'DELETE') {
      faults.clear();
      sendJson(res, 200, faults.get());
      return;
    }
    throw StatusError.methodNotAllowed();
  }
}
