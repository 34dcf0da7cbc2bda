import { ConfigReader } from '@backstage/config';
import { readKubeflowClustersConfig } from './config';

describe('readKubeflowClustersConfig', () => {
  it('reuses the URL and token of the Kubernetes plugin cluster of the same name', () => {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'prod',
                url: 'https://prod.example.com/',
                authProvider: 'serviceAccount',
                serviceAccountToken: 'token-1',
              },
            ],
          },
        ],
      },
      kubeflow: { clusters: [{ name: 'prod', title: 'Production' }] },
    });
    expect(readKubeflowClustersConfig(config)).toEqual([
      {
        name: 'prod',
        title: 'Production',
        url: 'https://prod.example.com',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'token-1',
        caData: undefined,
        dashboardUrl: undefined,
        pipelinesUrl:
          'https://prod.example.com/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy',
        modelRegistryUrl:
          'https://prod.example.com/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy',
      },
    ]);
  });

  it('rejects a cluster without a URL and a duplicate name', () => {
    expect(() =>
      readKubeflowClustersConfig(
        new ConfigReader({ kubeflow: { clusters: [{ name: 'x' }] } }),
      ),
    ).toThrow(/has no url/);
    expect(() =>
      readKubeflowClustersConfig(
        new ConfigReader({
          kubeflow: {
            clusters: [
              { name: 'x', url: 'http://a' },
              { name: 'x', url: 'http://b' },
            ],
          },
        }),
      ),
    ).toThrow(/configured twice/);
  });
});
