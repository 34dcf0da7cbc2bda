/**
 * Kubeflow in the portal: the Kubeflow home page, entity pages and cards.
 *
 * @packageDocumentation
 */
export { kubeflowPlugin as default } from './plugin';
export { kubeflowApiRef } from './api/KubeflowApi';
export type { KubeflowApi, NamespaceRef } from './api/KubeflowApi';
export { ModelMetricsCard } from './components/ModelMetricsCard';
export type {
  ExperimentsNamespaceRef,
  KubeflowExperimentsApi,
  NewRun,
  RunQuery,
} from './api/KubeflowExperimentsApi';
