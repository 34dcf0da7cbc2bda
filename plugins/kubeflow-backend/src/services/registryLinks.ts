import {
  KubeflowClusters,
  MODEL_REGISTRY_PAGE_SIZE,
} from '@kubeflow-backstage/plugin-kubeflow-node';

/**
 * How Model Registry records link a model version to what produced it: custom properties
 * (`kfp_run_id`, `katib_experiment`, `trainjob`, `notebook`, `namespace`) and the artifact's
 * `modelSourceKind: kfp` / `modelSourceId`; numeric custom properties are its metrics.
 */

type Properties = Record<string, any> | undefined;

/** A string custom property. */
export function stringProperty(
  properties: Properties,
  key: string,
): string | undefined {
  const value = properties?.[key];
  if (value?.metadataType === 'MetadataStringValue')
    return value.string_value || undefined;
  return undefined;
}

/** The numeric custom properties: a version's metrics. */
export function numericProperties(
  properties: Properties,
): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, value] of Object.entries<any>(properties ?? {})) {
    const raw = {
      MetadataDoubleValue: value?.double_value,
      MetadataIntValue: value?.int_value,
    }[String(value?.metadataType)];
    const number = Number(raw);
    if (raw !== undefined && Number.isFinite(number)) metrics[key] = number;
  }
  return metrics;
}

/** A version's (or a model's) namespace, as the registry records it. */
export function namespaceOf(record: Record<string, any>): string | undefined {
  return stringProperty(record.customProperties, 'namespace');
}

/** The first artifacts of a version, read from the registry with a page size. */
export async function versionArtifacts(
  clusters: KubeflowClusters,
  cluster: string,
  versionId: string,
): Promise<any[]> {
  const client = clusters.client(cluster);
  const page = await client.request({
    path: `${
      client.cluster.modelRegistryUrl
    }/api/model_registry/v1alpha3/model_versions/${encodeURIComponent(
      versionId,
    )}/artifacts`,
    query: { pageSize: Math.min(10, MODEL_REGISTRY_PAGE_SIZE) },
  });
  return page?.items ?? [];
}

/** The KFP run a version came from: its `kfp_run_id`, else its artifact's KFP source. */
export function kfpRunOf(
  version: Record<string, any>,
  artifacts: any[] = [],
): string | undefined {
  return (
    stringProperty(version.customProperties, 'kfp_run_id') ??
    artifacts.find(a => a.modelSourceKind === 'kfp')?.modelSourceId
  );
}
