export { TrainJobContent } from './TrainJobContent';
export { TrainingJobContent } from './TrainingJobContent';
