import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readKubeflowClustersConfig } from '@kubeflow-backstage/plugin-kubeflow-node';
import { createRouter } from './router';

/**
 * Serves `/api/kubeflow`: page data and actions for Kubeflow resources.
 *
 * @public
 */
export const kubeflowPlugin = createBackendPlugin({
  pluginId: 'kubeflow',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
      },
      async init({ config, logger, httpAuth, httpRouter }) {
        const clusters = readKubeflowClustersConfig(config);
        logger.info(
          `Kubeflow clusters: ${
            clusters.map(c => c.name).join(', ') || 'none'
          }`,
        );
        httpRouter.use(await createRouter({ clusters, httpAuth }));
      },
    });
  },
});
