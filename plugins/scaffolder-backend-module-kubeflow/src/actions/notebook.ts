import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { notebookDisplayState } from '@kubeflow-backstage/plugin-kubeflow-common';
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
import { NotebookSpawnerConfig } from './config';
import { objectOutputs, outputObject } from './entityLinks';
import {
  checkEnvName,
  checkImage,
  checkQuantity,
  printable,
  scaleQuantity,
} from './inputs';
import { examples } from './notebook.examples';

const SERVER_TYPES = {
  jupyter: {},
  'group-one': { 'notebooks.kubeflow.org/http-rewrite-uri': '/' },
  'group-two': {
    'notebooks.kubeflow.org/http-rewrite-uri': '/',
    'notebooks.kubeflow.org/http-headers-request-set':
      '{"X-RStudio-Root-Path":"/notebook/{namespace}/{name}/"}',
  },
} as const;

/**
 * `kubeflow:notebook:create` — a Kubeflow Notebook server as the Jupyter web app spawns it
 * (image, CPU/memory requests with limits by the spawner's factors, GPUs, server type), applied as
 * the user; optionally waits until it is ready.
 *
 * @public
 */
export function createNotebookCreateAction(
  env: KubeflowActionEnv & { spawner: NotebookSpawnerConfig },
) {
  return createTemplateAction({
    id: 'kubeflow:notebook:create',
    description:
      'Creates (or updates) a Kubeflow notebook server in a profile namespace, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: namespaceInput,
        name: nameInput('notebook server'),
        image: z =>
          z
            .string()
            .optional()
            .describe(
              `Container image (default ${env.spawner.images[0]}); the operator's list of images applies`,
            ),
        serverType: z =>
          z
            .enum(['jupyter', 'group-one', 'group-two'])
            .optional()
            .describe(
              'jupyter (JupyterLab), group-one (VS Code-like) or group-two (RStudio-like); default jupyter',
            ),
        cpu: z =>
          z
            .string()
            .optional()
            .describe(
              `CPU request, e.g. 0.5 or 500m (default ${env.spawner.cpu})`,
            ),
        memory: z =>
          z
            .string()
            .optional()
            .describe(
              `Memory request, e.g. 1Gi (default ${env.spawner.memory})`,
            ),
        gpus: z =>
          z
            .number()
            .int()
            .min(0)
            .max(16)
            .optional()
            .describe('NVIDIA GPUs (limit nvidia.com/gpu); default 0'),
        env: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe('Environment variables of the server container'),
        sourceComponent: sourceComponentInput,
        waitForReady: waitInput('notebook server is ready'),
        timeoutSeconds: timeoutInput,
      },
      output: objectOutputs,
    },
    async handler(ctx) {
      const { input } = ctx;
      checkTarget(input);
      const image = checkImage(input.image ?? env.spawner.images[0], 'image');
      if (
        !env.spawner.allowCustomImage &&
        !env.spawner.images.includes(image)
      ) {
        throw new InputError(
          `image '${printable(
            image,
          )}' is not one of the images the operator offers: ${env.spawner.images.join(
            ', ',
          )}`,
        );
      }
      const cpu = checkQuantity(input.cpu ?? env.spawner.cpu, 'cpu');
      const memory = checkQuantity(
        input.memory ?? env.spawner.memory,
        'memory',
      );
      for (const key of Object.keys(input.env ?? {})) checkEnvName(key, 'env');
      const limits: Record<string, string> = {};
      if (env.spawner.cpuLimitFactor)
        limits.cpu = scaleQuantity(cpu, env.spawner.cpuLimitFactor);
      if (env.spawner.memoryLimitFactor)
        limits.memory = scaleQuantity(memory, env.spawner.memoryLimitFactor);
      if (input.gpus) limits['nvidia.com/gpu'] = String(input.gpus);

      const session = await ClusterSession.open(env, ctx, input.cluster);
      const serverType = input.serverType ?? 'jupyter';
      const manifest = {
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: {
          name: input.name,
          namespace: input.namespace,
          labels: { app: input.name },
          annotations: {
            'notebooks.kubeflow.org/server-type': serverType,
            'notebooks.kubeflow.org/creator': session.identity.user,
            ...SERVER_TYPES[serverType],
            ...sourceAnnotations(input.sourceComponent),
          },
        },
        spec: {
          template: {
            spec: {
              serviceAccountName: 'default-editor',
              containers: [
                {
                  name: input.name,
                  image,
                  imagePullPolicy: 'IfNotPresent',
                  resources: { requests: { cpu, memory }, limits },
                  ...(input.env
                    ? {
                        env: Object.entries(input.env).map(([name, value]) => ({
                          name,
                          value,
                        })),
                      }
                    : {}),
                  volumeMounts: [{ name: 'dshm', mountPath: '/dev/shm' }],
                },
              ],
              volumes: [{ name: 'dshm', emptyDir: { medium: 'Memory' } }],
            },
          },
        },
      };
      ctx.logger.info(
        `Creating notebook server ${input.namespace}/${input.name} (${image}) as ${session.identity.user}`,
      );
      await session.apply([manifest]);
      if (input.waitForReady && !session.dryRun) {
        await session.waitFor(
          manifest,
          'to be ready',
          input.timeoutSeconds ?? 300,
          current => {
            const state = notebookDisplayState(current);
            return {
              done: state.phase === 'ready',
              state: state.message,
              failed: state.phase === 'error' ? state.message : undefined,
            };
          },
        );
        ctx.logger.info(`Notebook server ${input.name} is ready`);
      }
      outputObject(ctx, session.cluster, input.namespace, input.name);
    },
  });
}
