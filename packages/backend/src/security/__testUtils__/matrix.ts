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
export type Need = 'read' | 'write' | 'manage' | 'cluster-admin' | 'signed-in';

/** The demo seed's bindings (packages/kubeflow-sandbox demo seed); `kubeflow` binds nobody. */
export const BINDINGS: Record<string, Partial<Record<string, Role>>> = {
  'team-vision': { alice: 'owner', dave: 'edit', erin: 'view', guest: 'edit' },
  'team-nlp': { bob: 'owner', erin: 'edit', guest: 'view' },
  'team-forecasting': { carol: 'owner', dave: 'view' },
  kubeflow: {},
};

/**
 * What each Kubeflow role grants (kubeflow-admin / -edit / -view): `manage` is the owner's
 * (contributors' RoleBindings); `cluster-admin` (new profiles) no profile role grants.
 */
export const ROLE_GRANTS: Record<Role | 'none', Need[]> = {
  owner: ['signed-in', 'read', 'write', 'manage'],
  edit: ['signed-in', 'read', 'write'],
  view: ['signed-in', 'read'],
  none: ['signed-in'],
};

/** The SubjectAccessReview that stands for each need when the table is checked on the cluster. */
export const NEED_ON_CLUSTER: Record<
  'read' | 'write' | 'manage' | 'cluster-admin',
  object
> = {
  read: { verb: 'list', group: 'kubeflow.org', resource: 'notebooks' },
  write: { verb: 'patch', group: 'kubeflow.org', resource: 'notebooks' },
  manage: {
    verb: 'create',
    group: 'rbac.authorization.k8s.io',
    resource: 'rolebindings',
  },
  'cluster-admin': {
    verb: 'create',
    group: 'kubeflow.org',
    resource: 'profiles',
  },
};

export function roleOf(user: string, namespace: string): Role | 'none' {
  return BINDINGS[namespace]?.[user] ?? 'none';
}

export function expectedAllow(user: string, namespace: string, need: Need) {
  return ROLE_GRANTS[roleOf(user, namespace)].includes(need);
}

/**
 * Objects each namespace offers to the operations ('kubeflow' gets a system notebook at setup).
 * `ids` are found on the cluster at setup (see discoverTargets); a missing one is `undefined`.
 */
export interface Target {
  namespace: string;
  notebook: string;
  endpoint: string;
  ids: Partial<Record<TargetId, string>>;
}

export type TargetId =
  | 'katib'
  | 'trainjob'
  | 'spark'
  | 'run'
  | 'failedRun'
  | 'recurringRun'
  | 'pipeline'
  | 'pipelineVersion'
  | 'model'
  | 'modelId'
  | 'modelVersion'
  | 'modelVersionId'
  | 'runParameters'
  | 'pipelineName'
  | 'deployModel'
  | 'deployVersion';

/** A syntactically valid id or name that names nothing, for cells that must be denied anyway. */
export const NOTHING = {
  name: 'none',
  id: '00000000-0000-0000-0000-000000000000',
};

export const TARGETS: Target[] = [
  {
    namespace: 'team-vision',
    notebook: 'resnet-finetune',
    endpoint: 'resnet50-vision',
    ids: {},
  },
  {
    namespace: 'team-nlp',
    notebook: 'bert-experiments',
    endpoint: 'bert-sentiment',
    ids: {},
  },
  {
    namespace: 'team-forecasting',
    notebook: 'demand-eda',
    endpoint: 'demand-forecast',
    ids: {},
  },
  {
    namespace: 'kubeflow',
    notebook: 'platform-tools',
    endpoint: 'none',
    ids: {},
  },
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
  /** Like status, and 409 (the object's state forbids it, checked after authorization) allows. */
  | 'status-or-conflict'
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
  /**
   * Objects the call names. Where one is missing in a namespace, a cell that must be denied runs
   * with a name that names nothing (the denial comes first), and a cell that would be allowed is
   * not applicable (counted apart).
   */
  uses?: TargetId[];
  /** Route names its object by id alone (no namespace): missing object = not applicable. */
  idOnly?: boolean;
  call(target: Target, user: string): HttpCall;
  /**
   * For a write: the object (path on the sandbox) that must be unchanged after a denial, and the
   * fields of it a user could change (default: labels, annotations, deletion, spec).
   */
  mutates?(target: Target, user: string): string;
  changeable?(object: any): unknown;
}

