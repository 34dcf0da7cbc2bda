export { kubernetesTenancyModule as default } from './module';
