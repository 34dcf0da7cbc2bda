import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

describe('readKubeflowClustersConfig in a pod', () => {
  let dir: string;
  const env = {
    KUBERNETES_SERVICE_HOST: '10.96.0.1',
    KUBERNETES_SERVICE_PORT: '443',
  };
  const inClusterConfig = new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [
            {
              name: 'kubeflow',
              url: 'https://kubernetes.default.svc',
              authProvider: 'serviceAccount',
            },
          ],
        },
      ],
    },
    kubeflow: { clusters: [{ name: 'kubeflow' }] },
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeflow-sa-'));
    fs.writeFileSync(path.join(dir, 'token'), 'mounted-token');
    fs.writeFileSync(path.join(dir, 'ca.crt'), 'CA PEM');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('connects in-cluster when the Kubernetes plugin cluster does (serviceAccount, no token)', () => {
    const [cluster] = readKubeflowClustersConfig(inClusterConfig, {
      serviceAccountDir: dir,
      env,
    });
    expect(cluster).toMatchObject({
      name: 'kubeflow',
      authProvider: 'inCluster',
      url: 'https://10.96.0.1:443',
      serviceAccountTokenFile: path.join(dir, 'token'),
      caData: Buffer.from('CA PEM').toString('base64'),
      pipelinesUrl:
        'https://10.96.0.1:443/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy',
    });
    expect(cluster.serviceAccountToken).toBeUndefined();
  });

  it('brackets an IPv6 service host and accepts an explicit inCluster without any Kubernetes plugin cluster', () => {
    const [cluster] = readKubeflowClustersConfig(
      new ConfigReader({
        kubeflow: { clusters: [{ name: 'k', authProvider: 'inCluster' }] },
      }),
      {
        serviceAccountDir: dir,
        env: {
          KUBERNETES_SERVICE_HOST: 'fd00::1',
          KUBERNETES_SERVICE_PORT: '6443',
        },
      },
    );
    expect(cluster.url).toBe('https://[fd00::1]:6443');
  });

  it('says clearly when it is not in a pod, and rejects an unknown authProvider', () => {
    expect(() =>
      readKubeflowClustersConfig(inClusterConfig, {
        serviceAccountDir: dir,
        env: {},
      }),
    ).toThrow(/KUBERNETES_SERVICE_HOST.*not running in a pod/);
    fs.rmSync(path.join(dir, 'token'));
    expect(() =>
      readKubeflowClustersConfig(inClusterConfig, {
        serviceAccountDir: dir,
        env,
      }),
    ).toThrow(/token does not exist/);
    expect(() =>
      readKubeflowClustersConfig(
        new ConfigReader({
          kubeflow: {
            clusters: [{ name: 'x', url: 'http://a', authProvider: 'oidc' }],
          },
        }),
      ),
    ).toThrow(/authProvider 'oidc'; expected one of/);
  });
});
