import { Config } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';

/**
 * How the portal authenticates to a cluster: a configured bearer token (`serviceAccount`), the
 * pod's own service account (`inCluster`: mounted token, cluster CA and
 * `KUBERNETES_SERVICE_HOST`/`_PORT`), or nothing (`none`, the sandbox).
 *
 * @public
 */
export type KubeflowClusterAuthProvider =
  | 'serviceAccount'
  | 'inCluster'
  | 'none';

/** A configured Kubeflow cluster, resolved: everything needed to reach it. @public */
export interface KubeflowClusterConfig {
  name: string;
  title: string;
  url: string;
  authProvider: KubeflowClusterAuthProvider;
  /** Never logged, never sent to the browser. */
  serviceAccountToken?: string;
  /**
   * A file holding the token, re-read every minute (`inCluster`: the kubelet rotates the
   * projected token). Never logged, never sent to the browser.
   */
  serviceAccountTokenFile?: string;
  caData?: string;
  dashboardUrl?: string;
  pipelinesUrl: string;
  /**
   * A token file KFP accepts (a projected service account token with audience
   * `pipelines.kubeflow.org`), sent to a `pipelinesUrl` outside the API server. Never logged.
   */
  pipelinesTokenFile?: string;
  modelRegistryUrl: string;
}

const KFP_PROXY_PATH =
  '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy';
const MODEL_REGISTRY_PROXY_PATH =
  '/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy';

/** Where a pod's service account credentials are mounted. @public */
export const SERVICE_ACCOUNT_DIR =
  '/var/run/secrets/kubernetes.io/serviceaccount';

/** Where {@link readKubeflowClustersConfig} looks for the pod's identity (injectable for tests). @public */
export interface InClusterEnvironment {
  /** Default: {@link SERVICE_ACCOUNT_DIR}. */
  serviceAccountDir?: string;
  /** Default: process.env (`KUBERNETES_SERVICE_HOST`, `KUBERNETES_SERVICE_PORT`). */
  env?: Record<string, string | undefined>;
}

/**
 * The API server as a pod sees it, as client-go's in-cluster config does: the URL from
 * `KUBERNETES_SERVICE_HOST`/`_PORT`, the CA and the token file from the mounted service account.
 * Throws a clear error outside a pod.
 */
function inClusterConnection(name: string, where: InClusterEnvironment) {
  const env = where.env ?? process.env;
  const dir = where.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) {
    throw new Error(
      `kubeflow.clusters: cluster '${name}' connects in-cluster, but KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT are not set (not running in a pod?)`,
    );
  }
  const tokenFile = path.join(dir, 'token');
  const caFile = path.join(dir, 'ca.crt');
  for (const file of [tokenFile, caFile]) {
    if (!fs.existsSync(file)) {
      throw new Error(
        `kubeflow.clusters: cluster '${name}' connects in-cluster, but ${file} does not exist (is automountServiceAccountToken off?)`,
      );
    }
  }
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    serviceAccountTokenFile: tokenFile,
    caData: fs.readFileSync(caFile).toString('base64'),
  };
}

const AUTH_PROVIDERS: KubeflowClusterAuthProvider[] = [
  'serviceAccount',
  'inCluster',
  'none',
];

function readAuthProvider(
  entry: Config,
  shared: Config | undefined,
  token: string | undefined,
): KubeflowClusterAuthProvider {
  const name = entry.getString('name');
  const configured = entry.getOptionalString('authProvider');
  if (configured !== undefined) {
    if (!AUTH_PROVIDERS.includes(configured as KubeflowClusterAuthProvider)) {
      throw new Error(
        `kubeflow.clusters: cluster '${name}' has authProvider '${configured}'; expected one of ${AUTH_PROVIDERS.join(
          ', ',
        )}`,
      );
    }
    return configured as KubeflowClusterAuthProvider;
  }
  if (token) return 'serviceAccount';
  if (shared?.getOptionalString('authProvider') === 'serviceAccount')
    return 'inCluster';
  return 'none';
}

/** The clusters of the Kubernetes plugin's `config` locators, by name. */
function readKubernetesPluginClusters(config: Config): Map<string, Config> {
  const clusters = new Map<string, Config>();
  const locators = config.getOptionalConfigArray(
    'kubernetes.clusterLocatorMethods',
  );
  for (const locator of locators ?? []) {
    if (locator.getString('type') !== 'config') continue;
    for (const cluster of locator.getOptionalConfigArray('clusters') ?? []) {
      clusters.set(cluster.getString('name'), cluster);
    }
  }
  return clusters;
}

/**
 * Reads `kubeflow.clusters`, filling what a cluster leaves out from the Kubernetes plugin's
 * cluster of the same name. Throws on a cluster that has no URL from either place.
 *
 * A cluster connects in-cluster (`inCluster`) when it says so, or when it lends from a
 * Kubernetes plugin cluster with `authProvider: serviceAccount` and no token — the rule by which
 * the Kubernetes plugin itself connects in-cluster — so one cluster entry serves both plugins.
 *
 * @public
 */
export function readKubeflowClustersConfig(
  config: Config,
  inCluster: InClusterEnvironment = {},
): KubeflowClusterConfig[] {
  const kubernetesClusters = readKubernetesPluginClusters(config);
  const entries = config.getOptionalConfigArray('kubeflow.clusters') ?? [];
  const seen = new Set<string>();
  return entries.map(entry => {
    const name = entry.getString('name');
    if (seen.has(name)) {
      throw new Error(
        `kubeflow.clusters: cluster '${name}' is configured twice`,
      );
    }
    seen.add(name);
    const shared = kubernetesClusters.get(name);
    const pick = (key: string) =>
      entry.getOptionalString(key) ?? shared?.getOptionalString(key);
    const serviceAccountToken = pick('serviceAccountToken');
    const authProvider = readAuthProvider(entry, shared, serviceAccountToken);
    const connection: {
      url?: string;
      caData?: string;
      serviceAccountTokenFile?: string;
    } =
      authProvider === 'inCluster'
        ? inClusterConnection(name, inCluster)
        : { url: pick('url'), caData: pick('caData') };
    if (!connection.url) {
      throw new Error(
        `kubeflow.clusters: cluster '${name}' has no url, and no Kubernetes plugin cluster of that name lends one`,
      );
    }
    const base = connection.url.replace(/\/+$/, '');
    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      url: base,
      authProvider,
      ...(authProvider === 'inCluster'
        ? { serviceAccountTokenFile: connection.serviceAccountTokenFile }
        : { serviceAccountToken }),
      caData: connection.caData,
      dashboardUrl: entry.getOptionalString('dashboardUrl'),
      pipelinesUrl:
        entry.getOptionalString('pipelinesUrl') ?? `${base}${KFP_PROXY_PATH}`,
      pipelinesTokenFile: entry.getOptionalString('pipelinesTokenFile'),
      modelRegistryUrl:
        entry.getOptionalString('modelRegistryUrl') ??
        `${base}${MODEL_REGISTRY_PROXY_PATH}`,
    };
  });
}
