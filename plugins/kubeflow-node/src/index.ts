/**
 * Backend library of the Kubeflow plugins: cluster configuration, clients, the shared watch cache
 * and tenancy checks.
 *
 * @packageDocumentation
 */

export * from './config';
