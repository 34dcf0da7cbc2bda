import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
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
import { checkImage, checkQuantity, printable } from './inputs';
import { examples } from './katibExperiment.examples';

const PARAMETER_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,62}$/;

/** A search-space parameter as the form gives it. */
interface ParameterInput {
  name: string;
  type: 'double' | 'int' | 'categorical' | 'discrete';
  min?: string | number;
  max?: string | number;
  step?: string | number;
  values?: Array<string | number>;
}

function feasibleSpace(p: ParameterInput): Record<string, unknown> {
  if (p.type === 'categorical' || p.type === 'discrete') {
    if (!p.values?.length) {
      throw new InputError(
        `parameter ${p.name}: a ${p.type} parameter needs values`,
      );
    }
    const list = p.values.map(String);
    if (p.type === 'discrete' && list.some(v => !Number.isFinite(Number(v)))) {
      throw new InputError(
        `parameter ${p.name}: discrete values must be numbers`,
      );
    }
    return { list };
  }
  const num = (v: unknown, what: string) => {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isFinite(n)) {
      throw new InputError(`parameter ${p.name}: ${what} must be a number`);
    }
    if (p.type === 'int' && !Number.isInteger(n)) {
      throw new InputError(`parameter ${p.name}: ${what} must be an integer`);
    }
    return n;
  };
  const min = num(p.min, 'min');
  const max = num(p.max, 'max');
  if (!(min < max)) {
    throw new InputError(
      `parameter ${p.name}: min ${min} must be below max ${max}`,
    );
  }
  return {
    min: String(min),
    max: String(max),
    ...(p.step !== undefined ? { step: String(num(p.step, 'step')) } : {}),
  };
}

/**
 * `kubeflow:katib:experiment:create` — a Katib hyperparameter-tuning Experiment whose trials are
 * batch Jobs running the user's training image with the parameters as `--name=value` arguments.
 *
 * @public
 */
