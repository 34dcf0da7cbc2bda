import {
  kubeflowTrainJobReadPermission,
  kubeflowTrainJobUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KUBEFLOW_RESOURCE_TYPES,
  KubeflowClusters,
  objectPath,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import { trainJobDto } from '../services/experimentDtos';
import { cachedReadRoutes } from './cachedReads';
import { namespacedTarget } from './params';

const TRAINJOBS = { group: 'trainer.kubeflow.org', resource: 'trainjobs' };

/**
 * TrainJobs: reads from the watch cache; suspend and resume set `spec.suspend` as the signed-in
 * user (Trainer suspends the JobSet, and resumes it) and do nothing when it already has that value.
 */
export function trainingRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();
  const base = '/clusters/:cluster/namespaces/:namespace/trainjobs';

  cachedReadRoutes(router, {
    clusters,
    callers,
    base,
    resource: 'trainjobs',
    group: TRAINJOBS.group,
    permission: kubeflowTrainJobReadPermission,
    label: 'TrainJob',
    toDto: trainJobDto,
    order: (a, b) =>
      String(b.metadata.creationTimestamp).localeCompare(
        String(a.metadata.creationTimestamp),
      ),
  });

  for (const action of ['suspend', 'resume'] as const) {
    router.post(`${base}/:name/${action}`, async (req, res) => {
      const { cluster, namespace, name } = namespacedTarget(
        clusters,
        req.params,
      );
      const caller = await callers.caller(req);
      await callers.authorize(
        caller,
        cluster.name,
        kubeflowTrainJobUpdatePermission,
        { verb: 'patch', ...TRAINJOBS, namespace, name },
      );
      const client = clusters.client(cluster.name);
      const path = objectPath(
        KUBEFLOW_RESOURCE_TYPES.trainjobs,
        namespace,
        name!,
      );
      const current = await client.request({ path, as: caller.identity });
      const suspend = action === 'suspend';
      const updated =
        !!current.spec?.suspend === suspend
          ? current
          : await client.request({
              method: 'PATCH',
              path,
              contentType: 'application/merge-patch+json',
              body: { spec: { suspend } },
              as: caller.identity,
            });
      res.json(trainJobDto(cluster, updated));
    });
  }

  return router;
}
