import {
  kubeflowInferenceServiceReadPermission,
  kubeflowInferenceServiceUpdatePermission,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { CallerResolver } from '../services/CallerResolver';
import { endpointDto } from '../services/dtos';
import { cachedReadRoutes } from './cachedReads';
import { objectActionRoute } from './objectActions';
import { parseBody } from './params';

const ISVCS = { group: 'serving.kserve.io', resource: 'inferenceservices' };

const replicasBody = z
  .object({
    minReplicas: z.number().int().min(0).max(100),
    maxReplicas: z.number().int().min(1).max(100),
  })
  .refine(
    b => b.minReplicas <= b.maxReplicas,
    'minReplicas must not exceed maxReplicas',
  );

/**
 * Endpoint (InferenceService) routes: reads from the cache; canary promote (all traffic to the
 * latest revision), rollback (all traffic back to the previous one) and replica changes go to the
 * cluster as the signed-in user, each idempotent (a merge patch of the desired value).
 */
export function endpointRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();
  const base = '/clusters/:cluster/namespaces/:namespace/inferenceservices';

  cachedReadRoutes(router, {
    clusters,
    callers,
    base,
    resource: 'inferenceservices',
    group: ISVCS.group,
    permission: kubeflowInferenceServiceReadPermission,
    label: 'endpoint',
    toDto: endpointDto,
    order: (a, b) => a.metadata.name.localeCompare(b.metadata.name),
  });

  /** The body is parsed into the predictor's desired values, sent as a merge patch (idempotent). */
  const patchRoute = (
    action: string,
    predictorPatch: (body: unknown) => Record<string, unknown>,
  ) =>
    objectActionRoute(router, {
      clusters,
      callers,
      base,
      action,
      resource: 'inferenceservices',
      permission: kubeflowInferenceServiceUpdatePermission,
      parse: predictorPatch,
      change: (_current, predictor) => ({ spec: { predictor } }),
      toDto: endpointDto,
    });

  patchRoute('promote', () => ({ canaryTrafficPercent: null }));
  patchRoute('rollback', () => ({ canaryTrafficPercent: 0 }));
  patchRoute('replicas', body => parseBody(replicasBody, body));

  return router;
}
