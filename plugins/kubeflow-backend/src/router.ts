import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ClusterStatusDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  ClusterRequestError,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import express from 'express';
import Router from 'express-promise-router';
import { endpointRoutes } from './routes/endpoints';
import { liveRoutes } from './routes/live';
import { katibRoutes } from './routes/katib';
import { metricsRoutes } from './routes/metrics';
import { pipelineRoutes } from './routes/pipelines';
import { runRoutes } from './routes/runs';
import { sparkRoutes } from './routes/spark';
import { trainingRoutes } from './routes/training';
import { modelRoutes } from './routes/models';
import { notebookRoutes } from './routes/notebooks';
import { profileRoutes } from './routes/profiles';
import { servingRuntimeRoutes } from './routes/servingRuntimes';
import { CallerResolver } from './services/CallerResolver';

/** A cluster's refusal or failure as the error a Backstage client understands. */
function translate(error: unknown): unknown {
  if (!(error instanceof ClusterRequestError)) return error;
  const message = `${error.cluster}: ${error.message}`;
  if (error.status === 403 || error.status === 401)
    return new NotAllowedError(message);
  if (error.status === 404) return new NotFoundError(message);
  if (error.status === 409) return new ConflictError(message);
  if (error.status === 400 || error.status === 422)
    return new InputError(message);
  return new ServiceUnavailableError(message);
}

/** Builds the plugin's express router. */
export async function createRouter(options: {
  clusters: KubeflowClusters;
  httpAuth: HttpAuthService;
  callers: CallerResolver;
}): Promise<express.Router> {
  const { clusters, httpAuth, callers } = options;
  const router = Router();
  router.use(express.json());

  // The configured clusters with their state and components: no URL, no credential.
  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    const body: ClusterStatusDto[] = await Promise.all(
      clusters.clusters.map(async cluster => {
        const components = await clusters.components(cluster.name);
        const health = clusters.cache.health(cluster.name);
        const r = components.resources;
        return {
          name: cluster.name,
          title: cluster.title,
          ...(cluster.dashboardUrl
            ? { dashboardUrl: cluster.dashboardUrl }
            : {}),
          state: components.error ? 'unreachable' : health.state,
          staleSince: health.staleSince,
          lastError: components.error ?? health.lastError,
          ...(components.error
            ? {}
            : {
                components: {
                  notebooks: r.notebooks,
                  serving: r.inferenceservices,
                  pipelines: components.pipelines,
                  modelRegistry: components.modelRegistry,
                  katib: r.experiments,
                  training: r.trainjobs,
                  spark: r.sparkapplications,
                },
              }),
        };
      }),
    );
    res.json(body);
  });

  router.use(profileRoutes({ clusters, callers }));
  router.use(notebookRoutes({ clusters, callers }));
  router.use(endpointRoutes({ clusters, callers }));
  router.use(modelRoutes({ clusters, callers }));
  router.use(servingRuntimeRoutes({ clusters, callers }));
  router.use(liveRoutes({ clusters, callers }));
  router.use(pipelineRoutes({ clusters, callers }));
  router.use(runRoutes({ clusters, callers }));
  router.use(katibRoutes({ clusters, callers }));
  router.use(trainingRoutes({ clusters, callers }));
  router.use(sparkRoutes({ clusters, callers }));
  router.use(metricsRoutes({ clusters, callers }));
  router.use(
    (
      error: unknown,
      _req: express.Request,
      _res: express.Response,
      next: express.NextFunction,
    ) => next(translate(error)),
  );
  return router;
}
