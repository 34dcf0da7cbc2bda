import {
  KubeflowClusterConfig,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';

/** A call to KFP's v2beta1 REST API. */
export type KfpCall = <T = any>(options: {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}) => Promise<T>;

/**
 * KFP's REST API on a cluster. KFP cannot take the signed-in user's identity from the portal: the
 * Kubernetes service proxy drops the caller's credential and KFP trusts `kubeflow-userid` only
 * from the Istio gateway (its multi-user mode), and users hold no `services/proxy` right in the
 * `kubeflow` namespace. So every route checks the caller first — the Backstage permission and a
 * SubjectAccessReview for the KFP verb in the namespace, which is the check KFP itself makes —
 * and then calls KFP with the portal's configured identity.
 */
export function kfpApi(
  clusters: KubeflowClusters,
  cluster: KubeflowClusterConfig,
): KfpCall {
  const client = clusters.client(cluster.name);
  const base = `${cluster.pipelinesUrl}/apis/v2beta1`;
  return ({ method = 'GET', path, query, body }) =>
    client.request({
      method,
      path: `${base}${path}`,
      query,
      body: body ?? (method === 'POST' ? {} : undefined),
    });
}
