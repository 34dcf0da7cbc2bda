import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  ForwardedError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  ClusterClient,
  ClusterRequest,
  ClusterRequestError,
  Impersonation,
  KubeflowClusters,
  UserIdentities,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import { checkName } from '../actions/inputs';

/**
 * The one field manager every action applies with: a rerun of the same template (or a task
 * resumed after a restart) updates the fields it set before instead of conflicting or duplicating.
 *
 * @public
 */
export const KUBEFLOW_FIELD_MANAGER = 'backstage-scaffolder-kubeflow';

/** A Kubernetes object as the actions build it. @public */
export interface KubeManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/** Where an object's kind is served: its plural and whether it is namespaced. */
interface ServedKind {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

/** What every action needs from the backend. @public */
export interface KubeflowActionEnv {
  clusters: KubeflowClusters;
  identities: UserIdentities;
}

/** The parts of the scaffolder's action context a session uses. */
export interface SessionContext {
  logger: LoggerService;
  isDryRun?: boolean;
  signal?: AbortSignal;
  user?: { ref?: string };
}

const discoveryCache = new Map<string, Promise<ServedKind[]>>();

/**
 * One action's conversation with a cluster as the user who runs the template: the Kubeflow
 * identity of `ctx.user`, write checks by SubjectAccessReview, server-side apply with
 * {@link KUBEFLOW_FIELD_MANAGER} after a strict server dry run of every object, and waits.
 * Cluster failures become the Backstage errors the scaffolder shows (403 → NotAllowedError, 422 →
 * InputError with the fields, …).
 */
export class ClusterSession {
  private constructor(
    readonly cluster: string,
    readonly client: ClusterClient,
    readonly identity: Impersonation,
    private readonly env: KubeflowActionEnv,
    private readonly ctx: SessionContext,
  ) {}

  static async open(
    env: KubeflowActionEnv,
    ctx: SessionContext,
    cluster?: string,
  ): Promise<ClusterSession> {
    const name = cluster || env.clusters.clusters[0]?.name;
    if (!name) throw new InputError('No Kubeflow cluster is configured');
    if (!env.clusters.clusters.some(c => c.name === name)) {
      throw new InputError(
        `Unknown Kubeflow cluster '${name}'; configured: ${env.clusters.clusters
          .map(c => c.name)
          .join(', ')}`,
      );
    }
    const ref = ctx.user?.ref;
    if (!ref) {
      throw new NotAllowedError(
        'Kubeflow actions act as the user who runs the template; this task has no user',
      );
    }
    const identity = await env.identities.requireIdentity(ref);
    return new ClusterSession(
      name,
      env.clusters.client(name),
      identity,
      env,
      ctx,
    );
  }

  get dryRun(): boolean {
    return this.ctx.isDryRun === true;
  }

  get logger(): LoggerService {
    return this.ctx.logger;
  }

  /** Sends a request as the user; cluster failures become Backstage errors. */
  async request<T = any>(req: ClusterRequest, what: string): Promise<T> {
    try {
      return await this.client.request<T>({
        ...req,
        as: this.identity,
        signal: this.ctx.signal,
      });
    } catch (error) {
      throw toBackstageError(error, what);
    }
  }

  /**
   * Sends a request with the portal's own identity — only for services that cannot take the
   * user's (KFP and the Model Registry behind the Kubernetes service proxy) and only after
   * {@link ClusterSession.authorize} has checked the user's right to the same operation.
   */
  async portalRequest<T = any>(req: ClusterRequest, what: string): Promise<T> {
    try {
      return await this.client.request<T>({ ...req, signal: this.ctx.signal });
    } catch (error) {
      throw toBackstageError(error, what);
    }
  }

