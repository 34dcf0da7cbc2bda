import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import authModuleGuestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import searchPlugin from '@backstage/plugin-search-backend';
import searchModuleCatalogCollator from '@backstage/plugin-search-backend-module-catalog';
import catalogModuleKubeflow, {
  searchModuleKubeflowCollator,
} from '@kubeflow-backstage/plugin-catalog-backend-module-kubeflow';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import path from 'path';
import permissionPolicyModule from '../../modules/permissionPolicy';
import { LogCapture } from './LogCapture';

const ORG = path.resolve(__dirname, '../../../../../examples/org.yaml');
/** The test's own service credential (a static external-access token). */
const SERVICE_TOKEN = 'sign-in-at-start-up-service-token';

/** What the start-up tests read: a ref and what the policy's oracle needs. */
export interface EntitySummary {
  ref: string;
  kind: string;
  name: string;
  owner?: string;
  fromCluster: boolean;
  public: boolean;
}

/**
 * The portal at start-up as a user meets it: the real auth backend with the guest provider (real
 * Backstage tokens; the ownership claims it stores at sign-in), the catalog with the organisation
 * and the Kubeflow provider, the permission backend with the portal's policy, and search with the
 * catalog collator, against a demo sandbox. Scheduled tasks run only when the test triggers them,
 * so a sign-in can be placed before the provider's first full read.
 */
export async function startStartUpRig() {
  const logs = new LogCapture();
  const sandbox: Sandbox = await startSandbox({
    port: 0,
    seed: 'demo',
    timeScale: 0.01,
    logger: { warn: message => logs.lines.push(`sandbox warn ${message}`) },
  });
  // Runs a task only when triggered (to its end), never on its own schedule.
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      authPlugin,
      authModuleGuestProvider,
      catalogPlugin,
      catalogModuleKubeflow,
      permissionPlugin,
      permissionPolicyModule,
      searchPlugin,
      searchModuleCatalogCollator,
      searchModuleKubeflowCollator,
      authServiceFactory,
      httpAuthServiceFactory,
      userInfoServiceFactory,
      permissionsServiceFactory,
      permissionsRegistryServiceFactory,
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logs.rootLogger(),
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: SERVICE_TOKEN, subject: 'start-up-test' },
                },
              ],
            },
          },
          // As app-config.yaml: the guest is the demo user guest@example.com.
          auth: {
            providers: {
              guest: {
                userEntityRef: 'user:default/guest',
                dangerouslyAllowOutsideDevelopment: true,
              },
            },
          },
          permission: { enabled: true },
          kubeflow: {
            clusters: [{ name: 'sandbox', title: 'Sandbox', url: sandbox.url }],
          },
          catalog: {
            locations: [
              {
                type: 'file',
                target: ORG,
                rules: [{ allow: ['User', 'Group'] }],
              },
            ],
          },
          search: {
            collators: {
              catalog: {
                schedule: {
                  frequency: { seconds: 30 },
                  timeout: { minutes: 2 },
                  initialDelay: { seconds: 10 },
                },
              },
            },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;

  const get = async (url: string, token: string) => {
    const response = await fetch(`${baseUrl}${url}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok)
      throw new Error(
        `${url}: HTTP ${response.status} ${await response.text()}`,
      );
    return response.json();
  };

  /** The catalog as the token's holder may read it. */
  const catalog = async (token = SERVICE_TOKEN): Promise<EntitySummary[]> => {
    const items: any[] = await get(
      '/api/catalog/entities?fields=kind,metadata.namespace,metadata.name,metadata.annotations,metadata.labels,spec.owner',
      token,
    );
    return items.map(e => ({
      ref: stringifyEntityRef(e).toLocaleLowerCase('en-US'),
      kind: e.kind,
      name: e.metadata.name,
      owner: e.spec?.owner,
      fromCluster:
        e.metadata.annotations?.['backstage.io/managed-by-location'] ===
        'kubeflow:sandbox',
      public: e.metadata.labels?.['kubeflow.org/public'] !== undefined,
    }));
  };

  /** Refs of the Kubeflow entities search finds for the token's holder (every page). */
  const search = async (token = SERVICE_TOKEN): Promise<string[]> => {
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await get(
        `/api/search/query?term=kubeflow&types[0]=software-catalog&filters[namespace]=sandbox&pageLimit=100${
          cursor ? `&pageCursor=${encodeURIComponent(cursor)}` : ''
        }`,
        token,
      );
      for (const { document } of page.results) {
        const [, , namespace, kind, name] = document.location.split('/');
        refs.push(`${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US'));
      }
      cursor = page.nextPageCursor;
    } while (cursor);
    return refs.sort();
  };

  return {
    sandbox,
    baseUrl,
    logs,
    catalog,
    search,
    /** Signs in as the guest as the app does on "Enter" (and on every page load). */
    async signInAsGuest(): Promise<string> {
      const response = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      if (!response.ok)
        throw new Error(`guest sign-in: HTTP ${response.status}`);
      return (await response.json()).backstageIdentity.token;
    },
    /** Runs a scheduled task now (the provider's full read, the search collator) to its end. */
    triggerTask: (id: string) => scheduler.triggerTask(id),
    async stop() {
      await backend.stop();
      await sandbox.stop();
    },
  };
}

/** A rig of {@link startStartUpRig}. */
export type StartUpRig = Awaited<ReturnType<typeof startStartUpRig>>;
