/**
 * Catalog module that turns Kubeflow resources into catalog entities, and the search module that
 * indexes their model fields.
 *
 * @packageDocumentation
 */
export { catalogModuleKubeflow as default } from './module';
export {
  searchModuleKubeflowCollator,
  kubeflowSearchTransformer,
} from './search/module';
