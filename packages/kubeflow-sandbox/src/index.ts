/**
 * The Kubeflow sandbox: a local Kubeflow cluster speaking the Kubernetes API (discovery,
 * OpenAPI v3, CRUD, watch, patch, server-side apply, RBAC) plus the Kubeflow controllers and the
 * KFP / Model Registry REST services.
 *
 * @packageDocumentation
 */
export { startSandbox, resolveSpecsDir } from './sandbox';
export type { Sandbox, SandboxOptions } from './sandbox';
export { FaultInjector } from './faults';
export { DEFAULT_DEX_CLIENT } from './dex';
export type { DexClient, DexOptions, DexUser } from './dex';
export { AccessLog } from './api/auth/AccessLog';
export type { AccessRecord } from './api/auth/AccessLog';
export type { FaultConfig, FaultActions } from './faults';
export { MemoryStore } from './store/MemoryStore';
export { StatusError } from './store/StatusError';
export type { Status, StatusCause } from './store/StatusError';
export type * from './store/types';
export { upstreamSamples } from './samples';
export type { UpstreamSample } from './samples';
