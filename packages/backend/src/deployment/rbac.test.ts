import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { DEFAULT_OBJECTS } from '@backstage/plugin-kubernetes-backend';
import catalogModuleKubeflow from '@kubeflow-backstage/plugin-catalog-backend-module-kubeflow';
import kubeflowPlugin from '@kubeflow-backstage/plugin-kubeflow-backend';
import {
  resolveSpecsDir,
  Sandbox,
  startSandbox,
} from '@kubeflow-backstage/kubeflow-sandbox';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  KubeflowClusters,
  UserIdentities,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import {
  createKubeflowActions,
  readKubeflowScaffolderConfig,
} from '@kubeflow-backstage/plugin-scaffolder-backend-module-kubeflow';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import request from 'supertest';
import { DEPLOY_DIR, Manifest, only, render } from './__testUtils__/manifests';
import type { AccessRecord } from '@kubeflow-backstage/kubeflow-sandbox';
import {
  covers,
  Grant,
  grantKey,
  grantsOf,
  readAllowList,
} from './__testUtils__/rbac';

const ORG = path.resolve(DEPLOY_DIR, '../examples/org.yaml');
const TOKEN = 'portal-sa-token-for-the-rbac-test';

async function eventually<T>(
  fn: () => Promise<T | undefined | false>,
  what: string,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}

/**
 * Derives the RBAC the portal uses: the portal's plugins run against the sandbox as the
 * ServiceAccount of deploy/base, bound to deploy/base's ClusterRole, with deploy/base's cluster
 * configuration; the sandbox records every decision about that account. The ClusterRole must
 * grant all of it (nothing denied) and nothing more than it plus deploy/rbac-allowlist.yaml.
 */
