import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  kubeflowClustersServiceRef,
  UserIdentities,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import { createKubeflowActions } from './actions';
import { readKubeflowScaffolderConfig } from './actions/config';

/**
 * Adds the `kubeflow:*` template actions to the scaffolder. They act on the cluster as the user
 * who runs the template (their User entity's e-mail, impersonated).
 *
 * @public
 */
export const scaffolderModuleKubeflow = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubeflow',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        clusters: kubeflowClustersServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, clusters, catalog, auth, config }) {
        scaffolder.addActions(
          ...createKubeflowActions({
            clusters,
            catalog,
            auth,
            identities: new UserIdentities({
              catalog,
              auth,
              tenancy: clusters.tenancy,
            }),
            config: readKubeflowScaffolderConfig(config),
          }),
        );
      },
    });
  },
});
