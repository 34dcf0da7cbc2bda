import type {
  ObjectStore,
  ProxiedRequest,
  ProxiedResponse,
  ProxiedService,
} from '../../store/types';
import { canAccessNamespace } from '../namespaceAccess';
import { RpcError } from '../rpcStatus';
import { KfpRepository, type KfpSnapshot, type Row } from './KfpRepository';
import { FIELD_MAPS, listPage, parseListOptions } from './listing';
import { multipartField } from './multipart';
import { parsePipelinePackage } from './pipelineSpec';

type Wire = Record<string, any>;
type Handler = (req: ProxiedRequest, params: string[]) => ProxiedResponse;

/** Options of {@link KfpService.create}. */
export interface KfpServiceOptions {
  /** The cluster's store, used to authorise impersonated users against namespace RoleBindings. */
  store?: ObjectStore;
}

/**
 * KFP API server v2beta1 (`ml-pipeline:8888`): pipelines, versions, uploads, experiments, runs,
 * recurring runs and healthz, with KFP's wire format, paging, sorting, filtering and multi-user
 * namespace rules. Data lives in a {@link KfpRepository}.
 */
export class KfpService implements ProxiedService {
  readonly namespace = 'kubeflow';
  readonly name = 'ml-pipeline';
  readonly port = 8888;
  readonly repository = new KfpRepository();
  private readonly store?: ObjectStore;
  private readonly routes: Array<[string, RegExp, Handler]>;

  static create(options: KfpServiceOptions = {}): KfpService {
    return new KfpService(options);
  }

