import {
  NOTEBOOK_STOPPED_ANNOTATION,
  kubeflowNotebookDeletePermission,
  kubeflowNotebookReadPermission,
  kubeflowNotebookUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KUBEFLOW_RESOURCE_TYPES,
  KubeflowClusters,
  objectPath,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import { eventDto, notebookDto } from '../services/dtos';
import { cachedReadRoutes } from './cachedReads';
import { objectActionRoute } from './objectActions';
import { namespacedTarget } from './params';

const NOTEBOOKS = { group: 'kubeflow.org', resource: 'notebooks' };

/**
 * Notebook routes. Reads come from the shared watch cache; start, stop and delete go to the
 * cluster as the signed-in user and answer with the notebook's new state.
 */
export function notebookRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();
  const base = '/clusters/:cluster/namespaces/:namespace/notebooks';

  /** The cluster's PodDefaults; none when the cluster lacks them or they can't be read now. */
  const podDefaults = (cluster: string) =>
    clusters.cache.list(cluster, 'poddefaults').catch(() => []);

  cachedReadRoutes(router, {
    clusters,
    callers,
    base,
    resource: 'notebooks',
    group: NOTEBOOKS.group,
    permission: kubeflowNotebookReadPermission,
    label: 'notebook',
    toDto: async (cluster, notebook) =>
      notebookDto(cluster, notebook, await podDefaults(cluster.name)),
    // Newest first, as the Jupyter web app lists them.
    order: (a, b) =>
      String(b.metadata.creationTimestamp).localeCompare(
        String(a.metadata.creationTimestamp),
      ),
  });

  // The notebook's events, its pod's included (the notebook controller reissues them on the
  // Notebook), newest first, from the cache (which keeps Notebook events only).
  router.get(`${base}/:name/events`, async (req, res) => {
    const { cluster, namespace, name } = namespacedTarget(clusters, req.params);
    const caller = await callers.caller(req);
    await callers.authorize(
      caller,
      cluster.name,
      kubeflowNotebookReadPermission,
      { verb: 'list', group: '', resource: 'events', namespace },
    );
    const events = (await clusters.cache.list(cluster.name, 'events'))
      .filter(
        e =>
          e.metadata?.namespace === namespace &&
          e.involvedObject?.name === name,
      )
      .map(eventDto)
      .sort((a, b) =>
        String(b.lastSeen ?? '').localeCompare(String(a.lastSeen ?? '')),
      )
      .slice(0, 100);
    res.json(events);
  });

  for (const action of ['stop', 'start'] as const) {
    objectActionRoute(router, {
      clusters,
      callers,
      base,
      action,
      resource: 'notebooks',
      permission: kubeflowNotebookUpdatePermission,
      // Stopping a stopped notebook (or starting a started one) changes nothing.
      change: current =>
        (current.metadata?.annotations?.[NOTEBOOK_STOPPED_ANNOTATION] !==
          undefined) ===
        (action === 'stop')
          ? undefined
          : {
              metadata: {
                annotations: {
                  [NOTEBOOK_STOPPED_ANNOTATION]:
                    action === 'stop'
                      ? new Date().toISOString().replace(/\.\d+Z$/, 'Z')
                      : null,
                },
              },
            },
      toDto: notebookDto,
    });
  }

  router.delete(`${base}/:name`, async (req, res) => {
    const { cluster, namespace, name } = namespacedTarget(clusters, req.params);
    const caller = await callers.caller(req);
    await callers.authorize(
      caller,
      cluster.name,
      kubeflowNotebookDeletePermission,
      {
        verb: 'delete',
        ...NOTEBOOKS,
        namespace,
        name,
      },
    );
    try {
      await clusters.client(cluster.name).request({
        method: 'DELETE',
        path: objectPath(KUBEFLOW_RESOURCE_TYPES.notebooks, namespace, name!),
        as: caller.identity,
      });
    } catch (error: any) {
      if (error?.status !== 404) throw error; // already gone: deleting is idempotent
    }
    res.status(204).end();
  });

  return router;
}