  /** Throws NotAllowedError unless the user may `verb` the resource in the namespace. */
  async authorize(options: {
    verb: 'create' | 'patch' | 'get' | 'list';
    group: string;
    resource: string;
    namespace?: string;
  }): Promise<void> {
    const allowed = await this.env.clusters.tenancy.can(
      this.cluster,
      this.identity,
      options,
    );
    if (!allowed) {
      throw new NotAllowedError(
        `${this.identity.user} may not ${options.verb} ${options.resource}${
          options.namespace ? ` in namespace ${options.namespace}` : ''
        } on cluster ${this.cluster}`,
      );
    }
  }

  /**
   * Applies the objects server-side as the user: checks names and write rights, validates every
   * object by a strict server dry run (schema and unknown fields) before any is persisted, then
   * applies them in order. On a dry run the validated objects are returned and nothing is stored.
   */
  async apply(objects: KubeManifest[]): Promise<any[]> {
    const kinds = await Promise.all(objects.map(o => this.kindOf(o)));
    objects.forEach((object, i) => {
      checkName(object.metadata?.name, `${object.kind} name`);
      if (kinds[i].namespaced) {
        checkName(object.metadata.namespace, `${object.kind} namespace`);
      } else if (object.metadata.namespace) {
        throw new InputError(
          `${object.kind} is cluster-scoped; remove metadata.namespace`,
        );
      }
    });
    for (const [i, object] of objects.entries()) {
      await this.authorize({
        verb: 'create',
        group: kinds[i].group,
        resource: kinds[i].plural,
        namespace: kinds[i].namespaced ? object.metadata.namespace : undefined,
      });
    }
    const validated = [];
    for (const [i, object] of objects.entries()) {
      validated.push(await this.applyOne(object, kinds[i], true));
      this.logger.info(
        `Validated ${describe(object)} against the cluster's schema`,
      );
    }
    if (this.dryRun) {
      this.logger.info(`Dry run: nothing was stored on ${this.cluster}`);
      return validated;
    }
    const applied = [];
    for (const [i, object] of objects.entries()) {
      applied.push(await this.applyOne(object, kinds[i], false));
      this.logger.info(`Applied ${describe(object)} on ${this.cluster}`);
    }
    return applied;
  }

  /**
   * Reads an object as the user (or, for an existence check the user may not make themselves,
   * as the portal); undefined when it does not exist.
   */
  async get(
    object: KubeManifest,
    options: { asPortal?: boolean } = {},
  ): Promise<any | undefined> {
    const kind = await this.kindOf(object);
    try {
      return await this.client.request({
        path: this.pathOf(object, kind),
        as: options.asPortal ? undefined : this.identity,
        signal: this.ctx.signal,
      });
    } catch (error) {
      if (error instanceof ClusterRequestError && error.status === 404)
        return undefined;
      throw toBackstageError(error, `read ${describe(object)}`);
    }
  }

  /**
   * Polls the object until `check` says done (resolves with it) or failed (throws its reason),
   * or throws after `timeoutSeconds` with the last state it saw.
   */
  async waitFor(
    object: KubeManifest,
    what: string,
    timeoutSeconds: number,
    check: (current: any) => { done: boolean; failed?: string; state: string },
    options: { asPortal?: boolean } = {},
  ): Promise<any> {
    const end = Date.now() + timeoutSeconds * 1000;
    let last = 'not found yet';
    let delay = 250;
    this.logger.info(
      `Waiting up to ${timeoutSeconds}s for ${describe(object)} ${what}`,
    );
    for (;;) {
      const current = await this.get(object, options);
      if (current) {
        const verdict = check(current);
        if (verdict.state !== last) {
          this.logger.info(`${describe(object)}: ${verdict.state}`);
        }
        last = verdict.state;
        if (verdict.done) return current;
        if (verdict.failed) {
          throw new Error(`${describe(object)} failed: ${verdict.failed}`);
        }
      }
      if (Date.now() >= end) {
        throw new Error(
          `Timed out after ${timeoutSeconds}s waiting for ${describe(
            object,
          )} ${what}; last state: ${last}`,
        );
      }
      if (this.ctx.signal?.aborted) throw new Error('The task was cancelled');
      await sleep(delay);
      delay = Math.min(delay * 2, 2000);
    }
  }

