import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_ID,
  ANNOTATION_KUBEFLOW_KFP_RUN_ID,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  ANNOTATION_KUBEFLOW_PART_OF,
  ANNOTATION_KUBEFLOW_PROPERTIES,
  ANNOTATION_KUBEFLOW_STORAGE_URI,
  KUBEFLOW_ENTITY_TYPES,
  MetadataValue,
  ModelArtifact,
  ModelVersion,
  RegisteredModel,
  RegistrySnapshot,
  metadataValuePlain,
  modelEntityName,
  modelVersionProducers,
  registryNamespaceOf,
  stringProperty,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { TransformContext, dashboardLink, ownerOf } from './context';

/**
 * Custom properties (metrics among them) and the artifact's format as `key=value` text, for
 * search and display; bounded, as annotations are not a data store.
 */
function propertiesText(
  properties: Record<string, MetadataValue> | undefined,
  artifact: ModelArtifact | undefined,
): string | undefined {
  const pairs: string[] = [];
  if (artifact?.modelFormatName)
    pairs.push(`format=${artifact.modelFormatName}`);
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (key === 'namespace') continue;
    const text = metadataValuePlain(value);
    if (text === undefined) continue;
    pairs.push(`${key}=${String(text).replace(/\s+/g, ' ')}`);
  }
  return pairs.length ? pairs.join('; ').slice(0, 1024) : undefined;
}

export type { RegistrySnapshot };

function sortByCreation<T extends { createTimeSinceEpoch?: string }>(
  items: T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      Number(a.createTimeSinceEpoch ?? 0) - Number(b.createTimeSinceEpoch ?? 0),
  );
}

/** Entity ref of a registered model's entity. */
export function modelRef(
  model: RegisteredModel,
  context: TransformContext,
): string {
  return `resource:${context.cluster}/${modelEntityName(model)}`;
}

/** Entity ref of a model version's entity. */
export function modelVersionRef(
  model: RegisteredModel,
  version: ModelVersion,
  context: TransformContext,
): string {
  return `resource:${context.cluster}/${modelEntityName(model, version)}`;
}

function registryAnnotations(
  context: TransformContext,
  kind: string,
  id: string,
  name: string,
  namespace?: string,
): Record<string, string> {
  return {
    [ANNOTATION_KUBEFLOW_CLUSTER]: context.cluster,
    [ANNOTATION_KUBEFLOW_KIND]: kind,
    [ANNOTATION_KUBEFLOW_ID]: id,
    [ANNOTATION_KUBEFLOW_NAME]: name,
    ...(namespace ? { [ANNOTATION_KUBEFLOW_NAMESPACE]: namespace } : {}),
  };
}

/** Registered models and their versions as entities: framework, latest version, lineage. */
export function registryToEntities(
  registry: RegistrySnapshot,
  context: TransformContext,
): Entity[] {
  const versionsByModel = new Map<string, ModelVersion[]>();
  for (const version of registry.versions) {
    const list = versionsByModel.get(version.registeredModelId!) ?? [];
    list.push(version);
    versionsByModel.set(version.registeredModelId!, list);
  }
  const entities: Entity[] = [];
  for (const model of registry.models) {
    const namespace = registryNamespaceOf(model);
    const versions = sortByCreation(versionsByModel.get(model.id!) ?? []);
    const live = versions.filter(v => v.state !== 'ARCHIVED');
    const latest = live[live.length - 1];
    const latestArtifact = latest
      ? registry.artifactsByVersion.get(latest.id!)?.[0]
      : undefined;
    const framework = latestArtifact?.modelFormatName;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: modelEntityName(model),
        namespace: context.cluster,
        title: model.name,
        description: [
          model.description,
          `Registered model${
            framework
              ? ` (${framework}${
                  latestArtifact?.modelFormatVersion
                    ? ` ${latestArtifact.modelFormatVersion}`
                    : ''
                })`
              : ''
          }` +
            `${
              latest ? `, latest version ${latest.name}` : ', no live version'
            }; ${versions.length} version${versions.length === 1 ? '' : 's'}.`,
          model.state === 'ARCHIVED' ? 'Archived.' : '',
        ]
          .filter(Boolean)
          .join(' '),
        tags: [
          'kubeflow',
          'model',
          ...(framework ? [framework.toLowerCase()] : []),
        ].filter(t => /^[a-z0-9:+#-]+$/.test(t)),
        links: dashboardLink(
          context,
          `/model-registry/registeredModels/${model.id}`,
          'Model Registry',
        ),
        annotations: registryAnnotations(
          context,
          'RegisteredModel',
          model.id!,
          model.name!,
          namespace,
        ),
      },
      spec: {
        type: KUBEFLOW_ENTITY_TYPES.model,
        owner: namespace
          ? ownerOf(context, namespace)
          : context.userRefOf(model.owner) ?? context.defaultOwner,
      },
    });
    for (const version of versions) {
      entities.push(versionToEntity(model, version, registry, context));
    }
  }
  return entities;
}

function versionToEntity(
  model: RegisteredModel,
  version: ModelVersion,
  registry: RegistrySnapshot,
  context: TransformContext,
): Entity {
  const namespace = registryNamespaceOf(model);
  const artifact = registry.artifactsByVersion.get(version.id!)?.[0];
  const kfpRunId =
    stringProperty(version.customProperties, 'kfp_run_id') ??
    (artifact?.modelSourceKind === 'kfp' ? artifact.modelSourceId : undefined);
  const properties = propertiesText(version.customProperties, artifact);
  const producers = modelVersionProducers(
    context.cluster,
    namespace,
    version,
  ).flatMap(p => (p.entityRef ? [p.entityRef] : []));
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: modelEntityName(model, version),
      namespace: context.cluster,
      title: `${model.name} ${version.name}`,
      description: [
        version.description,
        `Version ${version.name} of ${model.name}${
          version.author ? ` by ${version.author}` : ''
        }${artifact?.uri ? `, stored at ${artifact.uri}` : ''}${
          artifact?.modelFormatName ? ` (${artifact.modelFormatName})` : ''
        }.`,
        version.state === 'ARCHIVED' ? 'Archived.' : '',
      ]
        .filter(Boolean)
        .join(' '),
      tags: [
        'kubeflow',
        'model-version',
        ...(version.state === 'ARCHIVED' ? ['archived'] : []),
      ],
      links: [
        ...dashboardLink(
          context,
          `/model-registry/registeredModels/${model.id}/versions/${version.id}`,
          'Model Registry',
        ),
        ...(kfpRunId
          ? dashboardLink(
              context,
              `/pipeline/#/runs/details/${kfpRunId}`,
              'Producing pipeline run',
            )
          : []),
      ],
      annotations: {
        ...registryAnnotations(
          context,
          'ModelVersion',
          version.id!,
          version.name!,
          namespace,
        ),
        [ANNOTATION_KUBEFLOW_PART_OF]: modelRef(model, context),
        ...(kfpRunId ? { [ANNOTATION_KUBEFLOW_KFP_RUN_ID]: kfpRunId } : {}),
        ...(artifact?.uri
          ? { [ANNOTATION_KUBEFLOW_STORAGE_URI]: artifact.uri }
          : {}),
        ...(properties ? { [ANNOTATION_KUBEFLOW_PROPERTIES]: properties } : {}),
      },
    },
    spec: {
      type: KUBEFLOW_ENTITY_TYPES.modelVersion,
      owner: namespace
        ? ownerOf(context, namespace)
        : context.userRefOf(version.author) ?? context.defaultOwner,
      ...(producers.length ? { dependsOn: producers } : {}),
    },
  };
}
