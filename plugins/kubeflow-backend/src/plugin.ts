import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kubeflowClustersServiceRef } from '@kubeflow-backstage/plugin-kubeflow-node';
import { createRouter } from './router';
import { CallerResolver } from './services/CallerResolver';

/**
 * Serves `/api/kubeflow`: page data from the shared watch cache, actions performed as the
 * signed-in user, and a live channel.
 *
 * @public
 */
export const kubeflowPlugin = createBackendPlugin({
  pluginId: 'kubeflow',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
        clusters: kubeflowClustersServiceRef,
      },
      async init({
        logger,
        auth,
        httpAuth,
        httpRouter,
        permissions,
        catalog,
        clusters,
      }) {
        logger.info(
          `Kubeflow clusters: ${
            clusters.clusters.map(c => c.name).join(', ') || 'none'
          }`,
        );
        const callers = new CallerResolver({
          httpAuth,
          auth,
          catalog,
          permissions,
          clusters,
        });
        httpRouter.use(await createRouter({ clusters, httpAuth, callers }));
      },
    });
  },
});
