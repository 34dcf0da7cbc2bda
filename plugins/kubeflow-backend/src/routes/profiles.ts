import { NotFoundError } from '@backstage/errors';
import {
  ProfileDetailsDto,
  ProfileDto,
  kubeflowProfileReadPermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  CachedResource,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { CallerResolver } from '../services/CallerResolver';
import { namespacedTarget } from './params';

/** Membership of a profile is the right to list its notebooks (what Kubeflow's roles grant). */
const MEMBERSHIP = { group: 'kubeflow.org', resource: 'notebooks' };

const COUNTED: Array<[keyof ProfileDetailsDto['counts'], CachedResource]> = [
  ['notebooks', 'notebooks'],
  ['endpoints', 'inferenceservices'],
  ['katibExperiments', 'experiments'],
  ['trainJobs', 'trainjobs'],
  ['sparkApplications', 'sparkapplications'],
];

/** Profiles: the ones the caller belongs to, and one profile's people, counts and quota. */
export function profileRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();

  router.get('/clusters/:cluster/profiles', async (req, res) => {
    const { cluster } = namespacedTarget(clusters, {
      ...req.params,
      namespace: 'x',
    });
    const caller = await callers.caller(req);
    await callers.authorizePortal(caller, kubeflowProfileReadPermission);
    const profiles = await clusters.cache.list(cluster.name, 'profiles');
    const bindings = await clusters.cache.list(cluster.name, 'rolebindings');
    const visible = await clusters.tenancy.readableNamespaces(
      cluster.name,
      caller.identity,
      profiles.map(p => p.metadata.name).sort(),
      MEMBERSHIP,
    );
    const body: ProfileDto[] = visible.map(name => {
      const owner = profiles.find(p => p.metadata.name === name)?.spec?.owner
        ?.name;
      const binding = bindings.find(
        b =>
          b.metadata.namespace === name &&
          b.metadata.annotations?.user === caller.identity.user,
      );
      return {
        name,
        owner,
        role:
          owner === caller.identity.user
            ? 'owner'
            : binding?.metadata.annotations?.role,
      };
    });
    res.json(body);
  });

  router.get('/clusters/:cluster/profiles/:namespace', async (req, res) => {
    const { cluster, namespace } = namespacedTarget(clusters, req.params);
    const caller = await callers.caller(req);
    await callers.authorize(
      caller,
      cluster.name,
      kubeflowProfileReadPermission,
      {
        verb: 'list',
        ...MEMBERSHIP,
        namespace,
      },
    );
    await clusters.cache.list(cluster.name, 'profiles');
    const profile = clusters.cache
      .source(cluster.name, 'profiles')
      .get(namespace);
    if (!profile)
      throw new NotFoundError(`No profile ${namespace} on ${cluster.name}`);
    const bindings = await clusters.cache.list(cluster.name, 'rolebindings');
    const owner = profile.spec?.owner?.name;
    const components = await clusters.components(cluster.name);
    const counts = {} as ProfileDetailsDto['counts'];
    for (const [key, resource] of COUNTED) {
      if (!components.resources[resource as keyof typeof components.resources])
        continue;
      const items = await clusters.cache.list(cluster.name, resource);
      counts[key] = items.filter(
        i => i.metadata.namespace === namespace,
      ).length;
    }
    const body: ProfileDetailsDto = {
      name: namespace,
      owner,
      contributors: bindings
        .filter(
          b =>
            b.metadata.namespace === namespace &&
            b.metadata.annotations?.user &&
            b.metadata.annotations.user !== owner,
        )
        .map(b => ({
          user: b.metadata.annotations.user,
          role: b.metadata.annotations.role,
        }))
        .sort((a, b) => a.user.localeCompare(b.user)),
      counts,
      quota: profile.spec?.resourceQuotaSpec?.hard,
    };
    res.json(body);
  });

  return router;
}