/** KFP and the Model Registry on the sandbox, behind the service proxy. */
export const KFP =
  '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/apis/v2beta1';
export const MR =
  '/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy/api/model_registry/v1alpha3';

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
  {
    id: 'GET notebooks/:name/events',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({
      method: 'GET',
      path: `${kf(t)}/notebooks/${t.notebook}/events`,
    }),
  },
  {
    id: 'GET experiments/:name (Katib)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    uses: ['katib'],
    call: t => ({ method: 'GET', path: `${kf(t)}/experiments/${t.ids.katib}` }),
  },
  {
    id: 'GET trainjobs',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/trainjobs` }),
  },
  {
    id: 'GET trainjobs/:name',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    uses: ['trainjob'],
    call: t => ({
      method: 'GET',
      path: `${kf(t)}/trainjobs/${t.ids.trainjob}`,
    }),
  },
  {
    id: 'GET sparkapplications/:name',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    uses: ['spark'],
    call: t => ({
      method: 'GET',
      path: `${kf(t)}/sparkapplications/${t.ids.spark}`,
    }),
  },
  {
    id: 'GET runs (KFP, paged)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/runs?pageSize=5` }),
  },
  {
    id: 'GET runs/:runId (KFP)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    uses: ['run'],
    call: t => ({ method: 'GET', path: `${kf(t)}/runs/${t.ids.run}` }),
  },
  {
    id: 'GET recurringruns (KFP)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/recurringruns` }),
  },
  {
    id: 'GET pipelines/:pipelineId (KFP, id only)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    uses: ['pipeline'],
    idOnly: true,
    call: t => ({
      method: 'GET',
      path: `/api/kubeflow/clusters/sandbox/pipelines/${t.ids.pipeline}`,
    }),
  },
  {
    id: 'GET experiment-metrics',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/experiment-metrics` }),
  },
  {
    id: 'GET models (Model Registry, the namespace’s)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({ method: 'GET', path: `${kf(t)}/models` }),
  },
  {
    id: 'GET models/:name (Model Registry)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    uses: ['model'],
    call: t => ({ method: 'GET', path: `${kf(t)}/models/${t.ids.model}` }),
  },
  {
    id: 'GET servingruntimes?format (deploy form, read as the user)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    call: t => ({
      method: 'GET',
      path: `${kf(t)}/servingruntimes?format=onnx&formatVersion=1`,
    }),
  },
  {
    id: 'GET models/:modelId/metrics (Model Registry, id only)',
    surface: 'kubeflow-backend',
    need: 'read',
    judge: 'status',
    uses: ['modelId'],
    idOnly: true,
    call: t => ({
      method: 'GET',
      path: `/api/kubeflow/clusters/sandbox/models/${t.ids.modelId}/metrics`,
    }),
  },
  {
    id: 'POST experiments/:name/stop (Katib)',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    uses: ['katib'],
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/experiments/${t.ids.katib}/stop`,
    }),
    mutates: t =>
      `/apis/kubeflow.org/v1beta1/namespaces/${t.namespace}/experiments/${t.ids.katib}`,
  },
  {
    id: 'POST experiments/:name/restart (Katib; 409 = allowed, not restartable)',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status-or-conflict',
    uses: ['katib'],
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/experiments/${t.ids.katib}/restart`,
    }),
    mutates: t =>
      `/apis/kubeflow.org/v1beta1/namespaces/${t.namespace}/experiments/${t.ids.katib}`,
  },
  ...(['suspend', 'resume'] as const).map(
    (action): Operation => ({
      id: `POST trainjobs/:name/${action}`,
      surface: 'kubeflow-backend',
      need: 'write',
      judge: 'status',
      uses: ['trainjob'],
      call: t => ({
        method: 'POST',
        path: `${kf(t)}/trainjobs/${t.ids.trainjob}/${action}`,
      }),
      mutates: t =>
        `/apis/trainer.kubeflow.org/v1alpha1/namespaces/${t.namespace}/trainjobs/${t.ids.trainjob}`,
    }),
  ),
  {
    id: 'POST runs (KFP create)',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status',
    uses: ['pipeline', 'pipelineVersion'],
    call: (t, user) => ({
      method: 'POST',
      path: `${kf(t)}/runs`,
      body: {
        name: `mx-${user}`,
        pipelineId: t.ids.pipeline,
        pipelineVersionId: t.ids.pipelineVersion,
        parameters: JSON.parse(t.ids.runParameters ?? '{}'),
      },
    }),
    mutates: (t, user) =>
      `${KFP}/runs?namespace=${
        t.namespace
      }&page_size=1&filter=${encodeURIComponent(
        JSON.stringify({
          predicates: [
            { key: 'name', operation: 'EQUALS', string_value: `mx-${user}` },
          ],
        }),
      )}`,
    changeable: page => (page?.runs ?? []).length,
  },
  ...(['archive', 'unarchive', 'terminate'] as const).map(
    (action): Operation => ({
      id: `POST runs/:runId/${action} (KFP)`,
      surface: 'kubeflow-backend',
      need: 'write',
      judge: 'status',
      uses: ['run'],
      call: t => ({
        method: 'POST',
        path: `${kf(t)}/runs/${t.ids.run}/${action}`,
      }),
      mutates: t => `${KFP}/runs/${t.ids.run}`,
      changeable: run => [run.storage_state, run.state],
    }),
  ),
  {
    id: 'POST runs/:runId/retry (KFP; 409 = allowed, run not retryable)',
    surface: 'kubeflow-backend',
    need: 'write',
    judge: 'status-or-conflict',
    uses: ['failedRun'],
    call: t => ({
      method: 'POST',
      path: `${kf(t)}/runs/${t.ids.failedRun}/retry`,
    }),
    mutates: t => `${KFP}/runs/${t.ids.failedRun}`,
    changeable: run => [run.storage_state, run.state === 'FAILED'],
  },
  ...(['disable', 'enable'] as const).map(
    (action): Operation => ({
      id: `POST recurringruns/:id/${action} (KFP)`,
      surface: 'kubeflow-backend',
      need: 'write',
      judge: 'status',
      uses: ['recurringRun'],
      call: t => ({
        method: 'POST',
        path: `${kf(t)}/recurringruns/${t.ids.recurringRun}/${action}`,
      }),
      mutates: t => `${KFP}/recurringruns/${t.ids.recurringRun}`,
      changeable: r => r.status,
    }),
  ),
  ...(['ARCHIVED', 'LIVE'] as const).map(
    (state): Operation => ({
      id: `POST models/:name/versions/:version/state ${state}`,
      surface: 'kubeflow-backend',
      need: 'write',
      judge: 'status',
      uses: ['model', 'modelVersion'],
      call: t => ({
        method: 'POST',
        path: `${kf(t)}/models/${t.ids.model}/versions/${
          t.ids.modelVersion
        }/state`,
        body: { state },
      }),
      mutates: t => `${MR}/model_versions/${t.ids.modelVersionId}`,
      changeable: v => v.state,
    }),
  ),
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

/** Fills each target's ids from the sandbox (as its admin): the first object of each kind. */
export async function discoverTargets(sandboxUrl: string) {
  const get = async (path: string) => {
    const response = await fetch(`${sandboxUrl}${path}`);
    return response.ok ? response.json() : undefined;
  };
  const first = async (path: string) =>
    (await get(path))?.items?.[0]?.metadata?.name as string | undefined;
  const models =
    (await get(`${MR}/registered_models?pageSize=100`))?.items ?? [];
  for (const t of TARGETS) {
    const ns = t.namespace;
    const runs =
      (await get(`${KFP}/runs?namespace=${ns}&page_size=100`))?.runs ?? [];
    const pipelines =
      (await get(`${KFP}/pipelines?namespace=${ns}&page_size=100`))
        ?.pipelines ?? [];
    const pipeline = pipelines.find((p: any) => p.namespace === ns);
    const versions = pipeline
      ? (
          await get(
            `${KFP}/pipelines/${pipeline.pipeline_id}/versions?page_size=1`,
          )
        )?.pipeline_versions ?? []
      : [];
    const recurring =
      (await get(`${KFP}/recurringruns?namespace=${ns}&page_size=100`))
        ?.recurringRuns ?? [];
    const model = models.find(
      (m: any) => m.customProperties?.namespace?.string_value === ns,
    );
    const modelVersions = model
      ? (await get(`${MR}/registered_models/${model.id}/versions?pageSize=100`))
          ?.items ?? []
      : [];
    const version = modelVersions[modelVersions.length - 1];
    // For a deployment: a version of the namespace whose format a serving runtime serves.
    const runtimes = [
      ...((await get('/apis/serving.kserve.io/v1alpha1/clusterservingruntimes'))
        ?.items ?? []),
      ...((
        await get(
          `/apis/serving.kserve.io/v1alpha1/namespaces/${ns}/servingruntimes`,
        )
      )?.items ?? []),
    ];
    const formats = runtimes.flatMap(
      (r: any) => r.spec?.supportedModelFormats ?? [],
    );
    const major = (v: unknown) => String(v ?? '').split('.')[0];
    const servable = (a: any) =>
      formats.some(
        (f: any) =>
          f.name === a.modelFormatName &&
          (!f.version ||
            !a.modelFormatVersion ||
            major(f.version) === major(a.modelFormatVersion)),
      );
    let deployable: { model: string; version: string } | undefined;
    for (const m of models.filter(
      (x: any) => x.customProperties?.namespace?.string_value === ns,
    )) {
      const vs =
        (await get(`${MR}/registered_models/${m.id}/versions?pageSize=100`))
          ?.items ?? [];
      for (const v of vs) {
        const artifacts =
          (await get(`${MR}/model_versions/${v.id}/artifacts`))?.items ?? [];
        if (!deployable && v.state !== 'ARCHIVED' && artifacts.some(servable))
          deployable = { model: m.name, version: v.name };
      }
    }
    t.ids = {
      katib: await first(
        `/apis/kubeflow.org/v1beta1/namespaces/${ns}/experiments`,
      ),
      trainjob: await first(
        `/apis/trainer.kubeflow.org/v1alpha1/namespaces/${ns}/trainjobs`,
      ),
      // Not one a ScheduledSparkApplication made: those come and go with the schedule.
      spark: (
        await get(
          `/apis/sparkoperator.k8s.io/v1beta2/namespaces/${ns}/sparkapplications`,
        )
      )?.items?.find(
        (a: any) =>
          !a.metadata.labels?.['sparkoperator.k8s.io/scheduled-app-name'],
      )?.metadata.name,
      run: runs.find((r: any) => r.state === 'SUCCEEDED')?.run_id,
      failedRun: runs.find((r: any) => r.state === 'FAILED')?.run_id,
      recurringRun: recurring[0]?.recurring_run_id,
      pipeline: pipeline?.pipeline_id,
      pipelineName: pipeline?.display_name,
      pipelineVersion: versions[0]?.pipeline_version_id,
      runParameters: JSON.stringify(runParameters(versions[0])),
      model: model?.name,
      modelId: model?.id,
      modelVersion: version?.name,
      modelVersionId: version?.id,
      deployModel: deployable?.model,
      deployVersion: deployable?.version,
    };
  }
}

/** A value of the right type for each input parameter of a pipeline version. */
function runParameters(version: any): Record<string, unknown> {
  const definitions =
    version?.pipeline_spec?.root?.inputDefinitions?.parameters ?? {};
  const sample: Record<string, unknown> = {
    NUMBER_INTEGER: 1,
    NUMBER_DOUBLE: 0.1,
    BOOLEAN: true,
    STRING: 'matrix',
  };
  return Object.fromEntries(
    Object.entries(definitions).map(([name, d]: [string, any]) => [
      name,
      sample[d.parameterType] ?? 'matrix',
    ]),
  );
}

/** A placeholder for a missing object: an id-shaped one where the route takes ids. */
export function placeholder(id: TargetId): string {
  return [
    'run',
    'failedRun',
    'recurringRun',
    'pipeline',
    'pipelineVersion',
  ].includes(id)
    ? NOTHING.id
    : NOTHING.name;
}
