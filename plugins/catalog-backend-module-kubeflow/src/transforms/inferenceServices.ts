import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  InferenceService,
  KUBEFLOW_ENTITY_TYPES,
  RegistrySnapshot,
  inferenceServiceDisplayState,
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

/**
 * An InferenceService as a Component of type `model-server` that provides its inference API and
 * depends on the model version it serves.
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
  const model = isvc.spec?.predictor.model;
  const url = isvc.status?.url;
  const apiName = kubeflowEntityName(namespace!, `${name}-inference`);
  const protocol = model?.protocolVersion ?? 'v1';
  const metadata = kubernetesMetadata(context, isvc, {
    labelSelector: `serving.kserve.io/inferenceservice=${name}`,
    description: `Serves ${
      served
        ? `${served.model.name} ${served.version.name}`
        : model?.storageUri ?? 'a model'
    }${model?.modelFormat?.name ? ` (${model.modelFormat.name})` : ''}${
      url ? ` at ${url}` : ''
    }. State: ${state.message}.${
      traffic.canary
        ? ` Canary: ${traffic.latestPercent}% on the latest revision.`
        : ''
    }`,
    tags: [
      'model-server',
      'kserve',
      model?.modelFormat?.name?.toLowerCase() ?? '',
    ].filter(t => /^[a-z0-9:+#-]+$/.test(t)),
  });
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
