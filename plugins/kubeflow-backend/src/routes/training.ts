import {
  kubeflowTrainJobReadPermission,
  kubeflowTrainJobUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import { trainJobDto } from '../services/experimentDtos';
import { cachedReadRoutes } from './cachedReads';
import { objectActionRoute } from './objectActions';

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
    const suspend = action === 'suspend';
    objectActionRoute(router, {
      clusters,
      callers,
      base,
      action,
      resource: 'trainjobs',
      permission: kubeflowTrainJobUpdatePermission,
      change: current =>
        !!current.spec?.suspend === suspend ? undefined : { spec: { suspend } },
      toDto: trainJobDto,
    });
  }

  return router;
}
