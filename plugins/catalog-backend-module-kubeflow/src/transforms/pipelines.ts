import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_ID,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  KUBEFLOW_ENTITY_TYPES,
  KfpExperiment,
  KfpPipeline,
  KfpPipelineVersion,
  kubeflowEntityName,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { TransformContext, dashboardLink, ownerOf } from './context';

/** Where a KFP object lives: its namespace, or `shared` for cluster-wide pipelines. */
function scope(namespace?: string): string {
  return namespace || 'shared';
}

function kfpEntity(
  context: TransformContext,
  options: {
    kind: 'Pipeline' | 'PipelineExperiment';
    type: string;
    id: string;
    name: string;
    title: string;
    namespace?: string;
    description: string;
    tags: string[];
    link: { path: string; title: string };
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: kubeflowEntityName(scope(options.namespace), options.name),
      namespace: context.cluster,
      title: options.title,
      description: options.description,
      tags: ['kubeflow', 'kfp', ...options.tags],
      links: dashboardLink(context, options.link.path, options.link.title),
      annotations: {
        [ANNOTATION_KUBEFLOW_CLUSTER]: context.cluster,
        [ANNOTATION_KUBEFLOW_KIND]: options.kind,
        [ANNOTATION_KUBEFLOW_ID]: options.id,
        [ANNOTATION_KUBEFLOW_NAME]: options.name,
        ...(options.namespace
          ? { [ANNOTATION_KUBEFLOW_NAMESPACE]: options.namespace }
          : {}),
      },
    },
    spec: { type: options.type, owner: ownerOf(context, options.namespace) },
  };
}

/** A KFP pipeline with what its versions say (how many, the latest); runs live on its page. */
export function kfpPipelineToEntity(
  pipeline: KfpPipeline,
  context: TransformContext,
  versions: KfpPipelineVersion[] = [],
): Entity {
  const name = pipeline.name || pipeline.display_name || pipeline.pipeline_id!;
  const latest = [...versions].sort((a, b) =>
    String(b.created_at).localeCompare(String(a.created_at)),
  )[0];
  const versionText = latest
    ? ` ${versions.length} version${versions.length === 1 ? '' : 's'}, latest ${
        latest.display_name || latest.name
      } (${latest.created_at ?? 'unknown date'}).`
    : '';
  const entity = kfpEntity(context, {
    kind: 'Pipeline',
    type: KUBEFLOW_ENTITY_TYPES.pipeline,
    id: pipeline.pipeline_id!,
    name,
    title: pipeline.display_name || name,
    namespace: pipeline.namespace,
    description: `${
      pipeline.description ||
      `Kubeflow pipeline in ${scope(pipeline.namespace)}, created ${
        pipeline.created_at ?? 'at an unknown time'
      }.`
    }${versionText}`,
    tags: ['pipeline'],
    link: {
      path: `/pipeline/#/pipelines/details/${pipeline.pipeline_id}`,
      title: 'KFP UI',
    },
  });
  if (latest?.pipeline_version_id) {
    entity.metadata.annotations!['kubeflow.org/latest-version-id'] =
      latest.pipeline_version_id;
  }
  if (latest?.code_source_url) {
    entity.metadata.links = [
      ...(entity.metadata.links ?? []),
      { url: latest.code_source_url, title: 'Pipeline source', icon: 'github' },
    ];
  }
  return entity;
}

/** A KFP experiment (a group of runs). */
export function kfpExperimentToEntity(
  experiment: KfpExperiment,
  context: TransformContext,
): Entity {
  const name = experiment.display_name || experiment.experiment_id!;
  return kfpEntity(context, {
    kind: 'PipelineExperiment',
    type: KUBEFLOW_ENTITY_TYPES.pipelineExperiment,
    id: experiment.experiment_id!,
    name,
    title: `${name} (${scope(experiment.namespace)})`,
    namespace: experiment.namespace,
    description:
      experiment.description ||
      `KFP experiment in ${scope(experiment.namespace)}${
        experiment.last_run_created_at
          ? `, last run ${experiment.last_run_created_at}`
          : ''
      }.`,
    tags: ['pipeline-experiment'],
    link: {
      path: `/pipeline/#/experiments/details/${experiment.experiment_id}`,
      title: 'KFP UI',
    },
  });
}
