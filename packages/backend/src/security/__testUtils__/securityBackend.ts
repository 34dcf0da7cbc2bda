import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import catalogModuleKubeflow, {
  searchModuleKubeflowCollator,
} from '@kubeflow-backstage/plugin-catalog-backend-module-kubeflow';
import kubeflowPlugin from '@kubeflow-backstage/plugin-kubeflow-backend';
import scaffolderModuleKubeflow from '@kubeflow-backstage/plugin-scaffolder-backend-module-kubeflow';
import permissionPolicyModule from '../../modules/permissionPolicy';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { CANARIES } from './canaries';
import { LogCapture } from './LogCapture';
import { TARGETS, USERS, throwawayNotebook } from './matrix';
import { templateDocuments, workspaceFiles } from './scaffolder';

const ORG = path.resolve(__dirname, '../../../../../examples/org.yaml');

/** A server standing for a cluster URL an attacker wrote into an entity: it records every hit. */
export async function startRecordingServer() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    stop: () => new Promise(r => server.close(r)),
  };
}

/**
 * The user info of the mock tokens: the user's own ref as its only ownership claim, as a sign-in
 * made before the catalog had any profile gives. The portal's policy takes profile membership
 * from the catalog's profile Groups as they are now, never from these claims.
 */
const userInfoFactory = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const principal = credentials.principal as { userEntityRef: string };
      return {
        userEntityRef: principal.userEntityRef,
        ownershipEntityRefs: [principal.userEntityRef],
      };
    },
  }),
});

/**
 * The mock auth service, except that a plugin's request on behalf of a user carries the plugin as
 * its actor, as the real auth service's tokens do (the permission backend refuses resource
 * permissions from a user token without one, which is what search's authorization sends).
 */
const authFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => inner.authenticate(token, options),
      isPrincipal: ((credentials: any, type: any) =>
        inner.isPrincipal(credentials, type)) as typeof inner.isPrincipal,
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        if (inner.isPrincipal(options.onBehalfOf, 'user')) {
          return {
            token: mockCredentials.user.token(
              options.onBehalfOf.principal.userEntityRef,
              { actor: { subject: `plugin:${plugin.getId()}` } },
            ),
          };
        }
        return inner.getPluginRequestToken(options);
      },
    };
  },
});

export interface SecurityRig {
  sandbox: Sandbox;
  baseUrl: string;
  logs: LogCapture;
  evil: Awaited<ReturnType<typeof startRecordingServer>>;
  triggerTask(id: string): Promise<void>;
  stop(): Promise<void>;
}

/** Users and attack entities that only this suite registers (written next to a temp dir). */
function writeFixtures(dir: string, evilUrl: string): string {
  const file = path.join(dir, 'security-entities.yaml');
  for (const [relative, content] of Object.entries(workspaceFiles())) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  const docs = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'zed' },
      spec: { profile: { email: 'zed@example.com' }, memberOf: [] },
    },
    // Owned by bob, annotated as if it were team-vision's notebook on a cluster bob names.
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'mx-squatter',
        annotations: {
          'kubeflow.org/cluster': 'sandbox',
          'kubeflow.org/namespace': 'team-vision',
          'kubeflow.org/name': 'defect-eda',
          'kubeflow.org/kind': 'Notebook',
          'kubeflow.org/cluster-url': evilUrl,
          'backstage.io/kubernetes-namespace': 'team-vision',
          'backstage.io/kubernetes-label-selector': 'notebook-name=defect-eda',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'user:default/bob',
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'mx-elsewhere',
        annotations: {
          'kubeflow.org/cluster': 'elsewhere',
          'kubeflow.org/namespace': 'team-nlp',
          'kubeflow.org/name': 'bert-experiments',
          'kubeflow.org/url': evilUrl,
          'backstage.io/kubernetes-cluster': 'sandbox',
          'backstage.io/kubernetes-namespace': 'team-nlp',
          'backstage.io/kubernetes-label-selector':
            'app.kubernetes.io/part-of!=x',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'user:default/bob',
      },
    },
    ...templateDocuments(TARGETS[0]),
  ];
  fs.writeFileSync(file, docs.map(d => JSON.stringify(d)).join('\n---\n'));
  return file;
}

/**
 * One sandbox with the demo seed (plus canaries) and one backend with the real catalog and the
 * Kubeflow provider, the permission backend with the portal's policy, kubeflow-backend, search
 * with the catalog collator, the scaffolder with the kubeflow module and the Kubernetes plugin.
 */
