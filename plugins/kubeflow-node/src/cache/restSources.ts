import { ClusterClient } from '../clients/ClusterClient';
import {
  listKfp,
  listKubernetes,
  listModelRegistry,
} from '../clients/pagination';
import { collectionPath, KUBEFLOW_RESOURCE_TYPES } from '../resourceTypes';
import { RestPollerOptions } from './RestPoller';

type SourceDefinition = Omit<RestPollerOptions, 'cluster' | 'name' | 'emit'>;

const MR_API = '/api/model_registry/v1alpha3';

/**
 * The namespaces to list KFP collections in: KFP in multi-user mode (a standard Kubeflow install)
 * answers experiments, runs and recurring runs only per namespace, and lists only shared pipelines
 * without one; its namespaces are the Profiles'. Undefined when KFP is single-user.
 */
async function kfpNamespaces(
  client: ClusterClient,
  signal: AbortSignal,
): Promise<string[] | undefined> {
  const health = await client.request({
    path: `${client.cluster.pipelinesUrl}/apis/v2beta1/healthz`,
    signal,
  });
  if (!health?.multi_user) return undefined;
  const profiles = await listKubernetes(client, {
    path: collectionPath(KUBEFLOW_RESOURCE_TYPES.profiles),
    signal,
  });
  return profiles.items.map((p: any) => p.metadata.name as string);
}

function kfpSource(
  client: ClusterClient,
  collection: string,
  itemsKey: string,
  idKey: string,
  /** Whether the collection has shared (namespace-less) objects, as pipelines do. */
  shared = false,
): SourceDefinition {
  const url = `${client.cluster.pipelinesUrl}/apis/v2beta1/${collection}`;
  return {
    keyOf: o => o[idKey],
    // KFP objects carry no update time; runs and recurring runs change state, so hash the
    // fields that move.
    versionOf: o =>
      `${o.state ?? ''}|${o.status ?? ''}|${o.storage_state ?? ''}|${
        o.finished_at ?? ''
      }|${o.updated_at ?? ''}|${o.display_name ?? ''}|${
        o.last_run_created_at ?? ''
      }`,
    fetchAll: async signal => {
      const namespaces = await kfpNamespaces(client, signal);
      if (!namespaces) return listKfp(client, { url, itemsKey, signal });
      const byId = new Map<string, any>();
      for (const namespace of shared ? [undefined, ...namespaces] : namespaces) {
        const items = await listKfp(client, {
          url,
          itemsKey,
          query: namespace ? { namespace } : undefined,
          signal,
        });
        for (const item of items) byId.set(item[idKey], item);
      }
      return [...byId.values()];
    },
  };
}

function modelRegistrySource(
  client: ClusterClient,
  collection: string,
): SourceDefinition {
  const url = `${client.cluster.modelRegistryUrl}${MR_API}/${collection}`;
  const updatedAt = (o: any) => Number(o.lastUpdateTimeSinceEpoch ?? 0);
  return {
    keyOf: o => o.id,
    versionOf: o => o.lastUpdateTimeSinceEpoch,
    fetchAll: signal => listModelRegistry(client, { url, signal }),
    watermarkOf: items => String(Math.max(0, ...items.map(updatedAt))),
    // Newest first, stopping at the first page that reaches the watermark.
    fetchSince: async (watermark, signal) => {
      const since = Number(watermark);
      const changed: any[] = [];
      let token: string | undefined;
      do {
        const page = await client.request({
          path: url,
          query: {
            pageSize: 100,
            orderBy: 'LAST_UPDATE_TIME',
            sortOrder: 'DESC',
            nextPageToken: token,
          },
          signal,
        });
        const items: any[] = page?.items ?? [];
        const newer = items.filter(o => updatedAt(o) > since);
        changed.push(...newer);
        token =
          newer.length === items.length && items.length
            ? page?.nextPageToken
            : undefined;
      } while (token);
      return {
        items: changed,
        watermark: String(Math.max(since, ...changed.map(updatedAt))),
      };
    },
  };
}

/**
 * The REST collections the cache polls, by name: KFP pipelines, experiments and recurring runs
 * (runs are too many; pages read them from KFP with server-side paging), and the Model
 * Registry's models, versions, artifacts and inference services.
 *
 * @public
 */
export const REST_SOURCES: Record<
  string,
  (client: ClusterClient) => SourceDefinition
> = {
  'kfp.pipelines': c =>
    kfpSource(c, 'pipelines', 'pipelines', 'pipeline_id', true),
  'kfp.experiments': c =>
    kfpSource(c, 'experiments', 'experiments', 'experiment_id'),
  'kfp.recurringruns': c =>
    kfpSource(c, 'recurringruns', 'recurringRuns', 'recurring_run_id'),
  'modelregistry.models': c => modelRegistrySource(c, 'registered_models'),
  'modelregistry.versions': c => modelRegistrySource(c, 'model_versions'),
  'modelregistry.artifacts': c => modelRegistrySource(c, 'model_artifacts'),
  'modelregistry.inferenceservices': c =>
    modelRegistrySource(c, 'inference_services'),
};
