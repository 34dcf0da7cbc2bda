import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { kubeflowClustersServiceRef } from '@kubeflow-backstage/plugin-kubeflow-node';
import { KubeflowLineageProcessor } from './processors/KubeflowLineageProcessor';
import { readProviderConfig } from './providers/config';
import { KubeflowEntityProvider } from './providers/KubeflowEntityProvider';

/**
 * Registers one Kubeflow entity provider per configured cluster (or those named under
 * `catalog.providers.kubeflow.clusters`) and the lineage processor.
 *
 * @public
 */
export const catalogModuleKubeflow = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'kubeflow',
  register(env) {
    env.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        clusters: kubeflowClustersServiceRef,
      },
      async init({
        catalogProcessing,
        config,
        logger,
        scheduler,
        auth,
        catalog,
        clusters,
      }) {
        const providerConfig = readProviderConfig(config);
        const known = new Map(clusters.clusters.map(c => [c.name, c]));
        const names = providerConfig.clusters ?? [...known.keys()];
        const unknown = names.filter(name => !known.has(name));
        if (unknown.length) {
          throw new Error(
            `catalog.providers.kubeflow.clusters names unknown clusters: ${unknown.join(
              ', ',
            )}`,
          );
        }
        catalogProcessing.addProcessor(new KubeflowLineageProcessor());
        catalogProcessing.addEntityProvider(
          names.map(
            name =>
              new KubeflowEntityProvider(known.get(name)!, {
                clusters,
                config: providerConfig,
                taskRunner: scheduler.createScheduledTaskRunner(
                  providerConfig.schedule,
                ),
                logger,
                catalog,
                auth,
              }),
          ),
        );
        logger.info(
          `Kubeflow catalog ingestion for clusters: ${
            names.join(', ') || 'none'
          }`,
        );
      },
    });
  },
});
