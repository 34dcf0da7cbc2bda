import {
  ServingRuntimeSummary,
  toServingRuntime,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { ClusterClient, Impersonation } from './ClusterClient';
import { ClusterRequestError } from './errors';
import { listKubernetes } from './pagination';

const KSERVE = '/apis/serving.kserve.io/v1alpha1';

/** A missing KServe (no such resource type) reads as no runtimes; other failures are errors. */
const noneIfAbsent = (error: unknown) => {
  if (error instanceof ClusterRequestError && error.status === 404) {
    return { items: [] as any[] };
  }
  throw error;
};

/**
 * The serving runtimes usable in a namespace: its ServingRuntimes, read as the user (`as`), so
 * the cluster's RBAC decides, then the ClusterServingRuntimes, which are operator configuration
 * and read with the portal's identity. Read per call, not cached: they are read when a model is
 * deployed or a deploy form is filled in, not on page views.
 *
 * @public
 */
export async function listServingRuntimes(
  client: ClusterClient,
  options: { namespace: string; as?: Impersonation },
): Promise<ServingRuntimeSummary[]> {
  const [namespaced, clusterWide] = await Promise.all([
    listKubernetes(client, {
      path: `${KSERVE}/namespaces/${encodeURIComponent(
        options.namespace,
      )}/servingruntimes`,
      as: options.as,
    }).catch(noneIfAbsent),
    listKubernetes(client, {
      path: `${KSERVE}/clusterservingruntimes`,
    }).catch(noneIfAbsent),
  ]);
  return [
    ...namespaced.items.map(o => toServingRuntime(o, false)),
    ...clusterWide.items.map(o => toServingRuntime(o, true)),
  ];
}
