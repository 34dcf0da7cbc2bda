/**
 * Shared vocabulary of the Kubeflow plugins for Backstage: the entity model (kinds, types,
 * annotations), permissions, the resource shapes both the backend and the frontend use, and the
 * display state of each resource.
 *
 * @packageDocumentation
 */

export * from './entityModel';
export * from './permissions';
export * from './clusters';
export * from './resources';
export * from './status';
export * from './dtos';
export * from './experimentDtos';
export * from './registry';
export * from './servingRuntimes';
export * from './inferenceServiceSummary';
export * from './katibExperimentSummary';
