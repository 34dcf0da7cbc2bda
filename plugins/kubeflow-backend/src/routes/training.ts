import {
  TRAINING_OPERATOR_KINDS,
  kubeflowTrainJobReadPermission,
  kubeflowTrainJobUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import { trainJobDto, trainingJobDto } from '../services/experimentDtos';
import { cachedReadRoutes } from './cachedReads';
import { objectActionRoute } from './objectActions';

const TRAINJOBS = { group: 'trainer.kubeflow.org', resource: 'trainjobs' };

const newestFirst = (a: any, b: any) =>
  String(b.metadata.creationTimestamp).localeCompare(
    String(a.metadata.creationTimestamp),
  );

/**
 * TrainJobs: reads from the watch cache; suspend and resume set `spec.suspend` as the signed-in
 * user (Trainer suspends the JobSet, and resumes it) and do nothing when it already has that value.
 * The Training Operator v1 jobs (PyTorchJob, TFJob, …) the same way, under their plurals, with
 * `spec.runPolicy.suspend`; the TrainJob permissions cover every training job.
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
    order: newestFirst,
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

  for (const { plural } of Object.values(TRAINING_OPERATOR_KINDS)) {
    const jobs = `/clusters/:cluster/namespaces/:namespace/${plural}`;
    cachedReadRoutes(router, {
      clusters,
      callers,
      base: jobs,
      resource: plural,
      group: 'kubeflow.org',
      permission: kubeflowTrainJobReadPermission,
      label: 'training job',
      toDto: trainingJobDto,
      order: newestFirst,
    });
    for (const action of ['suspend', 'resume'] as const) {
      const suspend = action === 'suspend';
      objectActionRoute(router, {
        clusters,
        callers,
        base: jobs,
        action,
        resource: plural,
        permission: kubeflowTrainJobUpdatePermission,
        change: current =>
          !!current.spec?.runPolicy?.suspend === suspend
            ? undefined
            : { spec: { runPolicy: { suspend } } },
        toDto: trainingJobDto,
      });
    }
  }

  return router;
}
