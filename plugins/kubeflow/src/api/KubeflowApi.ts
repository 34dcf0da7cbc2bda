import { createApiRef } from '@backstage/frontend-plugin-api';
import { KubeflowClusterSummary } from '@kubeflow-backstage/plugin-kubeflow-common';

/**
 * The browser's view of the Kubeflow backend plugin.
 *
 * @public
 */
export interface KubeflowApi {
  /** The configured Kubeflow clusters. */
  getClusters(): Promise<KubeflowClusterSummary[]>;
}

/** @public */
export const kubeflowApiRef = createApiRef<KubeflowApi>({
  id: 'plugin.kubeflow.api',
});
