/**
 * The tenancy matrix, written down once: who is what in which namespace (the sandbox's demo seed),
 * what each role may do, and every operation a user can take through the portal as one row.
 * The expected decision of a cell is derived from these tables, never written per cell.
 */

/** The six kinds of user the matrix signs in as (catalog name; e-mail = name@example.com). */
export const USERS = {
  owner: 'alice',
  editor: 'dave',
  viewer: 'erin',
  otherProfile: 'bob',
  guest: 'guest',
  noProfile: 'zed', // signed in, has an e-mail, but no profile binds it
} as const;

export type UserName = (typeof USERS)[keyof typeof USERS];
export type Role = 'owner' | 'edit' | 'view';
export type Need = 'read' | 'write' | 'signed-in';

/** The demo seed's bindings (packages/kubeflow-sandbox demo seed); `kubeflow` binds nobody. */
export const BINDINGS: Record<string, Partial<Record<string, Role>>> = {
  'team-vision': { alice: 'owner', dave: 'edit', erin: 'view', guest: 'edit' },
  'team-nlp': { bob: 'owner', erin: 'edit', guest: 'view' },
  'team-forecasting': { carol: 'owner', dave: 'view' },
  kubeflow: {},
};

/** What each Kubeflow role grants (kubeflow-admin / -edit / -view). */
export const ROLE_GRANTS: Record<Role | 'none', Need[]> = {
  owner: ['signed-in', 'read', 'write'],
  edit: ['signed-in', 'read', 'write'],
  view: ['signed-in', 'read'],
  none: ['signed-in'],
};

/** The SubjectAccessReview that stands for each need when the table is checked on the cluster. */
export const NEED_ON_CLUSTER: Record<'read' | 'write', object> = {
  read: { verb: 'list', group: 'kubeflow.org', resource: 'notebooks' },
  write: { verb: 'patch', group: 'kubeflow.org', resource: 'notebooks' },
};

export function roleOf(user: string, namespace: string): Role | 'none' {
  return BINDINGS[namespace]?.[user] ?? 'none';
}

export function expectedAllow(user: string, namespace: string, need: Need) {
  return ROLE_GRANTS[roleOf(user, namespace)].includes(need);
}

/** Objects each namespace offers to the operations ('kubeflow' gets a system notebook at setup). */
export interface Target {
  namespace: string;
  notebook: string;
  endpoint: string;
}

export const TARGETS: Target[] = [
  {
    namespace: 'team-vision',
    notebook: 'resnet-finetune',
    endpoint: 'resnet50-vision',
  },
  {
    namespace: 'team-nlp',
    notebook: 'bert-experiments',
    endpoint: 'bert-sentiment',
  },
  {
    namespace: 'team-forecasting',
    notebook: 'demand-eda',
    endpoint: 'demand-forecast',
  },
  { namespace: 'kubeflow', notebook: 'platform-tools', endpoint: 'none' },
];

export interface HttpCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
}

/** How a response reads as a decision. */
export type Judge =
  /** 2xx allows, 403 denies, anything else is an error. */
  | 'status'
  /** 200 allows, 404 denies (the catalog hides what a user may not read). */
  | 'found'
  /** A 200 list: non-empty allows, empty denies. */
  | 'non-empty'
  /** A 200 list of profiles: the namespace's presence allows. */
  | 'lists-namespace'
  /** A 200 search result: the target entity's presence allows. */
  | 'search-hit';

export interface Operation {
  id: string;
  surface: 'kubeflow-backend' | 'catalog' | 'search' | 'scaffolder';
  need: Need;
  judge: Judge;
  call(target: Target, user: string): HttpCall;
  /** For a write: the cluster object (API path) that must be unchanged after a denial. */
  mutates?(target: Target, user: string): string;
}

const kf = (t: Target) =>
  `/api/kubeflow/clusters/sandbox/namespaces/${t.namespace}`;
const notebookPath = (namespace: string, name: string) =>
  `/apis/kubeflow.org/v1/namespaces/${namespace}/notebooks/${name}`;
const endpointPath = (t: Target) =>
  `/apis/serving.kserve.io/v1beta1/namespaces/${t.namespace}/inferenceservices/${t.endpoint}`;

/** A notebook per user and namespace, created at setup, that the delete row may remove. */
export const throwawayNotebook = (user: string) => `mx-delete-${user}`;

