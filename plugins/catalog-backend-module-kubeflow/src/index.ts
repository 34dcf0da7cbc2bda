/**
 * Catalog module that turns Kubeflow resources into catalog entities.
 *
 * @packageDocumentation
 */
export { catalogModuleKubeflow as default } from './module';
