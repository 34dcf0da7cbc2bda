import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

/** Installs the portal's permission policy in the permission backend. */
export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'portal-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        // Kubeflow entities live in the catalog namespace named after their cluster.
        const kubeflowClusters = (
          config.getOptionalConfigArray('kubeflow.clusters') ?? []
        ).map(cluster => cluster.getString('name'));
        policy.setPolicy(new PortalPermissionPolicy({ kubeflowClusters }));
      },
    });
  },
});
