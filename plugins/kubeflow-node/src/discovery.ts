import { ClusterClient } from './clients/ClusterClient';
import { ClusterRequestError } from './clients/errors';
import {
  KUBEFLOW_RESOURCE_TYPES,
  KubeflowResourceTypeName,
} from './resourceTypes';

/** Which Kubeflow components a cluster has. Absent ones are facts, not errors. @public */
export interface ClusterComponents {
  cluster: string;
  /** Served resource types, by name. */
  resources: Record<KubeflowResourceTypeName, boolean>;
  /** KFP answers its healthz. */
  pipelines: boolean;
  /** The Model Registry answers. */
  modelRegistry: boolean;
  /** Set when the cluster itself did not answer: then nothing is known. */
  error?: string;
  checkedAt: string;
}

async function answers(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    if (error instanceof ClusterRequestError && error.status !== 0)
      return false;
    throw error;
  }
}

/**
 * Finds which Kubeflow components the cluster has: the API groups and resources it serves
 * (from discovery), and whether KFP and the Model Registry answer. So pages and templates adapt to
 * the cluster: a cluster without KServe shows no endpoints, not an error.
 *
 * @public
 */
export async function discoverComponents(
  client: ClusterClient,
): Promise<ClusterComponents> {
  const cluster = client.cluster;
  const resources = Object.fromEntries(
    Object.keys(KUBEFLOW_RESOURCE_TYPES).map(k => [k, false]),
  ) as Record<KubeflowResourceTypeName, boolean>;
  const checkedAt = new Date().toISOString();
  try {
    const groupVersions = new Map<string, Set<string>>();
    for (const type of Object.values(KUBEFLOW_RESOURCE_TYPES)) {
      const gv = type.group
        ? `/apis/${type.group}/${type.version}`
        : `/api/${type.version}`;
      if (!groupVersions.has(gv)) {
        const list = await client
          .request({ path: gv, timeoutMs: 5_000, retries: 1 })
          .catch(error => {
            if (error instanceof ClusterRequestError && error.status === 404)
              return undefined;
            throw error;
          });
        groupVersions.set(
          gv,
          new Set((list?.resources ?? []).map((r: any) => r.name)),
        );
      }
    }
    for (const [name, type] of Object.entries(KUBEFLOW_RESOURCE_TYPES)) {
      const gv = type.group
        ? `/apis/${type.group}/${type.version}`
        : `/api/${type.version}`;
      resources[name as KubeflowResourceTypeName] = groupVersions
        .get(gv)!
        .has(type.plural);
    }
    const [pipelines, modelRegistry] = await Promise.all([
      answers(() =>
        client.request({
          path: `${cluster.pipelinesUrl}/apis/v2beta1/healthz`,
          timeoutMs: 5_000,
          retries: 0,
        }),
      ),
      answers(() =>
        client.request({
          path: `${cluster.modelRegistryUrl}/api/model_registry/v1alpha3/registered_models`,
          query: { pageSize: 1 },
          timeoutMs: 5_000,
          retries: 0,
        }),
      ),
    ]);
    return {
      cluster: cluster.name,
      resources,
      pipelines,
      modelRegistry,
      checkedAt,
    };
  } catch (error) {
    return {
      cluster: cluster.name,
      resources,
      pipelines: false,
      modelRegistry: false,
      error: (error as Error).message,
      checkedAt,
    };
  }
}
