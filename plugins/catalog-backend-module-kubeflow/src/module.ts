import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readKubeflowClustersConfig } from '@kubeflow-backstage/plugin-kubeflow-node';

/**
 * Registers the Kubeflow entity provider with the catalog, for the clusters named under
 * `catalog.providers.kubeflow`. The provider itself lands with the catalog issue; until then the
 * module checks its configuration at start-up so a typo fails early.
 *
 * @public
 */
export const catalogModuleKubeflow = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubeflow',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ config, logger }) {
        const known = new Set(readKubeflowClustersConfig(config).map(c => c.name));
        const wanted =
          config.getOptionalStringArray('catalog.providers.kubeflow.clusters') ??
          [...known];
        const unknown = wanted.filter(name => !known.has(name));
        if (unknown.length) {
          throw new Error(
            `catalog.providers.kubeflow.clusters names unknown clusters: ${unknown.join(', ')}`,
          );
        }
        logger.info(`Kubeflow catalog ingestion for clusters: ${wanted.join(', ') || 'none'}`);
      },
    });
  },
});
