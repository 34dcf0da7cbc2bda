export { ModelMetricsCard } from './ModelMetricsCard';
export { ProfileExperimentsContent } from './ProfileExperimentsContent';
