/**
 * Backend library of the Kubeflow plugins: cluster configuration, clients, the shared watch cache,
 * component discovery and tenancy checks.
 *
 * @packageDocumentation
 */

export * from './config';
export * from './clients/ClusterClient';
export * from './clients/errors';
export * from './clients/pagination';
export * from './clients/retry';
export * from './clients/servingRuntimes';
export * from './cache/types';
export * from './cache/WatchCache';
export * from './discovery';
export * from './resourceTypes';
export * from './tenancy/Tenancy';
export * from './tenancy/UserIdentities';
export * from './KubeflowClusters';
