import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  ANNOTATION_KUBEFLOW_STORAGE_URI,
  InferenceGraph,
  InferenceService,
  LLMInferenceService,
  inferenceGraphSummary,
  kserveReadyState,
  llmInferenceServiceSummary,
  InferenceServiceComponentSummary,
  InferenceServiceSummary,
  KUBEFLOW_ENTITY_TYPES,
  RegistrySnapshot,
  inferenceServiceDisplayState,
  inferenceServiceModelSource,
  inferenceServiceSummary,
  kubeflowEntityName,
  predictorTraffic,
  servedVersion,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  TransformContext,
  dashboardLink,
  kubernetesMetadata,
  ownerOf,
  sourceComponent,
} from './context';
import { modelVersionRef } from './models';

/** A transformer or explainer in a few words: its image, or its kind and type (`art SquareAttack`). */
function componentText(component: InferenceServiceComponentSummary): string {
  if (component.type) return `${component.kind} ${component.type}`;
  return component.image ?? component.kind;
}

/** What the endpoint serves, in a sentence's first part: the model, its format, its URL. */
function servesText(
  summary: InferenceServiceSummary,
  served: ReturnType<typeof servedVersion>,
  url: string | undefined,
): string {
  const source = inferenceServiceModelSource(summary);
  const what = served
    ? `${served.model.name} ${served.version.name}`
    : source ?? 'a model';
  let format = '';
  if (summary.modelFormat) {
    format = ` (${[summary.modelFormat, summary.modelFormatVersion]
      .filter(Boolean)
      .join(' ')})`;
  } else if (summary.predictorForm === 'custom') {
    format = ` (custom container${
      summary.image && summary.image !== what ? ` ${summary.image}` : ''
    })`;
  }
  return `Serves ${what}${format}${url ? ` at ${url}` : ''}`;
}

/** How it serves: runtime, the mode when stated, GPU, transformer and explainer. */
function servingDetails(summary: InferenceServiceSummary): string[] {
  const runtime = summary.runtime ?? summary.selectedRuntime;
  return [
    runtime ? `runtime ${runtime}` : '',
    summary.deploymentModeSource === 'default'
      ? ''
      : `${summary.deploymentMode} mode`,
    summary.gpu ? `${summary.gpu.count} ${summary.gpu.resource}` : '',
    summary.transformer
      ? `transformer ${componentText(summary.transformer)}`
      : '',
    summary.explainer ? `explainer ${componentText(summary.explainer)}` : '',
  ].filter(Boolean);
}

/**
 * Tags to find endpoints by: the model format (or `custom-predictor`), the deployment mode when
 * the object states it (the default depends on the cluster's configuration), `gpu`.
 */
function servingTags(summary: InferenceServiceSummary): string[] {
  return [
    'model-server',
    'kserve',
    summary.modelFormat?.toLowerCase() ??
      (summary.predictorForm === 'custom' ? 'custom-predictor' : ''),
    summary.deploymentModeSource === 'default'
      ? ''
      : summary.deploymentMode.toLowerCase(),
    summary.gpu ? 'gpu' : '',
  ].filter(t => /^[a-z0-9:+#-]{1,63}$/.test(t));
}

/**
 * An InferenceService as a Component of type `model-server` that provides its inference API and
 * depends on the model version it serves. What it serves and how comes from the shared
 * {@link inferenceServiceSummary}, whichever predictor form the object uses.
 */
export function inferenceServiceToEntities(
  isvc: InferenceService,
  registry: RegistrySnapshot,
  context: TransformContext,
): Entity[] {
  const { namespace, name } = isvc.metadata;
  const served = servedVersion(isvc, registry);
  const state = inferenceServiceDisplayState(isvc);
  const traffic = predictorTraffic(isvc);
  const summary = inferenceServiceSummary(isvc);
  const url = isvc.status?.url;
  const apiName = kubeflowEntityName(namespace!, `${name}-inference`);
  const protocol = summary.protocolVersion ?? 'v1';
  const details = servingDetails(summary);
  const metadata = kubernetesMetadata(context, isvc, {
    labelSelector: `serving.kserve.io/inferenceservice=${name}`,
    description: `${servesText(summary, served, url)}${
      details.length ? `; ${details.join(', ')}` : ''
    }. State: ${state.message}.${
      traffic.canary
        ? ` Canary: ${traffic.latestPercent}% on the latest revision.`
        : ''
    }`,
    tags: servingTags(summary),
  });
  if (summary.storageUri) {
    metadata.annotations![ANNOTATION_KUBEFLOW_STORAGE_URI] = summary.storageUri;
  }
  metadata.links = [
    ...(url ? [{ url, title: 'Endpoint', icon: 'cloud' }] : []),
    ...dashboardLink(
      context,
      `/kserve-endpoints/details/${namespace}/${name}`,
      'KServe endpoints',
    ),
  ];
  const owner = ownerOf(context, namespace);
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata,
      spec: {
        type: KUBEFLOW_ENTITY_TYPES.modelServer,
        lifecycle: 'production',
        owner,
        providesApis: [`api:${context.cluster}/${apiName}`],
        ...(served
          ? {
              dependsOn: [
                modelVersionRef(served.model, served.version, context),
              ],
            }
          : {}),
        ...(sourceComponent(isvc).length
          ? { dependencyOf: sourceComponent(isvc) }
          : {}),
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: apiName,
        namespace: context.cluster,
        title: `${name} inference API`,
        description: `KServe ${protocol} inference protocol of ${name}${
          url ? ` at ${url}` : ''
        }.`,
        tags: ['kubeflow', 'inference', 'kserve'],
        annotations: {
          [ANNOTATION_KUBEFLOW_CLUSTER]: context.cluster,
          [ANNOTATION_KUBEFLOW_NAMESPACE]: namespace!,
          [ANNOTATION_KUBEFLOW_NAME]: name,
          [ANNOTATION_KUBEFLOW_KIND]: 'InferenceService',
        },
      },
      spec: {
        type: 'openapi',
        lifecycle: 'production',
        owner,
        definition: inferenceOpenApi(name, protocol, url),
      },
    },
  ];
}

