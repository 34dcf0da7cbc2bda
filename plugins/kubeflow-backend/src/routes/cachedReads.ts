import { NotFoundError } from '@backstage/errors';
import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  KubeflowClusterConfig,
  KubeflowClusters,
  KubeflowResourceTypeName,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import { Router } from 'express';
import { CallerResolver } from '../services/CallerResolver';
import { namespacedTarget } from './params';

/**
 * The two reads every namespaced page resource has — the namespace's list and one object — served
 * from the watch cache after the caller's permission and the cluster's RBAC (list / get) allow them.
 */
export function cachedReadRoutes<T>(
  router: Router,
  options: {
    clusters: KubeflowClusters;
    callers: CallerResolver;
    base: string;
    resource: KubeflowResourceTypeName;
    group: string;
    permission: BasicPermission;
    label: string;
    toDto: (cluster: KubeflowClusterConfig, object: any) => T | Promise<T>;
    order: (a: any, b: any) => number;
  },
) {
  const {
    clusters,
    callers,
    base,
    resource,
    group,
    permission,
    label,
    toDto,
    order,
  } = options;

  router.get(base, async (req, res) => {
    const { cluster, namespace } = namespacedTarget(clusters, req.params);
    const caller = await callers.caller(req);
    await callers.authorize(caller, cluster.name, permission, {
      verb: 'list',
      group,
      resource,
      namespace,
    });
    const items = await clusters.cache.list(cluster.name, resource);
    res.json(
      await Promise.all(
        items
          .filter(i => i.metadata.namespace === namespace)
          .sort(order)
          .map(i => toDto(cluster, i)),
      ),
    );
  });

  router.get(`${base}/:name`, async (req, res) => {
    const { cluster, namespace, name } = namespacedTarget(clusters, req.params);
    const caller = await callers.caller(req);
    await callers.authorize(caller, cluster.name, permission, {
      verb: 'get',
      group,
      resource,
      namespace,
      name,
    });
    await clusters.cache.list(cluster.name, resource);
    const object = clusters.cache
      .source(cluster.name, resource)
      .get(`${namespace}/${name}`);
    if (!object)
      throw new NotFoundError(
        `No ${label} ${namespace}/${name} on ${cluster.name}`,
      );
    res.json(await toDto(cluster, object));
  });
}
