import { HttpAuthService } from '@backstage/backend-plugin-api';
import { KubeflowClusterSummary } from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusterConfig } from '@kubeflow-backstage/plugin-kubeflow-node';
import express from 'express';
import Router from 'express-promise-router';

/** Builds the plugin's express router. */
export async function createRouter(options: {
  clusters: KubeflowClusterConfig[];
  httpAuth: HttpAuthService;
}): Promise<express.Router> {
  const { clusters, httpAuth } = options;
  const router = Router();
  router.use(express.json());

  // The configured clusters, as the browser may see them: no URL, no credential.
  router.get('/clusters', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user'] });
    const body: KubeflowClusterSummary[] = clusters.map(cluster => ({
      name: cluster.name,
      title: cluster.title,
      ...(cluster.dashboardUrl ? { dashboardUrl: cluster.dashboardUrl } : {}),
    }));
    res.json(body);
  });

  return router;
}
