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
import { checkImage, checkName, printable } from './inputs';
import { examples } from './spark.examples';

/** Spark's own memory format (`512m`, `2g`): a number and an optional unit. */
function checkSparkMemory(value: string, field: string): string {
  if (!/^[1-9]\d*[kmgt]?$/i.test(value)) {
    throw new InputError(
      `${field} '${printable(
        value,
      )}' is not a Spark memory size (e.g. 512m, 2g)`,
    );
  }
  return value;
}

/**
 * `kubeflow:spark:submit` — a SparkApplication for the Spark operator, as the user.
 *
 * @public
 */
export function createSparkSubmitAction(env: KubeflowActionEnv) {
  return createTemplateAction({
    id: 'kubeflow:spark:submit',
    description:
      'Submits (creates or updates) a SparkApplication to the Spark operator, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: namespaceInput,
        name: nameInput('Spark application'),
        type: z =>
          z
            .enum(['Python', 'Scala', 'Java', 'R'])
            .describe('Application language'),
        mainApplicationFile: z =>
          z
            .string()
            .describe(
              'The application: local:///… path in the image, or s3a://…, https://…',
            ),
        mainClass: z =>
          z.string().optional().describe('Main class (Scala / Java)'),
        arguments: z =>
          z.array(z.string()).optional().describe('Application arguments'),
        image: z =>
          z
            .string()
            .optional()
            .describe('Spark image (default docker.io/apache/spark:4.0.4)'),
        sparkVersion: z =>
          z.string().optional().describe('Spark version (default 4.0.4)'),
        driverCores: z =>
          z
            .number()
            .int()
            .min(1)
            .max(64)
            .optional()
            .describe('Driver cores (default 1)'),
        driverMemory: z =>
          z
            .string()
            .optional()
            .describe('Driver memory, Spark format (default 1g)'),
        executorInstances: z =>
          z
            .number()
            .int()
            .min(1)
            .max(1000)
            .optional()
            .describe('Executors (default 2)'),
        executorCores: z =>
          z
            .number()
            .int()
            .min(1)
            .max(64)
            .optional()
            .describe('Cores per executor (default 1)'),
        executorMemory: z =>
          z.string().optional().describe('Memory per executor (default 1g)'),
        serviceAccount: z =>
          z
            .string()
            .optional()
            .describe(
              "Driver service account (default default-editor, the profile's)",
            ),
        sourceComponent: sourceComponentInput,
      },
      output: objectOutputs,
    },
    async handler(ctx) {
      const { input } = ctx;
      checkTarget(input);
      const image = checkImage(
        input.image ?? 'docker.io/apache/spark:4.0.4',
        'image',
      );
      if (
        !/^(local|file|s3a?|gs|hdfs|https?):\/\/\S+$/.test(
          input.mainApplicationFile,
        )
      ) {
        throw new InputError(
          `mainApplicationFile '${printable(
            input.mainApplicationFile,
          )}' must be a URI (local:///…, s3a://…, https://…)`,
        );
      }
      if (
        (input.type === 'Scala' || input.type === 'Java') &&
        !input.mainClass
      ) {
        throw new InputError(
          `mainClass is required for a ${input.type} application`,
        );
      }
      if (
        input.mainClass &&
        !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(input.mainClass)
      ) {
        throw new InputError(
          `mainClass '${printable(input.mainClass)}' is not a class name`,
        );
      }
      const sparkVersion = input.sparkVersion ?? '4.0.4';
      if (!/^\d+\.\d+(\.\d+)?$/.test(sparkVersion)) {
        throw new InputError(
          `sparkVersion '${printable(
            sparkVersion,
          )}' is not a version like 4.0.4`,
        );
      }
      const serviceAccount = checkName(
        input.serviceAccount ?? 'default-editor',
        'serviceAccount',
      );
      const session = await ClusterSession.open(env, ctx, input.cluster);
      const manifest = {
        apiVersion: 'sparkoperator.k8s.io/v1beta2',
        kind: 'SparkApplication',
        metadata: {
          name: input.name,
          namespace: input.namespace,
          annotations: sourceAnnotations(input.sourceComponent),
        },
        spec: {
          type: input.type,
          mode: 'cluster',
          image,
          imagePullPolicy: 'IfNotPresent',
          ...(input.mainClass ? { mainClass: input.mainClass } : {}),
          mainApplicationFile: input.mainApplicationFile,
          ...(input.arguments?.length ? { arguments: input.arguments } : {}),
          sparkVersion,
          restartPolicy: { type: 'Never' },
          driver: {
            cores: input.driverCores ?? 1,
            memory: checkSparkMemory(
              input.driverMemory ?? '1g',
              'driverMemory',
            ),
            serviceAccount,
          },
          executor: {
            instances: input.executorInstances ?? 2,
            cores: input.executorCores ?? 1,
            memory: checkSparkMemory(
              input.executorMemory ?? '1g',
              'executorMemory',
            ),
          },
        },
      };
      ctx.logger.info(
        `Submitting SparkApplication ${input.namespace}/${input.name} as ${session.identity.user}`,
      );
      await session.apply([manifest]);
      outputObject(ctx, session.cluster, input.namespace, input.name);
    },
  });
}
