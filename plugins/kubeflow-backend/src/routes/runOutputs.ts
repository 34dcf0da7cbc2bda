import { RunDetailsDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import {
  numericProperties,
  stringProperty,
  versionArtifacts,
} from '../services/registryLinks';

/**
 * What a run produced, as the Model Registry records it: the model versions whose `kfp_run_id`
 * is the run, with their metrics and the URI of their model artifact. Versions come from the
 * watch cache; only their artifacts are read, a page of ten each.
 */
export async function producedVersions(
  clusters: KubeflowClusters,
  cluster: string,
  runId: string,
): Promise<RunDetailsDto['outputs']> {
  const components = await clusters.components(cluster);
  if (!components.modelRegistry) return [];
  const [models, versions] = await Promise.all([
    clusters.cache.list(cluster, 'modelregistry.models'),
    clusters.cache.list(cluster, 'modelregistry.versions'),
  ]);
  const produced = versions.filter(
    v => stringProperty(v.customProperties, 'kfp_run_id') === runId,
  );
  return Promise.all(
    produced.map(async v => {
      const artifacts = await versionArtifacts(clusters, cluster, v.id).catch(
        () => [],
      );
      return {
        model:
          models.find(m => m.id === v.registeredModelId)?.name ??
          v.registeredModelId,
        version: v.name,
        uri: artifacts.find(a => a.uri)?.uri,
        metrics: numericProperties(v.customProperties),
      };
    }),
  );
}
