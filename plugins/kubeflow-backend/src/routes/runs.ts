import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  RunDetailsDto,
  RunPageDto,
  kubeflowPipelineReadPermission,
  kubeflowRunCreatePermission,
  kubeflowRunUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KFP_MAX_PAGE_SIZE,
  KubeflowClusterConfig,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Caller, CallerResolver } from '../services/CallerResolver';
import { runDto, runTasks } from '../services/experimentDtos';
import { KfpCall, kfpApi } from '../services/kfpRequests';
import { pipelineTasks, runParameters } from '../services/pipelineSpec';
import { namespacedTarget, parseBody } from './params';
import { pipelineVersions, readablePipeline } from './pipelines';
import { producedVersions } from './runOutputs';

const KFP_GROUP = 'pipelines.kubeflow.org';
const kfpId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a KFP id');
const STATES = [
  'PENDING',
  'RUNNING',
  'SUCCEEDED',
  'SKIPPED',
  'FAILED',
  'CANCELING',
  'CANCELED',
  'PAUSED',
] as const;

const listQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(KFP_MAX_PAGE_SIZE).default(20),
  pageToken: z.string().max(4096).optional(),
  state: z.enum(STATES).optional(),
  search: z.string().trim().max(200).optional(),
  sort: z
    .enum(['created_at', 'finished_at', 'display_name', 'state'])
    .default('created_at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  pipelineId: kfpId.optional(),
  experimentId: kfpId.optional(),
  archived: z.enum(['true', 'false']).default('false'),
});

const createBody = z.object({
  name: z.string().trim().min(1).max(200),
  pipelineId: kfpId,
  pipelineVersionId: kfpId,
  experimentId: kfpId.optional(),
  parameters: z.record(z.string(), z.unknown()).default({}),
  /** Sent again with a retried submission, it returns the run the first one created. */
  idempotencyKey: z.string().min(8).max(100).optional(),
});

const FINAL = ['SUCCEEDED', 'SKIPPED', 'FAILED', 'CANCELED'];

/** The RBAC verb on `runs` each permission stands for. */
const VERBS: Record<string, 'list' | 'create' | 'update'> = {
  [kubeflowPipelineReadPermission.name]: 'list',
  [kubeflowRunCreatePermission.name]: 'create',
  [kubeflowRunUpdatePermission.name]: 'update',
};

/**
 * KFP runs: a page at a time from KFP (never without a page size) with KFP's own filter and sort;
 * a run's page with its DAG and outputs; create, terminate, retry and archive. Every route first
 * checks the caller (Backstage permission + SubjectAccessReview on `pipelines.kubeflow.org` runs in
 * the namespace) and keeps to runs of that namespace; actions answer the run's new state and do
 * nothing twice.
 */