/** A small OpenAPI description of KServe's v1 or v2 (Open Inference Protocol) REST API. */
function inferenceOpenApi(
  name: string,
  protocol: string,
  url?: string,
): string {
  const v2 = protocol.includes('v2');
  const path = v2 ? `/v2/models/${name}/infer` : `/v1/models/${name}:predict`;
  return JSON.stringify(
    {
      openapi: '3.0.3',
      info: {
        title: `${name} (KServe ${v2 ? 'Open Inference Protocol v2' : 'v1'})`,
        version: protocol,
      },
      servers: url ? [{ url }] : [],
      paths: {
        [path]: {
          post: {
            summary: v2 ? 'Run inference' : 'Predict',
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: v2
                    ? {
                        type: 'object',
                        required: ['inputs'],
                        properties: {
                          inputs: {
                            type: 'array',
                            items: {
                              type: 'object',
                              required: ['name', 'shape', 'datatype', 'data'],
                              properties: {
                                name: { type: 'string' },
                                shape: {
                                  type: 'array',
                                  items: { type: 'integer' },
                                },
                                datatype: { type: 'string' },
                                data: { type: 'array', items: {} },
                              },
                            },
                          },
                        },
                      }
                    : {
                        type: 'object',
                        properties: { instances: { type: 'array', items: {} } },
                      },
                },
              },
            },
            responses: { '200': { description: 'Predictions' } },
          },
        },
      },
    },
    null,
    2,
  );
}

/**
 * An InferenceGraph as a Component of type `inference-graph` that depends on the
 * InferenceServices its steps call: the router type and the steps, node by node.
 */
export function inferenceGraphToEntity(
  graph: InferenceGraph,
  context: TransformContext,
): Entity {
  const { namespace, name } = graph.metadata;
  const summary = inferenceGraphSummary(graph);
  const nodes = summary.nodes
    .map(
      n =>
        `${n.name}: ${n.routerType} of ${
          n.steps.map(s => s.target).join(', ') || 'no step'
        }`,
    )
    .join('; ');
  const metadata = kubernetesMetadata(context, graph, {
    labelSelector: `serving.kserve.io/inferencegraph=${name}`,
    description: `KServe inference graph (${
      summary.routerType ?? 'no root node'
    }) — ${nodes}. State: ${kserveReadyState(graph).message}.`,
    tags: [
      'kserve',
      'inference-graph',
      (summary.routerType ?? '').toLowerCase(),
    ].filter(Boolean),
  });
  return servingComponent(context, graph, metadata, {
    type: KUBEFLOW_ENTITY_TYPES.inferenceGraph,
    ...(summary.services.length
      ? {
          dependsOn: summary.services.map(
            s =>
              `component:${context.cluster}/${kubeflowEntityName(
                namespace!,
                s,
              )}`,
          ),
        }
      : {}),
  });
}

/** An LLMInferenceService as a `model-server` Component: the model it serves and how. */
export function llmInferenceServiceToEntity(
  service: LLMInferenceService,
  context: TransformContext,
): Entity {
  const { name } = service.metadata;
  const summary = llmInferenceServiceSummary(service);
  const parallelism = Object.entries(summary.parallelism)
    .map(([k, v]) => `${k} parallelism ${v}`)
    .join(', ');
  const details = [
    `${summary.replicas} replica(s)`,
    summary.gpus ? `${summary.gpus} GPU each` : '',
    summary.image ? `image ${summary.image}` : '',
    parallelism,
    ...summary.features,
  ].filter(Boolean);
  const metadata = kubernetesMetadata(context, service, {
    labelSelector: `app.kubernetes.io/name=${name}`,
    description: `Serves the LLM ${summary.modelName ?? summary.modelUri} (${
      summary.modelUri
    })${service.status?.url ? ` at ${service.status.url}` : ''}; ${details.join(
      ', ',
    )}. State: ${kserveReadyState(service).message}.`,
    tags: ['model-server', 'kserve', 'llm', summary.gpus ? 'gpu' : ''].filter(
      Boolean,
    ),
  });
  return servingComponent(context, service, metadata, {
    type: KUBEFLOW_ENTITY_TYPES.modelServer,
  });
}

/** A serving Component in production, owned by its profile, linking to its URL when it has one. */
function servingComponent(
  context: TransformContext,
  object: { metadata: { namespace?: string }; status?: { url?: string } },
  metadata: Entity['metadata'],
  spec: { type: string } & Record<string, unknown>,
): Entity {
  if (object.status?.url)
    metadata.links = [
      { url: object.status.url, title: 'Endpoint', icon: 'cloud' },
    ];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata,
    spec: {
      lifecycle: 'production',
      owner: ownerOf(context, object.metadata.namespace),
      ...spec,
    },
  };
}
