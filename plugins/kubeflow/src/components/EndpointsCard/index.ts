export { EndpointsCard, TrafficBar } from './EndpointsCard';
