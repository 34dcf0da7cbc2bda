import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ClusterRequestError } from '@kubeflow-backstage/plugin-kubeflow-node';
import { ClusterSession, KubeflowActionEnv } from '../services/ClusterSession';
import {
  checkTarget,
  clusterInput,
  nameInput,
  namespaceInput,
  sourceAnnotations,
  sourceComponentInput,
} from './common';
import { objectOutputs, outputObject } from './entityLinks';
import { checkEnvName, checkImage, checkName, checkQuantity } from './inputs';
import { examples } from './trainJob.examples';

/**
 * `kubeflow:trainjob:create` — a Kubeflow Trainer TrainJob on a training runtime, as the user.
 *
 * @public
 */
export function createTrainJobCreateAction(env: KubeflowActionEnv) {
  return createTemplateAction({
    id: 'kubeflow:trainjob:create',
    description:
      'Creates (or updates) a Kubeflow Trainer TrainJob on a training runtime, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: namespaceInput,
        name: nameInput('training job'),
        runtime: z =>
          z
            .string()
            .optional()
            .describe('Training runtime, e.g. torch-distributed (default)'),
        runtimeKind: z =>
          z
            .enum(['ClusterTrainingRuntime', 'TrainingRuntime'])
            .optional()
            .describe('Cluster-wide runtime (default) or one in the namespace'),
        image: z => z.string().describe('Trainer container image'),
        command: z =>
          z
            .array(z.string())
            .optional()
            .describe('Entrypoint, e.g. [torchrun, train.py]'),
        args: z => z.array(z.string()).optional().describe('Arguments'),
        numNodes: z =>
          z
            .number()
            .int()
            .min(1)
            .max(1000)
            .optional()
            .describe('Training nodes (default 1)'),
        cpu: z =>
          z.string().optional().describe('CPU request per node, e.g. 4'),
        memory: z =>
          z.string().optional().describe('Memory request per node, e.g. 16Gi'),
        gpus: z =>
          z
            .number()
            .int()
            .min(0)
            .max(16)
            .optional()
            .describe('GPUs per node (nvidia.com/gpu)'),
        env: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('Environment variables'),
        sourceComponent: sourceComponentInput,
      },
      output: objectOutputs,
    },
    async handler(ctx) {
      const { input } = ctx;
      checkTarget(input);
      const runtime = checkName(
        input.runtime ?? 'torch-distributed',
        'runtime',
      );
      const runtimeKind = input.runtimeKind ?? 'ClusterTrainingRuntime';
      const image = checkImage(input.image, 'image');
      for (const key of Object.keys(input.env ?? {})) checkEnvName(key, 'env');
      const requests: Record<string, string> = {};
      if (input.cpu) requests.cpu = checkQuantity(input.cpu, 'cpu');
      if (input.memory) requests.memory = checkQuantity(input.memory, 'memory');
      const limits: Record<string, string> = input.gpus
        ? { 'nvidia.com/gpu': String(input.gpus) }
        : {};
      const session = await ClusterSession.open(env, ctx, input.cluster);
      // The runtime is operator configuration: read with the portal's identity.
      const runtimePath =
        runtimeKind === 'ClusterTrainingRuntime'
          ? `/apis/trainer.kubeflow.org/v1alpha1/clustertrainingruntimes/${runtime}`
          : `/apis/trainer.kubeflow.org/v1alpha1/namespaces/${input.namespace}/trainingruntimes/${runtime}`;
      await session.client.request({ path: runtimePath }).catch(error => {
        if (error instanceof ClusterRequestError && error.status === 404) {
          throw new InputError(
            `${runtimeKind} '${runtime}' does not exist on ${session.cluster}`,
          );
        }
        throw error;
      });
      const manifest = {
        apiVersion: 'trainer.kubeflow.org/v1alpha1',
        kind: 'TrainJob',
        metadata: {
          name: input.name,
          namespace: input.namespace,
          annotations: sourceAnnotations(input.sourceComponent),
        },
        spec: {
          runtimeRef: {
            apiGroup: 'trainer.kubeflow.org',
            kind: runtimeKind,
            name: runtime,
          },
          trainer: {
            image,
            numNodes: input.numNodes ?? 1,
            ...(input.command?.length ? { command: input.command } : {}),
            ...(input.args?.length ? { args: input.args } : {}),
            ...(input.env
              ? {
                  env: Object.entries(input.env).map(([name, value]) => ({
                    name,
                    value,
                  })),
                }
              : {}),
            ...(Object.keys(requests).length || Object.keys(limits).length
              ? {
                  resourcesPerNode: {
                    ...(Object.keys(requests).length ? { requests } : {}),
                    ...(Object.keys(limits).length ? { limits } : {}),
                  },
                }
              : {}),
          },
        },
      };
      ctx.logger.info(
        `Creating TrainJob ${input.namespace}/${input.name} on ${runtimeKind} ${runtime} as ${session.identity.user}`,
      );
      await session.apply([manifest]);
      outputObject(ctx, session.cluster, input.namespace, input.name);
    },
  });
}
