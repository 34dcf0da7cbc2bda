export { PipelineContent } from './PipelineContent';
export { PipelineExperimentContent } from './PipelineExperimentContent';
