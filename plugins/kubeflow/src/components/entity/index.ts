export { EndpointContent } from './EndpointContent';
export { ModelContent } from './ModelContent';
export { NotebookContent } from './NotebookContent';
export { ProfileContent } from './ProfileContent';
export {
  useKubeflowEntityObject,
  useLiveEntityData,
} from './useKubeflowEntity';
export type { KubeflowEntityObject } from './useKubeflowEntity';
