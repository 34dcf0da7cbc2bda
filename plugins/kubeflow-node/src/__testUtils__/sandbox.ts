import { startSandbox, Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { ClusterClient } from '../clients/ClusterClient';
import { KubeflowClusterConfig } from '../config';

/** A cluster config pointing at a running sandbox (no credentials: the portal's identity). */
export function clusterOf(
  sandbox: { url: string },
  name = 'sandbox',
): KubeflowClusterConfig {
  return {
    name,
    title: name,
    url: sandbox.url,
    authProvider: 'none',
    pipelinesUrl: `${sandbox.url}/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy`,
    modelRegistryUrl: `${sandbox.url}/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy`,
  };
}

/** Starts a sandbox without controllers (objects stay as written) unless asked. */
export async function startTestSandbox(
  options: {
    seed?: string;
    controllers?: boolean;
    port?: number;
    stateFile?: string;
  } = {},
): Promise<Sandbox> {
  return startSandbox({
    port: options.port ?? 0,
    seed: options.seed ?? 'none',
    controllers: options.controllers ?? false,
    timeScale: 0.01,
    stateFile: options.stateFile,
    logger: { warn: () => {} },
  });
}

export function clientOf(
  sandbox: { url: string },
  timeoutMs?: number,
): ClusterClient {
  return new ClusterClient({
    cluster: clusterOf(sandbox),
    timeoutMs,
    backoff: { initialMs: 20, maxMs: 200 },
  });
}

export function notebook(namespace: string, name: string) {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Notebook',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      template: { spec: { containers: [{ name, image: 'jupyter/scipy' }] } },
    },
  };
}

export async function createNamespace(client: ClusterClient, name: string) {
  await client.request({
    method: 'POST',
    path: '/api/v1/namespaces',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
  });
}

export async function createNotebook(
  client: ClusterClient,
  namespace: string,
  name: string,
) {
  return client.request({
    method: 'POST',
    path: `/apis/kubeflow.org/v1/namespaces/${namespace}/notebooks`,
    body: notebook(namespace, name),
  });
}

/** Polls until `check` holds, or fails with `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise(r => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
