import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  kubeflowKatibExperimentReadPermission,
  kubeflowKatibExperimentUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KubeflowClusterConfig,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import {
  KATIB_STOPPED_MAX_TRIALS_ANNOTATION,
  katibExperimentDto,
} from '../services/experimentDtos';
import { objectActionRoute } from './objectActions';
import { namespacedTarget } from './params';

const EXPERIMENTS = { group: 'kubeflow.org', resource: 'experiments' };
const TRIAL_LABEL = 'katib.kubeflow.org/experiment';

/**
 * Katib experiments with their trials, from the watch cache; stop and restart as the signed-in
 * user. Katib has no stop verb: stopping lowers `maxTrialCount` to the trials already created
 * (running ones finish, no new one starts, the experiment then succeeds on max trials) and keeps
 * the old count in an annotation; restarting puts it back, which Katib turns into a restart of a
 * completed experiment whose resume policy keeps its suggestion. Both do nothing twice.
 */
export function katibRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();
  const base = '/clusters/:cluster/namespaces/:namespace/experiments';

  const dto = async (
    cluster: KubeflowClusterConfig,
    experiment: Record<string, any>,
  ) => {
    const trials = (await clusters.cache.list(cluster.name, 'trials')).filter(
      t =>
        t.metadata.namespace === experiment.metadata.namespace &&
        t.metadata.labels?.[TRIAL_LABEL] === experiment.metadata.name,
    );
    return katibExperimentDto(cluster, experiment, trials);
  };

  router.get(`${base}/:name`, async (req, res) => {
    const { cluster, namespace, name } = namespacedTarget(clusters, req.params);
    const caller = await callers.caller(req);
    await callers.authorize(
      caller,
      cluster.name,
      kubeflowKatibExperimentReadPermission,
      { verb: 'get', ...EXPERIMENTS, namespace, name },
    );
    await clusters.cache.list(cluster.name, 'experiments');
    const experiment = clusters.cache
      .source(cluster.name, 'experiments')
      .get(`${namespace}/${name}`);
    if (!experiment)
      throw new NotFoundError(
        `No Katib experiment ${namespace}/${name} on ${cluster.name}`,
      );
    res.json(await dto(cluster, experiment));
  });

  for (const action of ['stop', 'restart'] as const) {
    objectActionRoute(router, {
      clusters,
      callers,
      base,
      action,
      resource: 'experiments',
      permission: kubeflowKatibExperimentUpdatePermission,
      change: (current, _body, name) => {
        const spec = current.spec ?? {};
        const status = current.status ?? {};
        const saved =
          current.metadata?.annotations?.[KATIB_STOPPED_MAX_TRIALS_ANNOTATION];
        const finished = (status.conditions ?? []).some(
          (c: any) =>
            (c.type === 'Succeeded' || c.type === 'Failed') &&
            c.status === 'True',
        );
        let patch: Record<string, any> | undefined;
        if (action === 'stop' && saved === undefined && !finished) {
          const created = Math.max(status.trials ?? 0, 1);
          patch = {
            metadata: {
              annotations: {
                [KATIB_STOPPED_MAX_TRIALS_ANNOTATION]: String(
                  spec.maxTrialCount ?? created,
                ),
              },
            },
            spec: { maxTrialCount: created },
          };
        }
        if (action === 'restart') {
          const maxTrialsReached = (status.conditions ?? []).some(
            (c: any) =>
              c.type === 'Succeeded' &&
              c.status === 'True' &&
              c.reason === 'ExperimentMaxTrialsReached',
          );
          if (
            finished &&
            (!maxTrialsReached ||
              !['LongRunning', 'FromVolume'].includes(spec.resumePolicy))
          ) {
            throw new ConflictError(
              `Experiment ${name} cannot be restarted: Katib restarts only experiments that reached their maximum trial count and whose resume policy is LongRunning or FromVolume (this one: ${
                spec.resumePolicy ?? 'Never'
              })`,
            );
          }
          // Running and never stopped: nothing to restart.
          if (saved !== undefined || finished) {
            const restored = saved !== undefined ? Number(saved) : 0;
            patch = {
              metadata: {
                annotations: { [KATIB_STOPPED_MAX_TRIALS_ANNOTATION]: null },
              },
              spec: {
                maxTrialCount:
                  restored > (status.trials ?? 0)
                    ? restored
                    : (spec.maxTrialCount ?? status.trials ?? 0) +
                      (spec.parallelTrialCount ?? 1),
              },
            };
          }
        }
        return patch;
      },
      toDto: dto,
    });
  }

  return router;
}
