/**
 * Scaffolder module with the `kubeflow:*` actions.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKubeflow as default } from './module';
export * from './actions';
export { readKubeflowScaffolderConfig } from './actions/config';
export type {
  KubeflowScaffolderConfig,
  NotebookSpawnerConfig,
} from './actions/config';
export { KUBEFLOW_FIELD_MANAGER } from './services/ClusterSession';
export type {
  KubeflowActionEnv,
  KubeManifest,
} from './services/ClusterSession';