export async function startSecurityRig(
  extraFeatures: any[] = [],
): Promise<SecurityRig> {
  const logs = new LogCapture();
  const sandbox = await startSandbox({
    port: 0,
    seed: 'demo',
    timeScale: 0.01,
    logger: { warn: message => logs.lines.push(`sandbox warn ${message}`) },
  });
  await seedCanaries(sandbox.url);
  await seedMatrixObjects(sandbox.url);
  const evil = await startRecordingServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeflow-security-'));
  const fixtures = writeFixtures(dir, evil.url);
  const scheduler = mockServices.scheduler() as any;

  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleScaffolderEntityModel,
      catalogModuleKubeflow,
      permissionPlugin,
      permissionPolicyModule,
      kubeflowPlugin,
      searchPlugin,
      searchModuleCatalogCollator,
      searchModuleKubeflowCollator,
      scaffolderPlugin,
      scaffolderModuleKubeflow,
      ...extraFeatures,
      permissionsServiceFactory,
      permissionsRegistryServiceFactory,
      userInfoFactory,
      authFactory,
      scheduler.factory({ includeInitialDelayedTasksOnStartup: true }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logs.rootLogger(),
      }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          backend: { workingDirectory: dir },
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'sandbox',
                    url: sandbox.url,
                    authProvider: 'serviceAccount',
                    serviceAccountToken: CANARIES.clusterToken,
                    skipTLSVerify: true,
                    skipMetricsLookup: true,
                  },
                ],
              },
            ],
          },
          // URL and token come from the Kubernetes plugin's cluster of the same name.
          kubeflow: {
            scaffolder: {
              localProjects: { directory: path.join(dir, 'projects') },
            },
            clusters: [
              {
                name: 'sandbox',
                title: 'Sandbox',
                dashboardUrl: 'https://kubeflow.example.com',
              },
            ],
          },
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Resource',
                  'Location',
                  'Template',
                ],
              },
            ],
            locations: [
              {
                type: 'file',
                target: ORG,
                rules: [{ allow: ['User', 'Group'] }],
              },
              {
                type: 'file',
                target: fixtures,
                rules: [{ allow: ['User', 'Component', 'Template'] }],
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
          search: {
            collators: {
              catalog: {
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
  });
  const { port } = backend.server.address() as { port: number };
  return {
    sandbox,
    baseUrl: `http://127.0.0.1:${port}`,
    logs,
    evil,
    triggerTask: id => scheduler.triggerTask(id),
    async stop() {
      await backend.stop();
      await sandbox.stop();
      await evil.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Secret and a ServiceAccount token in team-vision whose values are canaries. */
async function seedCanaries(url: string) {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const create = async (body: object) => {
    const response = await fetch(
      `${url}/api/v1/namespaces/team-vision/secrets`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    if (response.status !== 201)
      throw new Error(`canary secret: HTTP ${response.status}`);
  };
  await create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'mx-canary-credentials',
      namespace: 'team-vision',
      labels: { 'notebook-name': 'defect-eda' },
    },
    type: 'Opaque',
    data: { password: b64(CANARIES.secretData) },
  });
  await create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'default-editor-token',
      namespace: 'team-vision',
      annotations: { 'kubernetes.io/service-account.name': 'default-editor' },
    },
    type: 'kubernetes.io/service-account-token',
    data: { token: b64(CANARIES.serviceAccountToken) },
  });
}

/** A system notebook in `kubeflow` and one notebook per user and namespace for the delete row. */
async function seedMatrixObjects(url: string) {
  const notebook = async (namespace: string, name: string) => {
    const response = await fetch(
      `${url}/apis/kubeflow.org/v1/namespaces/${namespace}/notebooks`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          apiVersion: 'kubeflow.org/v1',
          kind: 'Notebook',
          metadata: { name, namespace },
          spec: {
            template: {
              spec: { containers: [{ name, image: 'jupyter/scipy' }] },
            },
          },
        }),
      },
    );
    if (response.status !== 201)
      throw new Error(`notebook ${namespace}/${name}: HTTP ${response.status}`);
  };
  await notebook('kubeflow', 'platform-tools');
  await Promise.all(
    TARGETS.flatMap(t =>
      Object.values(USERS).map(u =>
        notebook(t.namespace, throwawayNotebook(u)),
      ),
    ),
  );
}