export function runRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();
  const base = '/clusters/:cluster/namespaces/:namespace/runs';
  const created = new Map<string, { at: number; run: Promise<string> }>();

  /** The experiment ids of the namespace (from the cache), to keep runs inside their namespace. */
  const experimentIds = async (cluster: string, namespace: string) =>
    new Set(
      (await clusters.cache.list(cluster, 'kfp.experiments'))
        .filter(e => e.namespace === namespace)
        .map(e => e.experiment_id as string),
    );

  const runInNamespace = async (
    kfp: KfpCall,
    cluster: KubeflowClusterConfig,
    namespace: string,
    runId: string,
  ) => {
    const run = await kfp({ path: `/runs/${encodeURIComponent(runId)}` });
    const ids = await experimentIds(cluster.name, namespace);
    // An experiment created since the cache last polled KFP is asked for directly.
    const inNamespace =
      !!run.experiment_id &&
      (ids.has(run.experiment_id) ||
        (
          await kfp({
            path: `/experiments/${encodeURIComponent(run.experiment_id)}`,
          }).catch(() => undefined)
        )?.namespace === namespace);
    if (!inNamespace) {
      // A run of another profile is not found here, whatever KFP would let the caller see.
      throw new NotFoundError(`No run ${runId} in ${namespace}`);
    }
    return run;
  };

  const target = async (
    req: any,
    permission = kubeflowPipelineReadPermission,
  ) => {
    const { cluster, namespace } = namespacedTarget(clusters, {
      cluster: req.params.cluster,
      namespace: req.params.namespace,
    });
    const caller = await callers.caller(req);
    await callers.authorize(caller, cluster.name, permission, {
      verb: VERBS[permission.name] ?? 'update',
      group: KFP_GROUP,
      resource: 'runs',
      namespace,
    });
    return {
      cluster,
      namespace,
      caller,
      kfp: kfpApi(clusters, cluster),
    };
  };

  router.get(base, async (req, res) => {
    const query = parseBody(listQuery, req.query);
    const { cluster, namespace, caller, kfp } = await target(req);
    const predicates: unknown[] = [];
    if (query.archived === 'false') {
      predicates.push({
        key: 'storage_state',
        operation: 'NOT_EQUALS',
        string_value: 'ARCHIVED',
      });
    }
    if (query.state)
      predicates.push({
        key: 'state',
        operation: 'EQUALS',
        string_value: query.state,
      });
    if (query.search)
      predicates.push({
        key: 'name',
        operation: 'IS_SUBSTRING',
        string_value: query.search,
      });
    if (query.pipelineId && !query.pageToken) {
      await readablePipeline(
        clusters,
        callers,
        caller,
        cluster,
        query.pipelineId,
      );
      const versions = await pipelineVersions(
        clusters,
        cluster,
        query.pipelineId,
      );
      if (!versions.length) {
        res.json({ runs: [], totalSize: 0 } satisfies RunPageDto);
        return;
      }
      predicates.push({
        key: 'pipeline_version_id',
        operation: 'IN',
        string_values: { values: versions.map(v => v.id) },
      });
    }
    // With a page token, KFP takes sort and filter from the token.
    const page = await kfp({
      path: '/runs',
      query: {
        namespace,
        page_size: query.pageSize,
        ...(query.experimentId ? { experiment_id: query.experimentId } : {}),
        ...(query.pageToken
          ? { page_token: query.pageToken }
          : {
              sort_by: `${query.sort} ${query.order}`,
              ...(predicates.length
                ? { filter: JSON.stringify({ predicates }) }
                : {}),
            }),
      },
    });
    const body: RunPageDto = {
      runs: (page?.runs ?? []).map((r: any) => runDto(cluster, namespace, r)),
      totalSize: Number(page?.total_size ?? 0),
      ...(page?.next_page_token ? { nextPageToken: page.next_page_token } : {}),
    };
    res.json(body);
  });

  router.get(`${base}/:runId`, async (req, res) => {
    const runId = parseBody(kfpId, req.params.runId);
    const { cluster, namespace, kfp } = await target(req);
    const run = await runInNamespace(kfp, cluster, namespace, runId);
    const ref = run.pipeline_version_reference;
    let spec = run.pipeline_spec;
    if (!spec && ref?.pipeline_id && ref?.pipeline_version_id) {
      const version = await kfp({
        path: `/pipelines/${encodeURIComponent(
          ref.pipeline_id,
        )}/versions/${encodeURIComponent(ref.pipeline_version_id)}`,
      }).catch(() => undefined);
      spec = version?.pipeline_spec;
    }
    const body: RunDetailsDto = {
      ...runDto(cluster, namespace, run),
      parameters: run.runtime_config?.parameters ?? {},
      pipelineRoot: run.runtime_config?.pipeline_root,
      graph: pipelineTasks(spec),
      tasks: runTasks(run),
      outputs: await producedVersions(clusters, cluster.name, runId),
    };
    res.json(body);
  });

  const createRun = async (
    kfp: KfpCall,
    cluster: KubeflowClusterConfig,
    namespace: string,
    caller: Caller,
    input: z.infer<typeof createBody>,
  ): Promise<string> => {
    const pipeline = await readablePipeline(
      clusters,
      callers,
      caller,
      cluster,
      input.pipelineId,
    );
    if (pipeline.namespace && pipeline.namespace !== namespace) {
      throw new InputError(
        `pipeline ${input.pipelineId} belongs to ${pipeline.namespace}, not ${namespace}`,
      );
    }
    const versions = await pipelineVersions(
      clusters,
      cluster,
      input.pipelineId,
    );
    const version = versions.find(v => v.id === input.pipelineVersionId);
    if (!version)
      throw new InputError(
        `pipeline ${input.pipelineId} has no version ${input.pipelineVersionId}`,
      );
    const parameters = runParameters(version.parameters, input.parameters);
    const ids = await experimentIds(cluster.name, namespace);
    let experimentId = input.experimentId;
    if (experimentId && !ids.has(experimentId))
      throw new InputError(`No experiment ${experimentId} in ${namespace}`);
    if (!experimentId) {
      const experiments = await kfp({
        path: '/experiments',
        query: {
          namespace,
          page_size: 1,
          filter: JSON.stringify({
            predicates: [
              { key: 'name', operation: 'EQUALS', string_value: 'Default' },
            ],
          }),
        },
      });
      experimentId =
        experiments?.experiments?.[0]?.experiment_id ??
        (
          await kfp({
            method: 'POST',
            path: '/experiments',
            body: { display_name: 'Default', namespace },
          })
        ).experiment_id;
    }
    const run = await kfp({
      method: 'POST',
      path: '/runs',
      body: {
        display_name: input.name,
        experiment_id: experimentId,
        pipeline_version_reference: {
          pipeline_id: input.pipelineId,
          pipeline_version_id: input.pipelineVersionId,
        },
        runtime_config: { parameters },
      },
    });
    return run.run_id;
  };

  router.post(base, async (req, res) => {
    const input = parseBody(createBody, req.body);
    const { cluster, namespace, caller, kfp } = await target(
      req,
      kubeflowRunCreatePermission,
    );
    const now = Date.now();
    for (const [key, entry] of created)
      if (now - entry.at > 10 * 60_000) created.delete(key);
    const key = input.idempotencyKey
      ? `${caller.userEntityRef}\u0000${cluster.name}\u0000${input.idempotencyKey}`
      : undefined;
    let runId: Promise<string>;
    const previous = key ? created.get(key) : undefined;
    if (previous) {
      runId = previous.run;
    } else {
      runId = createRun(kfp, cluster, namespace, caller, input);
      if (key) {
        created.set(key, { at: now, run: runId });
        runId.catch(() => created.delete(key));
      }
    }
    const run = await kfp({ path: `/runs/${encodeURIComponent(await runId)}` });
    res.status(previous ? 200 : 201).json(runDto(cluster, namespace, run));
  });

  const action = (
    name: 'terminate' | 'retry' | 'archive' | 'unarchive',
    needed: (run: any) => boolean,
  ) =>
    router.post(`${base}/:runId/${name}`, async (req, res) => {
      const runId = parseBody(kfpId, req.params.runId);
      const { cluster, namespace, kfp } = await target(
        req,
        kubeflowRunUpdatePermission,
      );
      const run = await runInNamespace(kfp, cluster, namespace, runId);
      const path = `/runs/${encodeURIComponent(runId)}`;
      if (needed(run)) await kfp({ method: 'POST', path: `${path}:${name}` });
      res.json(runDto(cluster, namespace, await kfp({ path })));
    });

  // Terminating a finished (or terminating) run changes nothing.
  action(
    'terminate',
    run => !FINAL.includes(run.state) && run.state !== 'CANCELING',
  );
  // A retried run is running again: retrying it again changes nothing; a run that succeeded has
  // nothing to retry.
  action('retry', run => {
    if (run.state === 'SUCCEEDED' || run.state === 'SKIPPED') {
      throw new ConflictError(
        `Run ${run.display_name} succeeded; only failed or canceled runs can be retried`,
      );
    }
    return run.state === 'FAILED' || run.state === 'CANCELED';
  });
  action('archive', run => run.storage_state !== 'ARCHIVED');
  action('unarchive', run => run.storage_state === 'ARCHIVED');

  return router;
}
