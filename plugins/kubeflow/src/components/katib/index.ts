export { KatibExperimentContent } from './KatibExperimentContent';
