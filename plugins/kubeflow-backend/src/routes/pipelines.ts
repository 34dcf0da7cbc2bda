import { NotFoundError } from '@backstage/errors';
import {
  PipelineDto,
  PipelineVersionDto,
  kubeflowPipelineReadPermission,
  kubeflowRunUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KubeflowClusterConfig,
  KubeflowClusters,
  listKfp,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Caller, CallerResolver } from '../services/CallerResolver';
import { recurringRunDto } from '../services/experimentDtos';
import { kfpApi } from '../services/kfpRequests';
import { pipelineParameters, pipelineTasks } from '../services/pipelineSpec';
import { namespacedTarget, parseBody } from './params';

const KFP_GROUP = 'pipelines.kubeflow.org';
const kfpId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a KFP id');

/** A pipeline's versions (newest first), read from KFP (after the caller's check): they carry the IR. */
export async function pipelineVersions(
  clusters: KubeflowClusters,
  cluster: KubeflowClusterConfig,
  pipelineId: string,
): Promise<PipelineVersionDto[]> {
  const versions = await listKfp(clusters.client(cluster.name), {
    url: `${cluster.pipelinesUrl}/apis/v2beta1/pipelines/${encodeURIComponent(
      pipelineId,
    )}/versions`,
    itemsKey: 'pipeline_versions',
    query: { sort_by: 'created_at desc' },
    pageSize: 50,
    max: 200,
  });
  return versions.map(v => ({
    id: v.pipeline_version_id,
    name: v.name ?? v.display_name,
    displayName: v.display_name ?? v.name,
    description: v.description,
    createdAt: v.created_at,
    codeSourceUrl: v.code_source_url,
    parameters: pipelineParameters(v.pipeline_spec),
    tasks: pipelineTasks(v.pipeline_spec),
  }));
}

/** The cached pipeline, after the caller may read it (shared pipelines: the portal permission). */
export async function readablePipeline(
  clusters: KubeflowClusters,
  callers: CallerResolver,
  caller: Caller,
  cluster: KubeflowClusterConfig,
  pipelineId: string,
): Promise<Record<string, any>> {
  await clusters.cache.list(cluster.name, 'kfp.pipelines');
  const pipeline = clusters.cache
    .source(cluster.name, 'kfp.pipelines')
    .get(pipelineId);
  if (!pipeline)
    throw new NotFoundError(`No pipeline ${pipelineId} on ${cluster.name}`);
  if (pipeline.namespace) {
    await callers.authorize(
      caller,
      cluster.name,
      kubeflowPipelineReadPermission,
      {
        verb: 'get',
        group: KFP_GROUP,
        resource: 'pipelines',
        namespace: pipeline.namespace,
      },
    );
  } else {
    await callers.authorizePortal(caller, kubeflowPipelineReadPermission);
  }
  return pipeline;
}

/**
 * Pipelines and recurring runs. The pipeline and the recurring runs come from the watch cache;
 * versions (which carry the compiled IR) are read from KFP once the caller may see the pipeline.
 * Enabling and disabling a recurring run is checked against the caller's rights in the namespace
 * and does nothing when the run already is in that state.
 */
export function pipelineRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();

  router.get('/clusters/:cluster/pipelines/:pipelineId', async (req, res) => {
    const { cluster } = namespacedTarget(clusters, {
      cluster: req.params.cluster,
      namespace: 'x',
    });
    const pipelineId = parseBody(kfpId, req.params.pipelineId);
    const caller = await callers.caller(req);
    const pipeline = await readablePipeline(
      clusters,
      callers,
      caller,
      cluster,
      pipelineId,
    );
    const body: PipelineDto = {
      cluster: cluster.name,
      id: pipelineId,
      name: pipeline.name ?? pipeline.display_name,
      displayName: pipeline.display_name ?? pipeline.name,
      namespace: pipeline.namespace || undefined,
      description: pipeline.description,
      createdAt: pipeline.created_at,
      versions: await pipelineVersions(clusters, cluster, pipelineId),
    };
    res.json(body);
  });

  const base = '/clusters/:cluster/namespaces/:namespace/recurringruns';
  const filters = z.object({
    pipelineId: kfpId.optional(),
    experimentId: kfpId.optional(),
  });

  router.get(base, async (req, res) => {
    const { cluster, namespace } = namespacedTarget(clusters, req.params);
    const query = parseBody(filters, req.query);
    const caller = await callers.caller(req);
    await callers.authorize(
      caller,
      cluster.name,
      kubeflowPipelineReadPermission,
      {
        verb: 'list',
        group: KFP_GROUP,
        resource: 'recurringruns',
        namespace,
      },
    );
    const all = await clusters.cache.list(cluster.name, 'kfp.recurringruns');
    res.json(
      all
        .filter(
          r =>
            r.namespace === namespace &&
            (!query.pipelineId ||
              r.pipeline_version_reference?.pipeline_id === query.pipelineId) &&
            (!query.experimentId || r.experiment_id === query.experimentId),
        )
        .sort((a, b) =>
          String(a.display_name).localeCompare(String(b.display_name)),
        )
        .map(r => recurringRunDto(cluster, r)),
    );
  });

  for (const action of ['enable', 'disable'] as const) {
    router.post(`${base}/:id/${action}`, async (req, res) => {
      const { cluster, namespace } = namespacedTarget(clusters, {
        cluster: req.params.cluster,
        namespace: req.params.namespace,
      });
      const id = parseBody(kfpId, req.params.id);
      const caller = await callers.caller(req);
      await callers.authorize(
        caller,
        cluster.name,
        kubeflowRunUpdatePermission,
        {
          verb: 'update',
          group: KFP_GROUP,
          resource: 'recurringruns',
          namespace,
        },
      );
      const kfp = kfpApi(clusters, cluster);
      const path = `/recurringruns/${encodeURIComponent(id)}`;
      const current = await kfp({ path });
      if (current.namespace !== namespace)
        throw new NotFoundError(`No recurring run ${id} in ${namespace}`);
      const enabled = current.status === 'ENABLED';
      if (enabled !== (action === 'enable')) {
        await kfp({ method: 'POST', path: `${path}:${action}` });
      }
      res.json(recurringRunDto(cluster, await kfp({ path })));
    });
  }

  return router;
}
