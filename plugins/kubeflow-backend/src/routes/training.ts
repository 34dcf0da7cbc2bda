import {
  TRAINING_OPERATOR_KINDS,
  kubeflowTrainJobReadPermission,
  kubeflowTrainJobUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KubeflowClusterConfig,
  KubeflowClusters,
  KubeflowResourceTypeName,
} from '@kubeflow-backstage/plugin-kubeflow-node';
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
  const router = Router();
  const jobRoutes = (job: {
    resource: KubeflowResourceTypeName;
    group: string;
    label: string;
    toDto: (cluster: KubeflowClusterConfig, object: any) => unknown;
    /** The patch that sets the job's suspend flag. */
    suspendPatch: (suspend: boolean) => Record<string, unknown>;
    suspended: (object: any) => boolean;
  }) => {
    const base = `/clusters/:cluster/namespaces/:namespace/${job.resource}`;
    cachedReadRoutes(router, {
      ...options,
      base,
      resource: job.resource,
      group: job.group,
      permission: kubeflowTrainJobReadPermission,
      label: job.label,
      toDto: job.toDto,
      order: newestFirst,
    });
    for (const action of ['suspend', 'resume'] as const) {
      const suspend = action === 'suspend';
      objectActionRoute(router, {
        ...options,
        base,
        action,
        resource: job.resource,
        permission: kubeflowTrainJobUpdatePermission,
        change: current =>
          job.suspended(current) === suspend
            ? undefined
            : job.suspendPatch(suspend),
        toDto: job.toDto,
      });
    }
  };

  jobRoutes({
    resource: 'trainjobs',
    group: TRAINJOBS.group,
    label: 'TrainJob',
    toDto: trainJobDto,
    suspendPatch: suspend => ({ spec: { suspend } }),
    suspended: current => !!current.spec?.suspend,
  });
  for (const { plural } of Object.values(TRAINING_OPERATOR_KINDS)) {
    jobRoutes({
      resource: plural,
      group: 'kubeflow.org',
      label: 'training job',
      toDto: trainingJobDto,
      suspendPatch: suspend => ({ spec: { runPolicy: { suspend } } }),
      suspended: current => !!current.spec?.runPolicy?.suspend,
    });
  }

  return router;
}
