export { TrainJobContent } from './TrainJobContent';
