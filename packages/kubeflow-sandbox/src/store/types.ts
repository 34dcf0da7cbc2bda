/**
 * The contract between the sandbox's object store (the Kubernetes API core), its controllers, its
 * REST services (KFP, Model Registry) and its seeds. Everything inside the sandbox talks to the
 * store through this interface; real clients talk to it over HTTP.
 */

/** A Kubernetes object as stored and served (JSON). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
    blockOwnerDeletion?: boolean;
  }>;
  managedFields?: unknown[];
  [key: string]: unknown;
}

/**
 * Identifies a resource type: `group` is '' for the core group. The store keeps one version per
 * type (the storage version); other served versions are converted trivially (apiVersion rewritten).
 */
export interface ResourceType {
  group: string;
  /** Storage version, e.g. 'v1'. */
  version: string;
  /** All served versions, storage version included. */
  versions: string[];
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  categories?: string[];
  namespaced: boolean;
  /** Has a /status subresource (status is ignored on main-resource writes and vice versa). */
  statusSubresource: boolean;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  resource: ResourceType;
  /** The object after the change (for DELETED: the last state, with its final resourceVersion). */
  object: KubeObject;
  /** Global, monotonically increasing resourceVersion of this change. */
  resourceVersion: number;
}

/** Key of a resource type: `<plural>` for core, `<plural>.<group>` otherwise. */
export type ResourceKey = string;

export interface WriteOptions {
  /** dryRun=All: validate and default, return the result, persist nothing, emit no event. */
  dryRun?: boolean;
}

/**
 * In-process access to the stored objects with full (cluster-admin) rights. Writes made here run
 * the same defaulting, validation (against the official CRD schema) and resourceVersion rules as
 * writes over HTTP and produce the same watch events, so controllers behave as real ones do.
 */
export interface ObjectStore {
  /** Resource type by key ('pods', 'notebooks.kubeflow.org'), or undefined if not served. */
  resource(key: ResourceKey): ResourceType | undefined;
  get(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined;
  /** All objects of the type, optionally in one namespace, ordered by namespace/name. */
  list(key: ResourceKey, namespace?: string): KubeObject[];
  /** Creates (metadata.generateName honoured); throws StatusError 409 AlreadyExists, 422 Invalid. */
  create(
    key: ResourceKey,
    object: KubeObject,
    options?: WriteOptions,
  ): KubeObject;
  /**
   * Replaces the object (spec and metadata; status is kept unless the type has no status
   * subresource). With `metadata.resourceVersion` set, a stale one throws StatusError 409 Conflict.
   */
  update(
    key: ResourceKey,
    object: KubeObject,
    options?: WriteOptions,
  ): KubeObject;
  /** Replaces only `.status` (the /status subresource). */
  updateStatus(
    key: ResourceKey,
    object: KubeObject,
    options?: WriteOptions,
  ): KubeObject;
  /**
   * Read-modify-write helper for controllers: applies `mutate` to a deep copy of the current object
   * and stores it (status included) if anything changed. Returns the stored object, or undefined
   * if the object does not exist.
   */
  mutate(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    mutate: (object: KubeObject) => void,
  ): KubeObject | undefined;
  /**
   * Deletes; with finalizers present only sets deletionTimestamp (the object goes when the last
   * finalizer is removed). Cascades to objects whose ownerReferences point at it, and deleting a
   * Namespace deletes everything in it. Throws StatusError 404 NotFound.
   */
  delete(
    key: ResourceKey,
    namespace: string | undefined,
    name: string,
    options?: WriteOptions,
  ): KubeObject;
  /** Every committed change, in order. Returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void;
  /** Current global resourceVersion. */
  currentResourceVersion(): number;
}

/**
 * A service reached through the Kubernetes service proxy
 * (`/api/v1/namespaces/<ns>/services/<name>:<port>/proxy/<path>`), e.g. KFP's `ml-pipeline:8888`.
 */
export interface ProxiedService {
  namespace: string;
  /** Service name, e.g. 'ml-pipeline'. */
  name: string;
  /** Port, e.g. 8888. */
  port: number;
  /**
   * Handles one request. `path` is what follows `/proxy` (starts with '/'), `query` the parsed
   * query string, `body` the parsed JSON body (or raw Buffer for multipart), `user` the identity
   * the request acts as (undefined = cluster-admin / the portal's service identity).
   */
  handle(request: ProxiedRequest): Promise<ProxiedResponse> | ProxiedResponse;
  /** Serialisable state, for --state persistence. */
  snapshot(): unknown;
  restore(state: unknown): void;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody: Buffer;
  user?: { name: string; groups: string[] };
}

export interface ProxiedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A controller: started once with the store (and the sandbox's timing), reconciles on store events
 * and timers, stops cleanly.
 */
export interface Controller {
  name: string;
  start(context: ControllerContext): void;
  stop(): void;
}

export interface ControllerContext {
  store: ObjectStore;
  /**
   * Multiplies every controller delay: 1 = human scale (a notebook takes ~5 s to become ready),
   * 0.01 in tests. Controllers use `context.after(ms, fn)` instead of raw timers.
   */
  timeScale: number;
  /** Schedules fn after ms * timeScale; cancelled on stop. */
  after(ms: number, fn: () => void): void;
  /** Records a core/v1 Event about an object (reason, message, type Normal|Warning). */
  recordEvent(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void;
  /** Access to REST services' state, so controllers (e.g. KFP runs) can advance them. */
  services: Record<string, ProxiedService>;
}
