import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { kubeflowPlugin } from './plugin';

describe('kubeflow backend plugin', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        kubeflowPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubeflow: {
              clusters: [
                {
                  name: 'prod',
                  title: 'Production',
                  url: 'https://prod.example.com',
                  serviceAccountToken: 'secret-canary-123',
                  dashboardUrl: 'https://kubeflow.example.com',
                },
              ],
            },
          },
        }),
      ],
    });
    return server;
  }

  it('lists the configured clusters without URL or token', async () => {
    const server = await start();
    const response = await request(server)
      .get('/api/kubeflow/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      {
        name: 'prod',
        title: 'Production',
        dashboardUrl: 'https://kubeflow.example.com',
      },
    ]);
    expect(JSON.stringify(response.body)).not.toContain('secret-canary-123');
  });

  it('refuses an unauthenticated caller', async () => {
    const server = await start();
    const response = await request(server)
      .get('/api/kubeflow/clusters')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });
});
