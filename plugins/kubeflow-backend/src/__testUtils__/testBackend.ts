import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { mockServices } from '@backstage/backend-test-utils';
import http from 'http';
import { kubeflowPlugin } from '../plugin';

/** The demo users (their e-mails are the sandbox's Kubeflow users) and one without an e-mail. */
export const TEST_USERS = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'nomail',
].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: name === 'nomail' ? {} : { email: `${name}@example.com` } },
}));

/** The Authorization header of a signed-in demo user. */
export const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

/**
 * The kubeflow backend plugin against a demo sandbox, as the route tests use it; `onCluster`
 * reads the sandbox directly (as the cluster admin) to check what an action changed.
 */
export async function startKubeflowTestBackend(
  /** More settings of the sandbox cluster's config entry. */
  clusterConfig: Record<string, unknown> = {},
): Promise<{
  sandbox: Sandbox;
  server: http.Server;
  onCluster: (path: string, init?: RequestInit) => Promise<any>;
}> {
  const sandbox = await startSandbox({
    port: 0,
    seed: 'demo',
    timeScale: 0.01,
    logger: { warn: () => {} },
  });
  const { server } = await startTestBackend({
    features: [
      kubeflowPlugin,
      catalogServiceMock.factory({ entities: TEST_USERS }),
      mockServices.rootConfig.factory({
        data: {
          kubeflow: {
            clusters: [
              {
                name: 'sandbox',
                title: 'Sandbox',
                url: sandbox.url,
                authProvider: 'none',
                ...clusterConfig,
              },
            ],
          },
        },
      }),
    ],
  });
  const onCluster = async (path: string, init?: RequestInit) =>
    (await fetch(`${sandbox.url}${path}`, init)).json() as any;
  return { sandbox, server, onCluster };
}