  private constructor(options: KfpServiceOptions) {
    this.store = options.store;
    const id = '([^/:]+)';
    const r = (
      method: string,
      pattern: string,
      handler: Handler,
    ): [string, RegExp, Handler] => [
      method,
      new RegExp(`^/apis/v2beta1${pattern.replace(/\{id\}/g, id)}$`),
      handler,
    ];
    this.routes = [
      r('GET', '/healthz', () =>
        ok({ multi_user: true, pipeline_store: 'database' }),
      ),
      r('GET', '/pipelines', req => this.listPipelines(req)),
      r('POST', '/pipelines', req =>
        ok(
          this.guardPipeline(req, this.repository.createPipeline(body(req)))
            .wire,
        ),
      ),
      r('POST', '/pipelines/create', req => this.createPipelineAndVersion(req)),
      r('POST', '/pipelines/upload', req => this.upload(req)),
      r('POST', '/pipelines/upload_version', req => this.uploadVersion(req)),
      r('GET', '/pipelines/names/{id}', (req, [name]) =>
        this.pipelineByName(req, decodeURIComponent(name)),
      ),
      r('GET', '/pipelines/{id}', (req, [pid]) =>
        ok(this.readable(req, this.repository.pipeline(pid)).wire),
      ),
      r('PATCH', '/pipelines/{id}', (req, [pid]) =>
        this.updatePipeline(req, pid),
      ),
      r('DELETE', '/pipelines/{id}', (req, [pid]) => {
        this.writable(req, this.repository.pipeline(pid));
        this.repository.deletePipeline(
          pid,
          req.query.get('cascade') === 'true',
        );
        return ok({});
      }),
      r('GET', '/pipelines/{id}/versions', (req, [pid]) =>
        this.listVersions(req, pid),
      ),
      r('POST', '/pipelines/{id}/versions', (req, [pid]) => {
        this.writable(req, this.repository.pipeline(pid));
        return ok(
          this.repository.createVersion({ ...body(req), pipeline_id: pid })
            .wire,
        );
      }),
      r('GET', '/pipelines/{id}/versions/{id}', (req, [pid, vid]) =>
        ok(this.readable(req, this.repository.version(pid, vid)).wire),
      ),
      r('DELETE', '/pipelines/{id}/versions/{id}', (req, [pid, vid]) => {
        this.writable(req, this.repository.version(pid, vid));
        this.repository.versions.delete(vid);
        return ok({});
      }),
      r('GET', '/experiments', req =>
        this.list(
          req,
          'experiments',
          [...this.repository.experiments.values()],
          'experiment_id',
          'experiments',
        ),
      ),
      r('POST', '/experiments', req => {
        const input = body(req);
        this.checkNamespace(req, String(input.namespace ?? ''), true);
        return ok(this.repository.createExperiment(input).wire);
      }),
      r('GET', '/experiments/{id}', (req, [eid]) =>
        ok(this.readable(req, this.repository.experiment(eid)).wire),
      ),
      r('DELETE', '/experiments/{id}', (req, [eid]) => {
        this.writable(req, this.repository.experiment(eid));
        this.repository.deleteExperiment(eid);
        return ok({});
      }),
      r('POST', '/experiments/{id}:archive', (req, [eid]) =>
        this.experimentStorage(req, eid, 'ARCHIVED'),
      ),
      r('POST', '/experiments/{id}:unarchive', (req, [eid]) =>
        this.experimentStorage(req, eid, 'AVAILABLE'),
      ),
      r('GET', '/runs', req => this.listRuns(req)),
      r('POST', '/runs', req => this.createRun(req)),
      r('GET', '/runs/{id}', (req, [rid]) =>
        ok(this.readable(req, this.repository.run(rid)).wire),
      ),
      r('DELETE', '/runs/{id}', (req, [rid]) => {
        this.writable(req, this.repository.run(rid));
        this.repository.runs.delete(rid);
        return ok({});
      }),
      r('POST', '/runs/{id}:terminate', (req, [rid]) =>
        this.runAction(req, rid, () => this.repository.terminateRun(rid)),
      ),
      r('POST', '/runs/{id}:retry', (req, [rid]) =>
        this.runAction(req, rid, () => this.repository.retry(rid)),
      ),
      r('POST', '/runs/{id}:archive', (req, [rid]) =>
        this.runAction(req, rid, () => {
          this.repository.run(rid).wire.storage_state = 'ARCHIVED';
        }),
      ),
      r('POST', '/runs/{id}:unarchive', (req, [rid]) =>
        this.runAction(req, rid, () => {
          this.repository.run(rid).wire.storage_state = 'AVAILABLE';
        }),
      ),
      r('GET', '/recurringruns', req => this.listRecurringRuns(req)),
      r('POST', '/recurringruns', req => this.createRecurringRun(req)),
      r('GET', '/recurringruns/{id}', (req, [id2]) =>
        ok(this.readable(req, this.repository.recurringRun(id2)).wire),
      ),
      r('DELETE', '/recurringruns/{id}', (req, [id2]) => {
        this.writable(req, this.repository.recurringRun(id2));
        this.repository.deleteRecurringRun(id2);
        return ok({});
      }),
      r('POST', '/recurringruns/{id}:enable', (req, [id2]) =>
        this.recurringAction(req, id2, true),
      ),
      r('POST', '/recurringruns/{id}:disable', (req, [id2]) =>
        this.recurringAction(req, id2, false),
      ),
    ];
  }

  handle(request: ProxiedRequest): ProxiedResponse {
    try {
      const path = request.path.replace(/\/+$/, '');
      let pathMatched = false;
      for (const [method, pattern, handler] of this.routes) {
        const match = pattern.exec(path);
        if (!match) continue;
        pathMatched = true;
        if (method !== request.method.toUpperCase()) continue;
        return handler(request, match.slice(1));
      }
      if (pathMatched) {
        return {
          status: 405,
          body: {
            code: 12,
            message: `Method ${request.method} not allowed`,
            details: [],
          },
        };
      }
      return {
        status: 404,
        body: { code: 5, message: 'Not Found', details: [] },
      };
    } catch (error) {
      if (error instanceof RpcError) return error.toResponse();
      return {
        status: 500,
        body: {
          code: 13,
          message: String((error as Error)?.message ?? error),
          details: [],
        },
      };
    }
  }

  snapshot(): unknown {
    return this.repository.snapshot();
  }

  restore(state: unknown): void {
    this.repository.restore(state as KfpSnapshot | undefined);
  }

  // ---- access -----------------------------------------------------------------------------

