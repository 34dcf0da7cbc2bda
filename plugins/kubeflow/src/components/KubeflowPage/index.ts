export { KubeflowPage } from './KubeflowPage';
