import { InputError } from '@backstage/errors';
import {
  kubeflowInferenceServiceReadPermission,
  servingRuntimeOptions,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KubeflowClusters,
  listServingRuntimes,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CallerResolver } from '../services/CallerResolver';
import { namespacedTarget } from './params';

const runtimesQuery = z
  .object({
    format: z
      .string()
      .regex(
        /^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/,
        'must be a model format name such as onnx or sklearn',
      ),
    formatVersion: z
      .string()
      .regex(/^[A-Za-z0-9][-A-Za-z0-9_.+]{0,31}$/, 'must be a version')
      .optional(),
  })
  .strict();

/**
 * The serving runtimes a model format can be deployed with in a namespace, for the deploy form's
 * runtime picker: read per request (not cached, as a form is not a page view), the namespace's
 * ServingRuntimes as the signed-in user, with the one the deploy action would pick by itself.
 */
export function servingRuntimeRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();

  router.get(
    '/clusters/:cluster/namespaces/:namespace/servingruntimes',
    async (req, res) => {
      const parsed = runtimesQuery.safeParse(req.query);
      if (!parsed.success) {
        throw new InputError(
          parsed.error.issues
            .map(i => `${i.path.join('.') || 'query'}: ${i.message}`)
            .join('; '),
        );
      }
      const { cluster, namespace } = namespacedTarget(clusters, req.params);
      const caller = await callers.caller(req);
      await callers.authorize(
        caller,
        cluster.name,
        kubeflowInferenceServiceReadPermission,
        {
          verb: 'list',
          group: 'serving.kserve.io',
          resource: 'servingruntimes',
          namespace,
        },
      );
      const runtimes = await listServingRuntimes(
        clusters.client(cluster.name),
        {
          namespace,
          as: caller.identity,
        },
      );
      res.json(
        servingRuntimeOptions(
          runtimes,
          parsed.data.format,
          parsed.data.formatVersion,
        ),
      );
    },
  );

  return router;
}
