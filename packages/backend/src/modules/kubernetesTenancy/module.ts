import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kubernetesObjectsProviderExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { kubeflowClustersServiceRef } from '@kubeflow-backstage/plugin-kubeflow-node';
import { KubeflowTenancyObjectsProvider } from './KubeflowTenancyObjectsProvider';

/** Makes the Kubernetes tab follow Kubeflow tenancy on the Kubeflow clusters. */
export const kubernetesTenancyModule = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'kubeflow-tenancy',
  register(env) {
    env.registerInit({
      deps: {
        objectsProvider: kubernetesObjectsProviderExtensionPoint,
        clusters: kubeflowClustersServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ objectsProvider, clusters, catalog, auth }) {
        objectsProvider.addObjectsProvider(
          async ({ getDefault }) =>
            new KubeflowTenancyObjectsProvider({
              inner: await getDefault(),
              clusters,
              catalog,
              auth,
            }),
        );
      },
    });
  },
});
