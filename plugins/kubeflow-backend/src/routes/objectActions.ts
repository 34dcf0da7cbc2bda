import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  KUBEFLOW_RESOURCE_TYPES,
  KubeflowClusterConfig,
  KubeflowClusters,
  KubeflowResourceTypeName,
  objectPath,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import { Router } from 'express';
import { CallerResolver } from '../services/CallerResolver';
import { namespacedTarget } from './params';

/**
 * A POST action on one namespaced object (`<base>/:name/<action>`), done on the cluster as the
 * signed-in user: the request body is parsed first (400), then the caller's permission and the
 * cluster's RBAC for `patch` are checked (403), the object is read as the caller, and `change`
 * says what merge patch, if any, brings it to the wanted state. No patch: nothing is sent, so
 * every action is idempotent. The answer is the object's new state.
 */
export function objectActionRoute<B>(
  router: Router,
  options: {
    clusters: KubeflowClusters;
    callers: CallerResolver;
    base: string;
    action: string;
    resource: KubeflowResourceTypeName;
    permission: BasicPermission;
    parse?: (body: unknown) => B;
    change: (
      current: Record<string, any>,
      body: B,
      name: string,
    ) => Record<string, unknown> | undefined;
    toDto: (cluster: KubeflowClusterConfig, object: any) => unknown;
  },
) {
  const { clusters, callers, resource, permission, change, toDto } = options;
  const type = KUBEFLOW_RESOURCE_TYPES[resource];
  router.post(`${options.base}/:name/${options.action}`, async (req, res) => {
    const { cluster, namespace, name } = namespacedTarget(clusters, req.params);
    const body = options.parse ? options.parse(req.body) : (undefined as B);
    const caller = await callers.caller(req);
    await callers.authorize(caller, cluster.name, permission, {
      verb: 'patch',
      group: type.group,
      resource: type.plural,
      namespace,
      name,
    });
    const client = clusters.client(cluster.name);
    const path = objectPath(type, namespace, name!);
    const current = await client.request({ path, as: caller.identity });
    const patch = change(current, body, name!);
    const updated = patch
      ? await client.request({
          method: 'PATCH',
          path,
          contentType: 'application/merge-patch+json',
          body: patch,
          as: caller.identity,
        })
      : current;
    res.json(await toDto(cluster, updated));
  });
}
