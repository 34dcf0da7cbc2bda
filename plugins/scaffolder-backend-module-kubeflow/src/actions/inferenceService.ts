import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_KUBEFLOW_ID,
  ANNOTATION_KUBEFLOW_KIND,
  ServingRuntimeSummary,
  automaticServingRuntime,
  inferenceServiceDisplayState,
  servingRuntimeProblem,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  listModelRegistry,
  listServingRuntimes,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import { ClusterSession, KubeflowActionEnv } from '../services/ClusterSession';
import {
  checkTarget,
  clusterInput,
  nameInput,
  namespaceInput,
  sourceAnnotations,
  sourceComponentInput,
  timeoutInput,
  waitInput,
} from './common';
import { entityLink, objectOutputs } from './entityLinks';
import { checkName, checkQuantity, printable } from './inputs';
import { examples } from './inferenceService.examples';

const MR_API = '/api/model_registry/v1alpha3';

/**
 * The runtime for a model format: the one asked for (it must serve the format), else the one
 * automatic selection takes (the shared rule in kubeflow-common, which the runtime picker shows).
 */
export function pickRuntime(
  runtimes: ServingRuntimeSummary[],
  format: string,
  version: string | undefined,
  wanted?: string,
): ServingRuntimeSummary {
  if (wanted) {
    const problem = servingRuntimeProblem(runtimes, wanted, format, version);
    if (problem) throw new InputError(problem);
    return runtimes.find(r => r.name === wanted)!;
  }
  const runtime = automaticServingRuntime(runtimes, format, version);
  if (!runtime) {
    throw new InputError(
      `No ServingRuntime on the cluster serves ${format}${
        version ? ` ${version}` : ''
      } models; ask an operator to install one`,
    );
  }
  return runtime;
}

/**
 * `kubeflow:inferenceservice:deploy` — serves a registered model version: looks up its artifact
 * (URI, format) in the Model Registry, picks a compatible ServingRuntime, applies a KServe
 * InferenceService as the user and records the deployment in the registry (serving environment
 * + inference service record). Optionally waits until the endpoint is Ready.
 *
 * @public
 */
