import type { IncomingMessage, ServerResponse } from 'node:http';
import { REVIEW_KINDS, ServedType } from '../schema/coreTypes';
import type { TypeRegistry } from '../schema/TypeRegistry';
import type { MemoryStore } from '../store/MemoryStore';
import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';
import { AccessLog } from './auth/AccessLog';
import { answerAccessReview } from './auth/accessReview';
import type { Identity } from './auth/identity';
import { authorize, forbiddenMessage } from './auth/rbac';
import { decodeBody } from './body';
import { header, readBody, sendJson } from './http';
import { listPage } from './listing';
import { podLogText } from './podLog';
import { handleScale } from './scale';
import type { ResourceRequest } from './requestInfo';
import {
  createObject,
  deleteCollection,
  deleteObject,
  patchObject,
  updateObject,
  WriteRequest,
} from './resourceWrites';
import { proxyToService, ServiceRegistry } from './serviceProxy';
import { toTable, wantsTable } from './table';
import type { WatchHub } from './watch';

/** Dependencies of {@link ResourceApi}. */
export interface ResourceApiOptions {
  store: MemoryStore;
  registry: TypeRegistry;
  watches: WatchHub;
  services: ServiceRegistry;
  /** Whether a group/version is hidden (fault: CRD missing). */
  hidden: (group: string, version: string) => boolean;
  bookmarkIntervalMs: number;
  onServiceWrite?: () => void;
}

/** The object as the requested version (versions are converted trivially). */
export function asVersion(
  object: KubeObject,
  type: ServedType,
  version: string,
): KubeObject {
  const apiVersion = type.group ? `${type.group}/${version}` : version;
  return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
}

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'update', 'patch'],
  log: ['get'],
  proxy: ['get', 'create', 'update', 'patch', 'delete'],
  scale: ['get', 'update', 'patch'],
};