  private async applyOne(
    object: KubeManifest,
    kind: ServedKind,
    dryRun: boolean,
  ): Promise<any> {
    return this.request(
      {
        method: 'PATCH',
        path: this.pathOf(object, kind),
        contentType: 'application/apply-patch+yaml',
        query: {
          fieldManager: KUBEFLOW_FIELD_MANAGER,
          fieldValidation: 'Strict',
          dryRun: dryRun ? 'All' : undefined,
        },
        body: JSON.stringify(object),
        // Server-side apply is idempotent, so a lost answer may be retried.
        retries: 2,
      },
      `${dryRun ? 'validate' : 'apply'} ${describe(object)}`,
    );
  }

  private pathOf(object: KubeManifest, kind: ServedKind): string {
    const base = kind.group
      ? `/apis/${kind.group}/${kind.version}`
      : `/api/${kind.version}`;
    const ns =
      kind.namespaced && object.metadata.namespace
        ? `/namespaces/${encodeURIComponent(object.metadata.namespace)}`
        : '';
    return `${base}${ns}/${kind.plural}/${encodeURIComponent(
      object.metadata.name,
    )}`;
  }

  /** The plural and scope of an object's kind, from the cluster's discovery (cached). */
  async kindOf(object: Pick<KubeManifest, 'apiVersion' | 'kind'>) {
    if (typeof object.apiVersion !== 'string' || !object.apiVersion) {
      throw new InputError('A manifest has no apiVersion');
    }
    if (typeof object.kind !== 'string' || !object.kind) {
      throw new InputError(`A ${object.apiVersion} manifest has no kind`);
    }
    const [group, version] = object.apiVersion.includes('/')
      ? object.apiVersion.split('/', 2)
      : ['', object.apiVersion];
    const key = `${this.cluster}|${object.apiVersion}`;
    let served = discoveryCache.get(key);
    if (!served) {
      served = this.client
        .request({
          path: group ? `/apis/${group}/${version}` : `/api/${version}`,
        })
        .then((list: any) =>
          (list?.resources ?? [])
            .filter((r: any) => !String(r.name).includes('/'))
            .map((r: any) => ({
              group,
              version,
              plural: r.name,
              namespaced: r.namespaced,
              kind: r.kind,
            })),
        );
      discoveryCache.set(key, served);
      served.catch(() => discoveryCache.delete(key));
    }
    const kinds = await served.catch(error => {
      if (error instanceof ClusterRequestError && error.status === 404) {
        throw new InputError(
          `Cluster ${this.cluster} does not serve ${object.apiVersion}`,
        );
      }
      throw toBackstageError(error, `discover ${object.apiVersion}`);
    });
    const found = kinds.find((k: any) => k.kind === object.kind);
    if (!found) {
      throw new InputError(
        `Cluster ${this.cluster} does not serve kind ${object.kind} in ${object.apiVersion}`,
      );
    }
    return found as ServedKind;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/** `Notebook team-a/demo`. */
export function describe(object: KubeManifest): string {
  return `${object.kind} ${
    object.metadata?.namespace ? `${object.metadata.namespace}/` : ''
  }${object.metadata?.name}`;
}

/** A cluster failure as the Backstage error the scaffolder reports. */
export function toBackstageError(error: unknown, what: string): Error {
  if (!(error instanceof ClusterRequestError)) return error as Error;
  const causes: string[] = ((error.body as any)?.details?.causes ?? []).map(
    (c: any) => [c.field, c.message].filter(Boolean).join(': '),
  );
  const message = `Could not ${what}: ${error.message}${
    causes.length && !causes.every(c => error.message.includes(c))
      ? ` (${causes.join('; ')})`
      : ''
  }`;
  switch (error.status) {
    case 400:
    case 422:
      return new InputError(message);
    case 401:
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return new ForwardedError(`Could not ${what}`, error);
  }
}