export function createInferenceServiceDeployAction(
  env: KubeflowActionEnv & { catalog: CatalogService },
) {
  return createTemplateAction({
    id: 'kubeflow:inferenceservice:deploy',
    description:
      'Deploys a registered model version as a KServe InferenceService and records it in the Model Registry, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: namespaceInput,
        name: nameInput('endpoint (InferenceService)'),
        model: z =>
          z
            .string()
            .describe(
              'The registered model: its catalog entity ref (ai-model) or its registry name',
            ),
        version: z =>
          z
            .string()
            .optional()
            .describe('Version name (default: the latest live version)'),
        runtime: z =>
          z
            .string()
            .optional()
            .describe(
              'ServingRuntime (default: one that serves the model format)',
            ),
        minReplicas: z =>
          z
            .number()
            .int()
            .min(0)
            .max(100)
            .optional()
            .describe('Minimum replicas (0 scales to zero)'),
        maxReplicas: z =>
          z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe('Maximum replicas'),
        cpu: z =>
          z
            .string()
            .optional()
            .describe('CPU request of the predictor, e.g. 1'),
        memory: z =>
          z
            .string()
            .optional()
            .describe('Memory request of the predictor, e.g. 2Gi'),
        sourceComponent: sourceComponentInput,
        waitForReady: waitInput('endpoint is Ready'),
        timeoutSeconds: timeoutInput,
      },
      output: {
        ...objectOutputs,
        modelVersionId: z =>
          z.string().describe('Registry id of the served version'),
        storageUri: z =>
          z.string().describe('Where the model artifact is stored'),
        runtime: z => z.string().describe('The ServingRuntime chosen'),
        endpointUrl: z =>
          z.string().optional().describe('Inference URL, once Ready'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      checkTarget(input);
      if (input.runtime) checkName(input.runtime, 'runtime');
      if (
        input.minReplicas !== undefined &&
        input.maxReplicas !== undefined &&
        input.minReplicas > input.maxReplicas
      ) {
        throw new InputError(
          `minReplicas ${input.minReplicas} exceeds maxReplicas ${input.maxReplicas}`,
        );
      }
      const requests: Record<string, string> = {};
      if (input.cpu) requests.cpu = checkQuantity(input.cpu, 'cpu');
      if (input.memory) requests.memory = checkQuantity(input.memory, 'memory');
      const session = await ClusterSession.open(env, ctx, input.cluster);
      // The Model Registry does no per-user authorization of its own: the user's right to
      // create the endpoint in the namespace is checked here, then the registry is called with
      // the portal's identity.
      await session.authorize({
        verb: 'create',
        group: 'serving.kserve.io',
        resource: 'inferenceservices',
        namespace: input.namespace,
      });
      const mr = `${session.client.cluster.modelRegistryUrl}${MR_API}`;
      const mrGet = (path: string, what: string) =>
        session.portalRequest({ path: `${mr}${path}` }, what);

      // 1. The model: a catalog entity ref, or a registry name.
      let model: any;
      let versionFromEntity: string | undefined;
      if (/^[a-z]+:/i.test(input.model) || input.model.includes('/')) {
        const entity = await env.catalog.getEntityByRef(input.model, {
          credentials: await ctx.getInitiatorCredentials(),
        });
        const id = entity?.metadata.annotations?.[ANNOTATION_KUBEFLOW_ID];
        const kind = entity?.metadata.annotations?.[ANNOTATION_KUBEFLOW_KIND];
        if (
          !entity ||
          !id ||
          (kind !== 'RegisteredModel' && kind !== 'ModelVersion')
        ) {
          throw new InputError(
            `${printable(
              input.model,
            )} is not a registered model or model version in the catalog`,
          );
        }
        if (kind === 'ModelVersion') {
          const v = await mrGet(
            `/model_versions/${encodeURIComponent(id)}`,
            'read the model version',
          );
          versionFromEntity = v.id;
          model = await mrGet(
            `/registered_models/${encodeURIComponent(v.registeredModelId)}`,
            'read the model',
          );
        } else {
          model = await mrGet(
            `/registered_models/${encodeURIComponent(id)}`,
            'read the model',
          );
        }
      } else {
        model = await session
          .portalRequest(
            { path: `${mr}/registered_model`, query: { name: input.model } },
            `find model ${input.model}`,
          )
          .catch(error => {
            if (error instanceof NotFoundError) {
              throw new InputError(
                `No registered model named '${printable(input.model)}'`,
              );
            }
            throw error;
          });
      }
      ctx.logger.info(`Model ${model.name} (${model.id})`);

      // 2. The version and its artifact.
      const versions = await listModelRegistry(session.client, {
        url: `${mr}/registered_models/${encodeURIComponent(model.id)}/versions`,
        orderBy: 'CREATE_TIME',
        sortOrder: 'DESC',
      });
      let version: any;
      if (versionFromEntity) {
        version = versions.find(v => v.id === versionFromEntity);
      } else if (input.version) {
        version = versions.find(v => v.name === input.version);
      } else {
        version = versions.find(v => v.state !== 'ARCHIVED');
      }
      if (!version) {
        throw new InputError(
          `Model ${model.name} has no ${
            input.version
              ? `version '${printable(input.version)}'`
              : 'live version'
          }; versions: ${versions.map(v => v.name).join(', ') || 'none'}`,
        );
      }
      if (version.state === 'ARCHIVED') {
        throw new InputError(
          `Version ${version.name} of ${model.name} is archived`,
        );
      }
      const artifacts = await listModelRegistry(session.client, {
        url: `${mr}/model_versions/${encodeURIComponent(version.id)}/artifacts`,
      });
      const artifact = artifacts.find(
        a => a.artifactType === 'model-artifact' && a.uri,
      );
      if (!artifact) {
        throw new InputError(
          `Version ${version.name} of ${model.name} has no model artifact with a URI`,
        );
      }
      const format = artifact.modelFormatName;
      if (!format) {
        throw new InputError(
          `The artifact of ${model.name} ${version.name} has no model format; register it with one (e.g. sklearn, onnx)`,
        );
      }
      ctx.logger.info(
        `Version ${version.name}: ${artifact.uri} (${format}${
          artifact.modelFormatVersion ? ` ${artifact.modelFormatVersion}` : ''
        })`,
      );

      // 3. A runtime that serves the format.
      const runtimes = await listServingRuntimes(session.client, {
        namespace: input.namespace,
        as: session.identity,
      });
      const runtime = pickRuntime(
        runtimes,
        format,
        artifact.modelFormatVersion,
        input.runtime,
      );
      ctx.logger.info(`Runtime ${runtime.name}`);

      const labels = (recordId?: string): Record<string, string> => ({
        'modelregistry.kubeflow.org/registered-model-id': String(model.id),
        'modelregistry.kubeflow.org/model-version-id': String(version.id),
        ...(recordId
          ? {
              'modelregistry.kubeflow.org/inference-service-id':
                String(recordId),
            }
          : {}),
      });
      const manifest = (recordId?: string) => ({
        apiVersion: 'serving.kserve.io/v1beta1',
        kind: 'InferenceService',
        metadata: {
          name: input.name,
          namespace: input.namespace,
          labels: labels(recordId),
          annotations: sourceAnnotations(input.sourceComponent),
        },
        spec: {
          predictor: {
            ...(input.minReplicas !== undefined
              ? { minReplicas: input.minReplicas }
              : {}),
            ...(input.maxReplicas !== undefined
              ? { maxReplicas: input.maxReplicas }
              : {}),
            model: {
              modelFormat: {
                name: format,
                ...(artifact.modelFormatVersion
                  ? { version: String(artifact.modelFormatVersion) }
                  : {}),
              },
              runtime: runtime.name,
              storageUri: artifact.uri,
              ...(Object.keys(requests).length
                ? { resources: { requests } }
                : {}),
            },
          },
        },
      });

      // 4. Validate (server dry run) before recording anything; on a dry run stop there.
      const link = entityLink(
        session.cluster,
        'component',
        input.namespace,
        input.name,
      );
      const finish = (url?: string) => {
        ctx.output('name', input.name);
        ctx.output('namespace', input.namespace);
        ctx.output('entityRef', link.entityRef);
        ctx.output('url', link.url);
        ctx.output('modelVersionId', String(version.id));
        ctx.output('storageUri', artifact.uri);
        ctx.output('runtime', runtime.name);
        if (url) ctx.output('endpointUrl', url);
      };
      if (session.dryRun) {
        await session.apply([manifest()]);
        finish();
        return;
      }

      // 5. Record the deployment in the registry (its serving environment is the namespace).
      const environment =
        (await session
          .portalRequest(
            {
              path: `${mr}/serving_environment`,
              query: { name: input.namespace },
            },
            'find the serving environment',
          )
          .catch(error => {
            if (error instanceof NotFoundError) return undefined;
            throw error;
          })) ??
        (await session.portalRequest(
          {
            method: 'POST',
            path: `${mr}/serving_environments`,
            body: {
              name: input.namespace,
              description: `KServe in namespace ${input.namespace}`,
            },
          },
          'create the serving environment',
        ));
      const records = await listModelRegistry(session.client, {
        url: `${mr}/serving_environments/${encodeURIComponent(
          environment.id,
        )}/inference_services`,
      });
      const existing = records.find(r => r.name === input.name);
      const recordBody = {
        modelVersionId: String(version.id),
        runtime: runtime.name,
        desiredState: 'DEPLOYED',
      };
      let record = existing;
      if (!existing) {
        record = await session.portalRequest(
          {
            method: 'POST',
            path: `${mr}/serving_environments/${encodeURIComponent(
              environment.id,
            )}/inference_services`,
            body: {
              name: input.name,
              registeredModelId: String(model.id),
              servingEnvironmentId: String(environment.id),
              ...recordBody,
            },
          },
          'record the deployment in the registry',
        );
      } else if (
        existing.modelVersionId !== recordBody.modelVersionId ||
        existing.runtime !== recordBody.runtime ||
        existing.desiredState !== 'DEPLOYED'
      ) {
        record = await session.portalRequest(
          {
            method: 'PATCH',
            path: `${mr}/inference_services/${encodeURIComponent(existing.id)}`,
            body: recordBody,
          },
          'update the registry record',
        );
      }
      ctx.logger.info(
        `Recorded the deployment in the Model Registry (${record.id})`,
      );

      // 6. The InferenceService itself.
      await session.apply([manifest(record.id)]);
      let url: string | undefined;
      if (input.waitForReady) {
        const ready = await session.waitFor(
          manifest(record.id),
          'to be Ready',
          input.timeoutSeconds ?? 300,
          current => {
            const state = inferenceServiceDisplayState(current);
            return {
              done: state.phase === 'ready',
              failed: state.phase === 'error' ? state.message : undefined,
              state: state.message,
            };
          },
        );
        url = ready.status?.url;
        ctx.logger.info(
          `Endpoint ${input.name} is Ready${url ? ` at ${url}` : ''}`,
        );
      }
      finish(url);
    },
  });
}