/** Serves `/api/v1/...` and `/apis/<group>/<version>/...` resource requests. */
export class ResourceApi {
  constructor(private readonly options: ResourceApiOptions) {}

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    info: ResourceRequest,
    query: URLSearchParams,
    identity: Identity,
  ): Promise<void> {
    const { registry, store } = this.options;
    const type = registry.find(info.group, info.version, info.resource);
    if (!type || this.options.hidden(info.group, info.version))
      throw StatusError.noRoute();
    const namespace = type.namespaced ? info.namespace : undefined;
    if (!type.namespaced && info.namespace && type.kind !== 'Namespace')
      throw StatusError.noRoute();
    if (type.namespaced && !namespace && (info.name || info.verb === 'create'))
      throw StatusError.noRoute();
    if (info.subresource) {
      const allowed =
        info.subresource === 'status'
          ? type.statusSubresource
          : type.subresources.includes(info.subresource);
      if (!allowed) throw StatusError.noRoute();
      if (!SUBRESOURCE_VERBS[info.subresource]?.includes(info.verb))
        throw StatusError.methodNotAllowed();
    } else if (!type.verbs.includes(info.verb)) {
      throw StatusError.methodNotAllowed();
    }
    this.authorizeRequest(identity, type, info, namespace);
    if (REVIEW_KINDS.has(type.kind)) {
      const review = decodeBody(
        await readBody(req),
        header(req, 'content-type'),
        true,
      );
      sendJson(
        res,
        201,
        answerAccessReview(store, identity, type.kind, review, namespace),
      );
      return;
    }
    if (info.subresource === 'proxy') {
      await proxyToService({
        services: this.options.services,
        store,
        namespace: namespace!,
        id: info.name!,
        subpath: info.subpath ?? '/',
        query,
        req,
        res,
        rawBody: await readBody(req),
        identity,
      });
      if (req.method !== 'GET' && req.method !== 'HEAD')
        this.options.onServiceWrite?.();
      return;
    }
    if (info.subresource === 'scale') {
      const body =
        info.verb === 'get'
          ? undefined
          : decodeBody(await readBody(req), header(req, 'content-type'));
      const scale = handleScale({
        store,
        type,
        namespace,
        name: info.name!,
        verb: info.verb,
        body,
        contentType: header(req, 'content-type'),
      });
      sendJson(res, 200, scale);
      return;
    }
    if (info.subresource === 'log') {
      const pod = store.peek(type.key, namespace, info.name!);
      if (!pod)
        throw StatusError.notFound({ kind: type.plural, name: info.name });
      const text = podLogText(pod, query);
      res.writeHead(200, {
        'Content-Type': 'text/plain',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
      return;
    }
    const table = wantsTable(header(req, 'accept'));
    const render = (o: KubeObject) => asVersion(o, type, info.version);
    switch (info.verb) {
      case 'get': {
        const object = store.peek(type.key, namespace, info.name!);
        if (!object)
          throw StatusError.notFound({
            group: type.group,
            kind: type.plural,
            name: info.name,
          });
        sendJson(
          res,
          200,
          table
            ? toTable(
                type,
                [object],
                { resourceVersion: object.metadata.resourceVersion },
                query.get('includeObject'),
              )
            : render(object),
        );
        return;
      }
      case 'list': {
        const page = listPage(store, type, namespace, query);
        const metadata = {
          resourceVersion: page.resourceVersion,
          ...(page.continueToken ? { continue: page.continueToken } : {}),
        };
        const body = table
          ? toTable(type, page.items, metadata, query.get('includeObject'))
          : {
              kind: type.listKind,
              apiVersion: type.group
                ? `${type.group}/${info.version}`
                : info.version,
              metadata,
              items: page.items.map(render),
            };
        sendJson(res, 200, body);
        return;
      }
      case 'watch':
        this.options.watches.serve(res, {
          type,
          namespace,
          query,
          bookmarkIntervalMs: this.options.bookmarkIntervalMs,
          render: table
            ? o =>
                toTable(type, [o], {}, query.get('includeObject') ?? 'Object')
            : render,
        });
        return;
      default:
        await this.write(
          req,
          res,
          {
            type,
            version: info.version,
            namespace,
            name: info.name,
            subresource: info.subresource,
            query,
            userAgent: header(req, 'user-agent'),
          },
          info.verb,
          render,
        );
    }
  }

  private async write(
    req: IncomingMessage,
    res: ServerResponse,
    request: WriteRequest,
    verb: string,
    render: (o: KubeObject) => KubeObject,
  ): Promise<void> {
    const { store } = this.options;
    const contentType = header(req, 'content-type');
    const raw = await readBody(req);
    const body = decodeBody(raw, contentType);
    if (verb === 'deletecollection') {
      const items = deleteCollection(store, request);
      sendJson(res, 200, {
        kind: request.type.listKind,
        apiVersion: render({
          apiVersion: '',
          kind: '',
          metadata: {},
        } as KubeObject).apiVersion,
        metadata: { resourceVersion: String(store.currentResourceVersion()) },
        items: items.map(render),
      });
      return;
    }
    let result;
    if (verb === 'create') result = createObject(store, request, body);
    else if (verb === 'update') result = updateObject(store, request, body);
    else if (verb === 'patch')
      result = patchObject(store, request, body, contentType);
    else if (verb === 'delete') result = deleteObject(store, request, body);
    else throw StatusError.methodNotAllowed();
    const headers: Record<string, string | string[]> = {};
    if (result.warnings.length)
      headers.Warning = result.warnings.map(
        w => `299 - "${w.replace(/"/g, '\\"')}"`,
      );
    sendJson(res, result.code, render(result.object), headers);
  }

  private authorizeRequest(
    identity: Identity,
    type: ServedType,
    info: ResourceRequest,
    namespace: string | undefined,
  ): void {
    const selfReview =
      type.kind === 'SelfSubjectAccessReview' ||
      type.kind === 'SelfSubjectRulesReview';
    if (identity.admin || selfReview) return;
    const attrs = {
      verb: info.verb,
      group: type.group,
      resource: type.plural,
      subresource: info.subresource,
      namespace: type.kind === 'Namespace' ? info.name : namespace,
      name: info.name,
    };
    const decision = authorize(this.options.store, identity, attrs);
    AccessLog.of(this.options.store)?.record(
      identity.name,
      attrs,
      decision,
      'request',
    );
    if (!decision.allowed) {
      throw StatusError.forbidden(
        { group: type.group, kind: type.plural, name: info.name },
        forbiddenMessage(identity, attrs),
      );
    }
  }
}
