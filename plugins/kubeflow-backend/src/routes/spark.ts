import { NotFoundError } from '@backstage/errors';
import {
  SCHEDULED_SPARK_APP_LABEL,
  kubeflowSparkApplicationReadPermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import {
  scheduledSparkApplicationDto,
  scheduledSparkDto,
  sparkApplicationDto,
} from '../services/experimentDtos';
import { namespacedTarget } from './params';

const SPARK = { group: 'sparkoperator.k8s.io', resource: 'sparkapplications' };
const SCHEDULED = {
  group: 'sparkoperator.k8s.io',
  resource: 'scheduledsparkapplications',
};
const SCHEDULED_LABEL = SCHEDULED_SPARK_APP_LABEL;

/**
 * Spark applications, read-only, from the watch cache: one application with its driver and
 * executors, and — when a ScheduledSparkApplication launched it — the schedule and its last runs;
 * one ScheduledSparkApplication with the application it runs and its last runs.
 */
export function sparkRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();

  router.get(
    '/clusters/:cluster/namespaces/:namespace/sparkapplications/:name',
    async (req, res) => {
      const { cluster, namespace, name } = namespacedTarget(
        clusters,
        req.params,
      );
      const caller = await callers.caller(req);
      await callers.authorize(
        caller,
        cluster.name,
        kubeflowSparkApplicationReadPermission,
        { verb: 'get', ...SPARK, namespace, name },
      );
      const apps = (
        await clusters.cache.list(cluster.name, 'sparkapplications')
      ).filter(a => a.metadata.namespace === namespace);
      const app = apps.find(a => a.metadata.name === name);
      if (!app)
        throw new NotFoundError(
          `No Spark application ${namespace}/${name} on ${cluster.name}`,
        );
      const scheduledName = app.metadata.labels?.[SCHEDULED_LABEL];
      let schedule;
      if (scheduledName) {
        const components = await clusters.components(cluster.name);
        const scheduled = components.resources.scheduledsparkapplications
          ? (
              await clusters.cache.list(
                cluster.name,
                'scheduledsparkapplications',
              )
            ).find(
              s =>
                s.metadata.namespace === namespace &&
                s.metadata.name === scheduledName,
            )
          : undefined;
        if (scheduled) {
          schedule = scheduledSparkDto(
            scheduled,
            apps.filter(
              a => a.metadata.labels?.[SCHEDULED_LABEL] === scheduledName,
            ),
          );
        }
      }
      res.json(sparkApplicationDto(cluster, app, schedule));
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/scheduledsparkapplications/:name',
    async (req, res) => {
      const { cluster, namespace, name } = namespacedTarget(
        clusters,
        req.params,
      );
      const caller = await callers.caller(req);
      await callers.authorize(
        caller,
        cluster.name,
        kubeflowSparkApplicationReadPermission,
        { verb: 'get', ...SCHEDULED, namespace, name },
      );
      const scheduled = (
        await clusters.cache.list(cluster.name, 'scheduledsparkapplications')
      ).find(
        s => s.metadata.namespace === namespace && s.metadata.name === name,
      );
      if (!scheduled)
        throw new NotFoundError(
          `No scheduled Spark application ${namespace}/${name} on ${cluster.name}`,
        );
      const runs = (
        await clusters.cache.list(cluster.name, 'sparkapplications')
      ).filter(
        a =>
          a.metadata.namespace === namespace &&
          a.metadata.labels?.[SCHEDULED_LABEL] === name,
      );
      res.json(scheduledSparkApplicationDto(cluster, scheduled, runs));
    },
  );

  return router;
}
