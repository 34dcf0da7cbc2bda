export {
  EntityKubeflowContent,
  isKubeflowLiveEntity,
} from './EntityKubeflowContent';
