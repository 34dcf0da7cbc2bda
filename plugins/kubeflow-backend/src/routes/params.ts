import { InputError, NotFoundError } from '@backstage/errors';
import {
  KubeflowClusterConfig,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import { z } from 'zod';

const rfc1123 = z
  .string()
  .max(253)
  .regex(
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    'must be a lower-case RFC 1123 name',
  );

const namespacedParams = z.object({
  cluster: z.string().min(1),
  namespace: rfc1123,
  name: rfc1123.optional(),
});

/** The cluster, namespace and (optional) name of a route, validated; unknown clusters are 404. */
export function namespacedTarget(
  clusters: KubeflowClusters,
  params: unknown,
): { cluster: KubeflowClusterConfig; namespace: string; name?: string } {
  const parsed = namespacedParams.safeParse(params);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  }
  const cluster = clusters.clusters.find(c => c.name === parsed.data.cluster);
  if (!cluster)
    throw new NotFoundError(`No Kubeflow cluster '${parsed.data.cluster}'`);
  return { cluster, namespace: parsed.data.namespace, name: parsed.data.name };
}

/** Parses a request body with a zod schema into an InputError on failure. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map(i => `${i.path.join('.') || 'body'}: ${i.message}`)
        .join('; '),
    );
  }
  return parsed.data;
}
