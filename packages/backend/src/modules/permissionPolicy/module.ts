import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';
import { ProfileMemberships } from './ProfileMemberships';

/** Installs the portal's permission policy in the permission backend. */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ policy, config, auth, catalog }) {
        // Kubeflow entities live in the catalog namespace named after their cluster.
        const kubeflowClusters = (
          config.getOptionalConfigArray('kubeflow.clusters') ?? []
        ).map(cluster => cluster.getString('name'));
        const memberships = ProfileMemberships.create({
          catalog,
          auth,
          clusters: kubeflowClusters,
        });
        policy.setPolicy(
          new PortalPermissionPolicy({ kubeflowClusters, memberships }),
        );
      },
    });
  },
});