export function createKatibExperimentCreateAction(env: KubeflowActionEnv) {
  return createTemplateAction({
    id: 'kubeflow:katib:experiment:create',
    description:
      'Creates (or updates) a Katib hyperparameter-tuning experiment, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: namespaceInput,
        name: nameInput('experiment'),
        objectiveType: z =>
          z
            .enum(['maximize', 'minimize'])
            .describe('Maximize or minimize the objective metric'),
        objectiveMetric: z =>
          z
            .string()
            .describe(
              'Metric the training prints as `name=value`, e.g. accuracy',
            ),
        goal: z =>
          z
            .number()
            .optional()
            .describe('Stop when the metric reaches this value'),
        additionalMetrics: z =>
          z.array(z.string()).optional().describe('Other metrics to collect'),
        algorithm: z =>
          z
            .enum([
              'random',
              'grid',
              'bayesianoptimization',
              'tpe',
              'multivariate-tpe',
              'cmaes',
              'hyperband',
            ])
            .optional()
            .describe('Search algorithm (default random)'),
        parameters: z =>
          z
            .array(
              z.object({
                name: z
                  .string()
                  .describe('Parameter name, passed as --<name>=<value>'),
                type: z
                  .enum(['double', 'int', 'categorical', 'discrete'])
                  .describe('Parameter type'),
                min: z
                  .union([z.string(), z.number()])
                  .optional()
                  .describe('Lower bound (double, int)'),
                max: z
                  .union([z.string(), z.number()])
                  .optional()
                  .describe('Upper bound (double, int)'),
                step: z
                  .union([z.string(), z.number()])
                  .optional()
                  .describe('Step (optional)'),
                values: z
                  .array(z.union([z.string(), z.number()]))
                  .optional()
                  .describe('Values (categorical, discrete)'),
              }),
            )
            .min(1)
            .describe('The search space'),
        maxTrialCount: z =>
          z
            .number()
            .int()
            .min(1)
            .max(1000)
            .optional()
            .describe('Trials in all (default 12)'),
        parallelTrialCount: z =>
          z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe('Trials at once (default 3)'),
        maxFailedTrialCount: z =>
          z
            .number()
            .int()
            .min(0)
            .max(1000)
            .optional()
            .describe('Failed trials tolerated (default 3)'),
        image: z => z.string().describe('Training image of each trial'),
        command: z =>
          z
            .array(z.string())
            .min(1)
            .describe(
              'Training command; the parameters are appended as --name=value',
            ),
        cpu: z =>
          z.string().optional().describe('CPU limit per trial (default 1)'),
        memory: z =>
          z
            .string()
            .optional()
            .describe('Memory limit per trial (default 2Gi)'),
        sourceComponent: sourceComponentInput,
      },
      output: objectOutputs,
    },
    async handler(ctx) {
      const { input } = ctx;
      checkTarget(input);
      const image = checkImage(input.image, 'image');
      const metric = /^[a-zA-Z][\w.-]{0,62}$/;
      for (const m of [
        input.objectiveMetric,
        ...(input.additionalMetrics ?? []),
      ]) {
        if (!metric.test(m))
          throw new InputError(`metric name '${printable(m)}' is not valid`);
      }
      const names = new Set<string>();
      for (const p of input.parameters) {
        if (!PARAMETER_NAME.test(p.name)) {
          throw new InputError(
            `parameter name '${printable(
              p.name,
            )}' must start with a letter and hold only letters, digits, '_' and '-'`,
          );
        }
        if (names.has(p.name))
          throw new InputError(`parameter ${p.name} is listed twice`);
        names.add(p.name);
      }
      const parameters = input.parameters.map((p: ParameterInput) => ({
        name: p.name,
        parameterType: p.type,
        feasibleSpace: feasibleSpace(p),
      }));
      const maxTrialCount = input.maxTrialCount ?? 12;
      const parallelTrialCount = input.parallelTrialCount ?? 3;
      if (parallelTrialCount > maxTrialCount) {
        throw new InputError(
          `parallelTrialCount ${parallelTrialCount} exceeds maxTrialCount ${maxTrialCount}`,
        );
      }
      const limits = {
        cpu: checkQuantity(input.cpu ?? '1', 'cpu'),
        memory: checkQuantity(input.memory ?? '2Gi', 'memory'),
      };
      const trialName = (name: string) =>
        name.replace(/[-_](\w)/g, (_m, c) => c.toUpperCase());
      const session = await ClusterSession.open(env, ctx, input.cluster);
      const manifest = {
        apiVersion: 'kubeflow.org/v1beta1',
        kind: 'Experiment',
        metadata: {
          name: input.name,
          namespace: input.namespace,
          annotations: sourceAnnotations(input.sourceComponent),
        },
        spec: {
          objective: {
            type: input.objectiveType,
            objectiveMetricName: input.objectiveMetric,
            ...(input.goal !== undefined ? { goal: input.goal } : {}),
            ...(input.additionalMetrics?.length
              ? { additionalMetricNames: input.additionalMetrics }
              : {}),
          },
          algorithm: { algorithmName: input.algorithm ?? 'random' },
          parallelTrialCount,
          maxTrialCount,
          maxFailedTrialCount: input.maxFailedTrialCount ?? 3,
          parameters,
          trialTemplate: {
            primaryContainerName: 'training-container',
            trialParameters: input.parameters.map((p: ParameterInput) => ({
              name: trialName(p.name),
              description: `${p.name} of the training`,
              reference: p.name,
            })),
            trialSpec: {
              apiVersion: 'batch/v1',
              kind: 'Job',
              spec: {
                template: {
                  spec: {
                    containers: [
                      {
                        name: 'training-container',
                        image,
                        command: [
                          ...input.command,
                          ...input.parameters.map(
                            (p: ParameterInput) =>
                              `--${p.name}=\${trialParameters.${trialName(
                                p.name,
                              )}}`,
                          ),
                        ],
                        resources: { limits },
                      },
                    ],
                    restartPolicy: 'Never',
                  },
                },
              },
            },
          },
        },
      };
      ctx.logger.info(
        `Creating Katib experiment ${input.namespace}/${input.name} (${parameters.length} parameters, ${maxTrialCount} trials) as ${session.identity.user}`,
      );
      await session.apply([manifest]);
      outputObject(ctx, session.cluster, input.namespace, input.name);
    },
  });
}
