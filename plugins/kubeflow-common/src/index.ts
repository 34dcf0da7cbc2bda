/**
 * Shared vocabulary of the Kubeflow plugins for Backstage: the entity model (kinds, types,
 * annotations), permissions and the resource shapes both the backend and the frontend use.
 *
 * @packageDocumentation
 */

export * from './entityModel';
export * from './permissions';
export * from './clusters';