  private checkNamespace(
    req: ProxiedRequest,
    namespace: string,
    write: boolean,
    resource = resourceOf(req.path),
  ): void {
    if (!req.user || !this.store || !namespace) return;
    const verb = requestVerb(req, write);
    if (!canAccessNamespace(this.store, req.user, namespace, verb, resource)) {
      throw new RpcError(
        'PERMISSION_DENIED',
        `Failed to authorize with API: PermissionDenied: User '${req.user.name}' is not authorized with reason: ` +
          `(request: &ResourceAttributes{Namespace:${namespace},Verb:${verb},Group:pipelines.kubeflow.org,Version:v1beta1,Resource:${resource}})`,
      );
    }
  }

  private readable<T extends Row>(req: ProxiedRequest, row: T): T {
    this.checkNamespace(req, row.namespace, false);
    return row;
  }

  private writable<T extends Row>(req: ProxiedRequest, row: T): T {
    this.checkNamespace(req, row.namespace, true);
    return row;
  }

  private guardPipeline(req: ProxiedRequest, row: Row): Row {
    try {
      return this.writable(req, row);
    } catch (error) {
      this.repository.pipelines.delete(row.wire.pipeline_id);
      throw error;
    }
  }

  /** Namespace of a list request; multi-user requires one for namespaced resources. */
  private listNamespace(
    req: ProxiedRequest,
    what: string,
    required: boolean,
  ): string | undefined {
    const namespace = req.query.get('namespace') ?? undefined;
    if (!namespace && required && req.user) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: In multi-user mode, ${what} must specify a namespace`,
      );
    }
    if (namespace) this.checkNamespace(req, namespace, false);
    return namespace;
  }

  // ---- lists ------------------------------------------------------------------------------

  private list(
    req: ProxiedRequest,
    model: keyof typeof FIELD_MAPS,
    rows: Row[],
    keyField: string,
    itemsKey: string,
    opts: {
      namespaceRequired?: boolean;
      extraFilter?: (row: Row) => boolean;
    } = { namespaceRequired: true },
  ): ProxiedResponse {
    const fields = FIELD_MAPS[model];
    const options = parseListOptions(req.query, fields, keyField);
    const what = `List${itemsKey.charAt(0).toUpperCase()}${itemsKey.slice(1)}`;
    const namespace = this.listNamespace(
      req,
      what,
      opts.namespaceRequired ?? true,
    );
    const selected = rows.filter(
      r =>
        (namespace === undefined || r.namespace === namespace) &&
        (opts.extraFilter?.(r) ?? true),
    );
    const views = selected.map(r => ({
      ...r.wire,
      namespace: r.namespace,
      // Runs are filtered and sorted by the version they ran (a column of KFP's run table).
      ...(r.wire.pipeline_version_reference?.pipeline_version_id
        ? {
            pipeline_version_id:
              r.wire.pipeline_version_reference.pipeline_version_id,
          }
        : {}),
      __row: r,
    }));
    const { page, totalSize, nextPageToken } = listPage(
      views,
      options,
      fields,
      keyField,
    );
    const items = page.map(v => (v.__row as Row).wire);
    return ok({
      ...(items.length ? { [itemsKey]: items } : {}),
      ...(totalSize ? { total_size: totalSize } : {}),
      ...(nextPageToken ? { next_page_token: nextPageToken } : {}),
    });
  }

  private listPipelines(req: ProxiedRequest): ProxiedResponse {
    const namespace = req.query.get('namespace');
    // Multi-user: without a namespace, only shared pipelines ('' namespace) are listed.
    return this.list(
      req,
      'pipelines',
      [...this.repository.pipelines.values()],
      'pipeline_id',
      'pipelines',
      {
        namespaceRequired: false,
        extraFilter: r => !(req.user && !namespace) || r.namespace === '',
      },
    );
  }

  private listVersions(
    req: ProxiedRequest,
    pipelineId: string,
  ): ProxiedResponse {
    this.readable(req, this.repository.pipeline(pipelineId));
    const rows = [...this.repository.versions.values()].filter(
      v => v.wire.pipeline_id === pipelineId,
    );
    const query = new URLSearchParams(req.query);
    query.delete('namespace');
    return this.list(
      { ...req, query, user: undefined },
      'pipeline_versions',
      rows,
      'pipeline_version_id',
      'pipeline_versions',
      { namespaceRequired: false },
    );
  }

  private listRuns(req: ProxiedRequest): ProxiedResponse {
    return this.listInExperiment(
      req,
      'runs',
      this.repository.runs,
      'run_id',
      'runs',
    );
  }

  private listRecurringRuns(req: ProxiedRequest): ProxiedResponse {
    return this.listInExperiment(
      req,
      'recurringruns',
      this.repository.recurringRuns,
      'recurring_run_id',
      'recurringRuns',
    );
  }

  /**
   * Runs or recurring runs, optionally of one experiment (`experiment_id`), which then also
   * supplies the namespace when the request names none — as the KFP API server does.
   */
  private listInExperiment(
    req: ProxiedRequest,
    model: keyof typeof FIELD_MAPS,
    rows: Map<string, Row>,
    keyField: string,
    itemsKey: string,
  ): ProxiedResponse {
    const experimentId = req.query.get('experiment_id');
    let query = req.query;
    if (experimentId) {
      const experiment = this.readable(
        req,
        this.repository.experiment(experimentId),
      );
      query = new URLSearchParams(req.query);
      if (!query.get('namespace') && experiment.namespace)
        query.set('namespace', experiment.namespace);
    }
    return this.list(
      { ...req, query },
      model,
      [...rows.values()],
      keyField,
      itemsKey,
      {
        namespaceRequired: true,
        extraFilter: r =>
          !experimentId || r.wire.experiment_id === experimentId,
      },
    );
  }

  // ---- pipelines --------------------------------------------------------------------------

  private pipelineByName(req: ProxiedRequest, name: string): ProxiedResponse {
    const namespace = req.query.get('namespace') ?? '';
    const row = [...this.repository.pipelines.values()].find(
      p => p.namespace === namespace && p.wire.name === name,
    );
    if (!row)
      throw new RpcError(
        'NOT_FOUND',
        `Not found error: Failed to get pipeline by name ${name} in namespace '${namespace}'`,
      );
    return ok(this.readable(req, row).wire);
  }

  private updatePipeline(req: ProxiedRequest, id: string): ProxiedResponse {
    const row = this.writable(req, this.repository.pipeline(id));
    const input = body(req);
    for (const key of ['display_name', 'description', 'tags']) {
      if (input[key] !== undefined) row.wire[key] = input[key];
    }
    return ok(row.wire);
  }

  private createPipelineAndVersion(req: ProxiedRequest): ProxiedResponse {
    const input = body(req);
    const pipelineInput = input.pipeline ?? {};
    const versionInput = input.pipeline_version ?? {};
    if (!versionInput.pipeline_spec) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: pipeline_version.pipeline_spec is required (the sandbox cannot fetch package_url)',
      );
    }
    this.checkNamespace(req, String(pipelineInput.namespace ?? ''), true);
    const pipeline = this.repository.createPipeline(pipelineInput);
    this.repository.createVersion({
      ...versionInput,
      pipeline_id: pipeline.wire.pipeline_id,
      name: versionInput.name || pipeline.wire.name,
      display_name:
        versionInput.display_name ||
        versionInput.name ||
        pipeline.wire.display_name,
    });
    return ok(pipeline.wire);
  }

  private upload(req: ProxiedRequest): ProxiedResponse {
    const q = req.query;
    const file = multipartField(
      req.rawBody,
      header(req, 'content-type'),
      'uploadfile',
    );
    const pkg = parsePipelinePackage(file.content.toString('utf8'));
    const name =
      q.get('name') ||
      q.get('display_name') ||
      (file.filename ?? '').replace(/\.(ya?ml|json|zip|tar\.gz)$/, '') ||
      pkg.pipelineSpec.pipelineInfo.name;
    const namespace = q.get('namespace') ?? '';
    this.checkNamespace(req, namespace, true);
    const pipeline = this.repository.createPipeline({
      name,
      display_name: q.get('display_name') || name,
      description: q.get('description') ?? undefined,
      namespace,
      tags: parseTags(q.get('tags')),
    });
    this.repository.createVersion({
      pipeline_id: pipeline.wire.pipeline_id,
      name,
      display_name: q.get('display_name') || name,
      description: q.get('description') ?? undefined,
      code_source_url: q.get('code_source_url') ?? undefined,
      pipeline_spec: pkg.pipelineSpec,
    });
    return ok(pipeline.wire);
  }

  private uploadVersion(req: ProxiedRequest): ProxiedResponse {
    const q = req.query;
    const pipelineId = q.get('pipelineid') ?? '';
    if (!pipelineId)
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: pipelineid is required to upload a pipeline version',
      );
    this.writable(req, this.repository.pipeline(pipelineId));
    const file = multipartField(
      req.rawBody,
      header(req, 'content-type'),
      'uploadfile',
    );
    const pkg = parsePipelinePackage(file.content.toString('utf8'));
    const name =
      q.get('name') ||
      q.get('display_name') ||
      (file.filename ?? '').replace(/\.(ya?ml|json)$/, '') ||
      pkg.pipelineSpec.pipelineInfo.name;
    return ok(
      this.repository.createVersion({
        pipeline_id: pipelineId,
        name,
        display_name: q.get('display_name') || name,
        description: q.get('description') ?? undefined,
        code_source_url: q.get('code_source_url') ?? undefined,
        pipeline_spec: pkg.pipelineSpec,
      }).wire,
    );
  }

  // ---- experiments, runs, recurring runs -----------------------------------------------------

  private experimentStorage(
    req: ProxiedRequest,
    id: string,
    state: 'AVAILABLE' | 'ARCHIVED',
  ): ProxiedResponse {
    this.writable(req, this.repository.experiment(id));
    this.repository.setExperimentStorage(id, state);
    return ok({});
  }

  private createRun(req: ProxiedRequest): ProxiedResponse {
    const input = body(req);
    const namespace = input.experiment_id
      ? this.repository.experiment(input.experiment_id).namespace
      : req.query.get('namespace') ??
        this.repository.resolveSource(input).namespace;
    this.checkNamespace(req, namespace || 'kubeflow', true);
    return ok(this.repository.createRun(input, { namespace }).wire);
  }

  private runAction(
    req: ProxiedRequest,
    id: string,
    action: () => void,
  ): ProxiedResponse {
    this.writable(req, this.repository.run(id));
    action();
    return ok({});
  }

  private createRecurringRun(req: ProxiedRequest): ProxiedResponse {
    const input = body(req);
    const namespace = input.experiment_id
      ? this.repository.experiment(input.experiment_id).namespace
      : String(input.namespace ?? '');
    this.checkNamespace(req, namespace || 'kubeflow', true);
    return ok(this.repository.createRecurringRun(input).wire);
  }

  private recurringAction(
    req: ProxiedRequest,
    id: string,
    enabled: boolean,
  ): ProxiedResponse {
    this.writable(req, this.repository.recurringRun(id));
    this.repository.setRecurringRunEnabled(id, enabled);
    return ok({});
  }
}

/** The RBAC verb of a KFP request. */
function requestVerb(req: ProxiedRequest, write: boolean): string {
  const method = req.method.toUpperCase();
  if (write) return method === 'DELETE' ? 'delete' : 'create';
  return method === 'GET' && /s$/.test(req.path) ? 'list' : 'get';
}

/** The KFP RBAC resource a request path is about (`runs`, `experiments`, `pipelines`, …). */
function resourceOf(path: string): string {
  const segment = path.replace(/^\/apis\/v2beta1\//, '').split(/[/:]/)[0];
  return segment === 'recurringruns' ? 'recurringruns' : segment || 'runs';
}

function ok(payload: unknown): ProxiedResponse {
  return {
    status: 200,
    body: payload,
    headers: { 'content-type': 'application/json' },
  };
}

function body(req: ProxiedRequest): Wire {
  if (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body))
    return req.body as Wire;
  if (req.rawBody?.length) {
    try {
      return JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: the request body is not valid JSON',
      );
    }
  }
  return {};
}

function header(req: ProxiedRequest, name: string): string | undefined {
  const value = req.headers[name] ?? req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function parseTags(text: string | null): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new RpcError(
      'INVALID_ARGUMENT',
      `Invalid input error: tags must be a JSON object, got ${text}`,
    );
  }
}
