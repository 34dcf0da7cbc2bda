/**
 * The Kubeflow backend plugin: the REST API behind the Kubeflow pages.
 *
 * @packageDocumentation
 */
export { kubeflowPlugin as default } from './plugin';
