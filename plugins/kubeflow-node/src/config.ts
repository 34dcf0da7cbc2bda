import { Config } from '@backstage/config';

/** A configured Kubeflow cluster, resolved: everything needed to reach it. @public */
export interface KubeflowClusterConfig {
  name: string;
  title: string;
  url: string;
  authProvider: 'serviceAccount' | 'none';
  /** Never logged, never sent to the browser. */
  serviceAccountToken?: string;
  caData?: string;
  dashboardUrl?: string;
  pipelinesUrl: string;
  modelRegistryUrl: string;
}

const KFP_PROXY_PATH =
  '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy';
const MODEL_REGISTRY_PROXY_PATH =
  '/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy';

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
 * @public
 */
export function readKubeflowClustersConfig(
  config: Config,
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
    const url = pick('url');
    if (!url) {
      throw new Error(
        `kubeflow.clusters: cluster '${name}' has no url, and no Kubernetes plugin cluster of that name lends one`,
      );
    }
    const base = url.replace(/\/+$/, '');
    const serviceAccountToken = pick('serviceAccountToken');
    const authProvider = (entry.getOptionalString('authProvider') ??
      (serviceAccountToken ? 'serviceAccount' : 'none')) as
      | 'serviceAccount'
      | 'none';
    return {
      name,
      title: entry.getOptionalString('title') ?? name,
      url: base,
      authProvider,
      serviceAccountToken,
      caData: pick('caData'),
      dashboardUrl: entry.getOptionalString('dashboardUrl'),
      pipelinesUrl:
        entry.getOptionalString('pipelinesUrl') ?? `${base}${KFP_PROXY_PATH}`,
      modelRegistryUrl:
        entry.getOptionalString('modelRegistryUrl') ??
        `${base}${MODEL_REGISTRY_PROXY_PATH}`,
    };
  });
}