describe('deploy/base ClusterRole: exactly what the portal uses', () => {
  let sandbox: Sandbox;
  let server: any;
  let base: Manifest[];
  let account: string;
  let layer: any;
  let clusters: KubeflowClusters;
  let scaffolderActions: Array<{
    id: string;
    handler: (ctx: any) => Promise<void>;
  }>;

  const as = (user: string) =>
    mockCredentials.user.header(`user:default/${user}`);
  const get = (url: string, user = 'alice') =>
    request(server).get(url).set('Authorization', as(user));
  const post = (url: string, body: object, user = 'alice') =>
    request(server).post(url).set('Authorization', as(user)).send(body);

  beforeAll(async () => {
    base = await render('base');
    sandbox = await startSandbox({
      port: 0,
      seed: 'demo',
      timeScale: 0.01,
      recordAccess: true,
      logger: { warn: () => {} },
    });
    // The install's identity and RBAC, as `kubectl apply -k deploy/base` creates them.
    const sa = only(base, 'ServiceAccount');
    const namespace = sa.metadata.namespace!;
    account = `system:serviceaccount:${namespace}:${sa.metadata.name}`;
    const { store } = sandbox;
    store.create('namespaces', only(base, 'Namespace'));
    store.create('serviceaccounts', sa);
    store.create(
      'clusterroles.rbac.authorization.k8s.io',
      only(base, 'ClusterRole'),
    );
    store.create(
      'clusterrolebindings.rbac.authorization.k8s.io',
      only(base, 'ClusterRoleBinding'),
    );
    // The sandbox authenticates a bearer token through a service-account-token Secret.
    store.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: `${sa.metadata.name}-token`,
        namespace,
        annotations: { 'kubernetes.io/service-account.name': sa.metadata.name },
      },
      data: { token: Buffer.from(TOKEN).toString('base64') },
    });

    // deploy/base's configuration layer, with the sandbox's URL and the token standing in for
    // what the pod's mounted service account gives it.
    layer = yaml.load(
      fs.readFileSync(
        path.join(DEPLOY_DIR, 'base/app-config.cluster.yaml'),
        'utf8',
      ),
    ) as any;
    const [cluster] = layer.kubernetes.clusterLocatorMethods[0].clusters;
    Object.assign(cluster, { url: sandbox.url, serviceAccountToken: TOKEN });

    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleKubeflow,
        kubeflowPlugin,
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: {
            ...layer,
            catalog: {
              processingInterval: { seconds: 1 },
              locations: [
                {
                  type: 'file',
                  target: ORG,
                  rules: [{ allow: ['User', 'Group'] }],
                },
              ],
              providers: {
                kubeflow: {
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            },
          },
        }),
      ],
    }));
    // The kubeflow:* actions with the same configuration and identity.
    const config = new ConfigReader(layer);
    clusters = KubeflowClusters.fromConfig(config);
    const users = (yaml.loadAll(fs.readFileSync(ORG, 'utf8')) as any[]).filter(
      e => e?.kind === 'User',
    );
    const catalog = catalogServiceMock({ entities: users });
    const auth = mockServices.auth();
    scaffolderActions = createKubeflowActions({
      clusters,
      catalog,
      auth,
      identities: new UserIdentities({
        catalog,
        auth,
        tenancy: clusters.tenancy,
      }),
      config: readKubeflowScaffolderConfig(config),
    });
  }, 120_000);
  afterAll(async () => {
    clusters?.stop();
    await sandbox?.stop();
  });

  it('runs the portal as the install identity, then compares what it used with the ClusterRole', async () => {
    const cluster: string = layer.kubeflow.clusters[0].name;
    const api = `/api/kubeflow/clusters/${cluster}`;

    // The catalog: the provider's full read and the watch cache behind it, every Kubeflow kind.
    const entities = async (type: string) =>
      (
        await request(server)
          .get(`/api/catalog/entities?filter=spec.type=${type}`)
          .set('Authorization', mockCredentials.user.header())
      ).body as any[];
    for (const type of [
      'kubeflow-notebook',
      'model-server',
      'katib-experiment',
      'kubeflow-pipeline',
      'ai-model',
      'kubeflow-trainjob',
      'kubeflow-training-job',
      'spark-application',
    ]) {
      await eventually(
        async () => (await entities(type)).length > 0,
        `${type} entities`,
      ).catch(async error => {
        // Say why: the cluster's health names the source that failed.
        const health = (await get('/api/kubeflow/clusters')).body;
        throw new Error(
          `${error.message}; clusters: ${JSON.stringify(health)}`,
        );
      });
    }

    // The Kubeflow pages: discovery, profiles, live lists, actions as the user.
    const status = await get('/api/kubeflow/clusters');
    expect(status.status).toBe(200);
    expect(status.body[0]).toMatchObject({
      name: cluster,
      state: expect.any(String),
    });
    expect(status.body[0].components).toMatchObject({
      notebooks: true,
      serving: true,
      pipelines: true,
      modelRegistry: true,
    });
    // The first user call waits for sign-in's view of alice (her User entity) to be in the catalog.
    await eventually(
      async () => (await get(`${api}/profiles`)).status === 200,
      'profiles for alice',
    );
    expect((await get(`${api}/profiles/team-vision`)).status).toBe(200);
    expect((await get(`${api}/namespaces/team-vision/notebooks`)).status).toBe(
      200,
    );
    expect(
      (await get(`${api}/namespaces/team-vision/inferenceservices`)).status,
    ).toBe(200);
    expect(
      (await get(`${api}/namespaces/team-vision/models/resnet50-vision`))
        .status,
    ).toBe(200);
    // The deploy form's runtime picker: the profile's runtimes as the user, the cluster's as the portal.
    const runtimes = await get(
      `${api}/namespaces/team-vision/servingruntimes?format=onnx`,
    );
    expect(runtimes.status).toBe(200);
    expect(runtimes.body.automatic).toBe('kserve-tritonserver');
    const notebook = `${api}/namespaces/team-vision/notebooks/resnet-finetune`;
    expect((await post(`${notebook}/stop`, {})).status).toBe(200);
    expect((await post(`${notebook}/start`, {})).status).toBe(200);
    // The Model Registry is written as the portal (it authorizes nobody), after the user's check.
    const version = `${api}/namespaces/team-vision/models/resnet50-vision/versions/1.1.0/state`;
    expect((await post(version, { state: 'ARCHIVED' })).status).toBe(200);
    expect((await post(version, { state: 'LIVE' })).status).toBe(200);

    // Detail pages that read more of the cache: a notebook (PodDefaults, events), a Katib
    // experiment (trials), a Spark application (scheduled ones), recurring runs (KFP).
    const owners: Record<string, string> = {
      'team-vision': 'alice',
      'team-nlp': 'bob',
      'team-forecasting': 'carol',
    };
    const detail = async (
      type: string,
      collection: string,
      suffix = '',
      kind?: string,
    ) => {
      const [entity] = (await entities(type)).filter(
        e => !kind || e.metadata.annotations['kubeflow.org/kind'] === kind,
      );
      const ns = entity.metadata.annotations['kubeflow.org/namespace'];
      const name = entity.metadata.annotations['kubeflow.org/name'];
      const res = await get(
        `${api}/namespaces/${ns}/${collection}/${name}${suffix}`,
        owners[ns],
      );
      expect({ type, status: res.status }).toEqual({ type, status: 200 });
    };
    await detail('kubeflow-notebook', 'notebooks');
    await detail('kubeflow-notebook', 'notebooks', '/events');
    await detail('katib-experiment', 'experiments');
    await detail(
      'spark-application',
      'sparkapplications',
      '',
      'SparkApplication',
    );
    await detail(
      'spark-application',
      'scheduledsparkapplications',
      '',
      'ScheduledSparkApplication',
    );
    // A run of a ScheduledSparkApplication shows its schedule.
    const scheduledRun = sandbox.store
      .list('sparkapplications.sparkoperator.k8s.io')
      .find(
        a => a.metadata.labels?.['sparkoperator.k8s.io/scheduled-app-name'],
      );
    expect(scheduledRun).toBeDefined();
    const { namespace: runNs, name: runName } = scheduledRun!.metadata;
    expect(
      (
        await get(
          `${api}/namespaces/${runNs}/sparkapplications/${runName}`,
          owners[runNs!],
        )
      ).status,
    ).toBe(200);
    expect(
      (await get(`${api}/namespaces/team-vision/recurringruns`)).status,
    ).toBe(200);

    // Software templates: the kubeflow:* actions, as the module builds them, run as alice. They
    // write as the user (impersonation) and call KFP as the portal after checking the user.
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-rbac-'));
    fs.mkdirSync(path.join(workspace, 'pipelines'));
    fs.copyFileSync(
      path.join(resolveSpecsDir(), 'pipelines/samples/add_numbers.yaml'),
      path.join(workspace, 'pipelines/pipeline.yaml'),
    );
    const runAction = async (id: string, input: object) => {
      const ctx = createMockActionContext({
        input: input as any,
        workspacePath: workspace,
        user: { ref: 'user:default/alice' },
      });
      await scaffolderActions.find(a => a.id === id)!.handler(ctx as any);
    };
    await runAction('kubeflow:notebook:create', {
      namespace: 'team-vision',
      name: 'rbac-notebook',
    });
    await runAction('kubeflow:pipeline:upload', {
      namespace: 'team-vision',
      name: 'rbac-pipeline',
      path: 'pipelines/pipeline.yaml',
    });
    await runAction('kubeflow:pipeline:run', {
      namespace: 'team-vision',
      pipeline: 'rbac-pipeline',
      experiment: 'rbac',
      runName: 'first-run',
      parameters: { a: 1, b: 2 },
    });
    // Changed contents: a new version of the same pipeline; then a nightly recurring run.
    fs.appendFileSync(
      path.join(workspace, 'pipelines/pipeline.yaml'),
      '\n# v2\n',
    );
    await runAction('kubeflow:pipeline:upload', {
      namespace: 'team-vision',
      name: 'rbac-pipeline',
      path: 'pipelines/pipeline.yaml',
    });
    await runAction('kubeflow:pipeline:run', {
      namespace: 'team-vision',
      pipeline: 'rbac-pipeline',
      experiment: 'rbac',
      runName: 'nightly',
      parameters: { a: 5, b: 7 },
      schedule: '0 3 * * *',
    });
    fs.rmSync(workspace, { recursive: true, force: true });
    // A new profile, by a user an operator allowed to create them; the action waits for its
    // namespace as the portal (the new owner may not read Namespace objects).
    sandbox.store.create('clusterroles.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'profile-creator' },
      rules: [
        {
          apiGroups: ['kubeflow.org'],
          resources: ['profiles'],
          verbs: ['get', 'list', 'create', 'patch'],
        },
      ],
    });
    sandbox.store.create('clusterrolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'profile-creator-alice' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'profile-creator',
      },
      subjects: [
        {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'User',
          name: 'alice@example.com',
        },
      ],
    });
    await runAction('kubeflow:profile:create', {
      name: 'team-rbac',
      owner: 'alice@example.com',
      waitForNamespace: true,
      timeoutSeconds: 60,
    });

    // Every informer the run started has listed and is watching. The deploy form's cluster
    // runtimes are read per request, not watched (a form is not a page view).
    const perRequest = new Set(['serving.kserve.io/clusterservingruntimes']);
    await eventually(async () => {
      const seen = sandbox.accessLog!.records(account);
      const listed = new Set(
        seen
          .filter(r => r.verb === 'list' && r.source === 'request')
          .map(r => `${r.group}/${r.resource}`)
          .filter(key => !perRequest.has(key)),
      );
      return [...listed].every(key =>
        seen.some(
          r => r.verb === 'watch' && `${r.group}/${r.resource}` === key,
        ),
      );
    }, 'a watch on every listed kind');

    // The Kubernetes tab of a notebook. The Kubernetes plugin cannot run inside jest (it imports
    // the ESM-only @kubernetes/client-node at request time), so its requests are replayed as the
    // portal: its fan-out lists every configured objectType in the entity's namespace with the
    // entity's label selector (paths from the plugin's own DEFAULT_OBJECTS). Its proxy (pod logs,
    // events) is denied by the portal's permission policy, so it reads nothing more.
    const [defectEda] = (await entities('kubeflow-notebook')).filter(
      e => e.metadata.name === 'team-vision.defect-eda',
    );
    const annotations = defectEda.metadata.annotations;
    const namespace = annotations['backstage.io/kubernetes-namespace'];
    const selector = annotations['backstage.io/kubernetes-label-selector'];
    const asPortal = (p: string) =>
      fetch(`${sandbox.url}${p}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
    const objectTypes: string[] = layer.kubernetes.objectTypes;
    let pod: string | undefined;
    for (const objectType of objectTypes) {
      const type = DEFAULT_OBJECTS.find(o => o.objectType === objectType)!;
      const prefix = type.group ? `/apis/${type.group}` : '/api';
      const res = await asPortal(
        `${prefix}/${type.apiVersion}/namespaces/${namespace}/${
          type.plural
        }?labelSelector=${encodeURIComponent(selector)}`,
      );
      expect({ objectType, status: res.status }).toEqual({
        objectType,
        status: 200,
      });
      const { items } = await res.json();
      if (objectType === 'pods') pod = items[0]?.metadata.name;
    }
    expect(pod).toBeDefined();

    const records = sandbox.accessLog!.records(account);
    const describe = (r: AccessRecord) =>
      `${r.source}: ${grantKey(r)}${r.namespace ? ` in ${r.namespace}` : ''}`;
    const granted = grantsOf(only(base, 'ClusterRole'));
    // Grants less: something the portal did was refused, or allowed only by another role.
    expect(records.filter(r => !r.allowed).map(describe)).toEqual([]);
    expect(
      records.filter(r => !granted.some(g => covers(g, r))).map(describe),
    ).toEqual([]);
    // Grants more: a grant no code path used, and no reviewed reason in the allow-list explains.
    const allowList = readAllowList();
    const allowed = new Set(allowList.map(grantKey));
    const used = (g: Grant) => records.some(r => covers(g, r));
    expect(
      granted.filter(g => !used(g) && !allowed.has(grantKey(g))).map(grantKey),
    ).toEqual([]);
    // A stale allow-list entry: no longer granted, or now seen in the run.
    const grantedKeys = new Set(granted.map(grantKey));
    expect(
      allowList
        .filter(g => !grantedKeys.has(grantKey(g)) || used(g))
        .map(grantKey),
    ).toEqual([]);
  }, 180_000);
});
