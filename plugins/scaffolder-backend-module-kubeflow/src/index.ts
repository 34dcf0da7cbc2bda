/**
 * Scaffolder module with the `kubeflow:*` actions.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKubeflow as default } from './module';
