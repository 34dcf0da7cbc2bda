import {
  LiveChangeDto,
  TRAINING_OPERATOR_KINDS,
  kubeflowProfileReadPermission,
  registryNamespaceOf,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import { namespacedTarget } from './params';

const LIVE_RESOURCES = new Set([
  'events',
  'notebooks',
  'inferenceservices',
  'experiments',
  'trainjobs',
  ...Object.values(TRAINING_OPERATOR_KINDS).map(k => k.plural),
  'sparkapplications',
]);

/**
 * The live channel: server-sent events telling an open page that something in a namespace
 * changed (what and which object), straight from the watch cache — pages re-read their data from
 * the cache instead of polling the cluster.
 */
export function liveRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();

  router.get(
    '/clusters/:cluster/namespaces/:namespace/events',
    async (req, res) => {
      const { cluster, namespace } = namespacedTarget(clusters, req.params);
      const caller = await callers.caller(req);
      await callers.authorize(
        caller,
        cluster.name,
        kubeflowProfileReadPermission,
        {
          verb: 'list',
          group: 'kubeflow.org',
          resource: 'notebooks',
          namespace,
        },
      );
      // Start the sources a page shows, so their changes flow even before anyone listed them.
      for (const resource of ['notebooks', 'inferenceservices'] as const) {
        clusters.cache.source(cluster.name, resource);
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');
      const unsubscribe = clusters.cache.subscribe(event => {
        if (event.cluster !== cluster.name) return;
        // Registry objects carry their profile as a custom property, cluster objects in metadata.
        const registry = event.resource.startsWith('modelregistry.');
        if (!registry && !LIVE_RESOURCES.has(event.resource)) return;
        const object = event.object ?? {};
        const at = registry
          ? registryNamespaceOf(object)
          : object.metadata?.namespace;
        if (at !== namespace) return;
        const change: LiveChangeDto = {
          cluster: cluster.name,
          resource: event.resource,
          type: event.type,
          namespace,
          // An event concerns the object it is about; a registry object has no metadata.
          name: registry
            ? object.name
            : object.involvedObject?.name ?? object.metadata.name,
        };
        res.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
      });
      const keepAlive = setInterval(
        () => res.write(': keep-alive\n\n'),
        15_000,
      );
      req.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    },
  );

  return router;
}