/** Every kubeflow-backend route, read and action (SSE included), one row each. */
export const KUBEFLOW_BACKEND_OPERATIONS: Operation[] = [
  {
    id: 'GET clusters (cluster list, no tenancy)',
    surface: 'kubeflow-backend',
    need: 'signed-in',
    judge: 'status',
    call: () => ({ method: 'GET', path: '/api/kubeflow/clusters' }),
  },
  {
    id: 'GET profiles (membership list)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'lists-namespace',
    call: () => ({
      method: 'GET',
      path: '/api/kubeflow/clusters/sandbox/profiles',
    }),
  },
  {
    id: 'GET profiles/:namespace',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({
      method: 'GET',
      path: `/api/kubeflow/clusters/sandbox/profiles/${t.namespace}`,
    }),
  },
  {
    id: 'GET notebooks',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/notebooks` }),
  },
  {
    id: 'GET notebooks/:name',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/notebooks/${t.notebook}` }),
  },
  {
    id: 'GET inferenceservices',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/inferenceservices` }),
  },
  {
    id: 'GET inferenceservices/:name',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({
      method: 'GET',
      path: `${kf(t)}/inferenceservices/${t.endpoint}`,
    }),
  },
  {
    id: 'GET events (live channel, SSE)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/events` }),
  },
  {
    id: 'POST notebooks/:name/stop',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/notebooks/${t.notebook}/stop`,
    }),
    mutates: t => notebookPath(t.namespace, t.notebook),
  },
  {
    id: 'POST notebooks/:name/start',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/notebooks/${t.notebook}/start`,
    }),
    mutates: t => notebookPath(t.namespace, t.notebook),
  },
  {
    id: 'DELETE notebooks/:name',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    call: (t, user) => ({
      method: 'DELETE',
      path: `${kf(t)}/notebooks/${throwawayNotebook(user)}`,
    }),
    mutates: (t, user) => notebookPath(t.namespace, throwawayNotebook(user)),
  },
  {
    id: 'POST inferenceservices/:name/promote',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/inferenceservices/${t.endpoint}/promote`,
    }),
    mutates: endpointPath,
  },
  {
    id: 'POST inferenceservices/:name/rollback',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/inferenceservices/${t.endpoint}/rollback`,
    }),
    mutates: endpointPath,
  },
  {
    id: 'POST inferenceservices/:name/replicas',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/inferenceservices/${t.endpoint}/replicas`,
      body: { minReplicas: 1, maxReplicas: 3 },
    }),
    mutates: endpointPath,
  },
];

const byName = (kind: string, t: Target, name: string) =>
  `/api/catalog/entities/by-name/${kind}/sandbox/${t.namespace}.${name}`;

/** Catalog and search: what a user finds of a namespace's Kubeflow entities. */
export const CATALOG_OPERATIONS: Operation[] = [
  {
    id: 'catalog: notebook entity by name',
    surface: 'catalog',
    need: 'read',
    judge: 'found',
    call: t => ({ method: 'GET', path: byName('resource', t, t.notebook) }),
  },
  {
    id: 'catalog: endpoint entity by name',
    surface: 'catalog',
    need: 'read',
    judge: 'found',
    call: t => ({ method: 'GET', path: byName('component', t, t.endpoint) }),
  },
  {
    id: 'catalog: profile group (owner, contributors, roles)',
    surface: 'catalog',
    need: 'read',
    judge: 'found',
    call: t => ({
      method: 'GET',
      path: `/api/catalog/entities/by-name/group/sandbox/${t.namespace}`,
    }),
  },
  {
    id: 'catalog: Kubeflow entities of the namespace (query)',
    surface: 'catalog',
    need: 'read',
    judge: 'non-empty',
    call: t => ({
      method: 'GET',
      path: `/api/catalog/entities/by-query?filter=metadata.namespace=sandbox,metadata.annotations.kubeflow.org/namespace=${t.namespace}&limit=50`,
    }),
  },
  {
    id: 'search: notebook by name (catalog collator, Lunr)',
    surface: 'search',
    need: 'read',
    judge: 'search-hit',
    call: t => ({
      method: 'GET',
      path: `/api/search/query?term=${encodeURIComponent(
        t.notebook,
      )}&types%5B0%5D=software-catalog`,
    }),
  },
];
