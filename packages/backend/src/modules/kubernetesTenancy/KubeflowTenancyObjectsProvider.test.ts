import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubernetesObjectsProvider } from '@backstage/plugin-kubernetes-node';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { KubeflowClusters } from '@kubeflow-backstage/plugin-kubeflow-node';
import { KubeflowTenancyObjectsProvider } from './KubeflowTenancyObjectsProvider';

const users = ['dave', 'erin', 'guest', 'nomail'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { profile: name === 'nomail' ? {} : { email: `${name}@example.com` } },
}));

const entity = (namespace?: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'registered-by-anyone',
    annotations: {
      ...(namespace ? { 'backstage.io/kubernetes-namespace': namespace } : {}),
      'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/part-of!=x',
    },
  },
});

/** What the Kubernetes plugin fetched as the portal's identity: one Kubeflow cluster, one other. */
const fetched = {
  items: ['sandbox', 'apps-cluster'].map(name => ({
    cluster: { name },
    resources: [],
    podMetrics: [],
    errors: [],
  })),
};

describe('KubeflowTenancyObjectsProvider', () => {
  let sandbox: Sandbox;
  let provider: KubeflowTenancyObjectsProvider;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'demo',
      timeScale: 0.01,
      logger: { warn: () => {} },
    });
    const inner: KubernetesObjectsProvider = {
      getKubernetesObjectsByEntity: async () => fetched,
      getCustomResourcesByEntity: async () => fetched,
    };
    provider = new KubeflowTenancyObjectsProvider({
      inner,
      clusters: new KubeflowClusters({
        clusters: [
          {
            name: 'sandbox',
            title: 'sandbox',
            url: sandbox.url,
            authProvider: 'none',
            pipelinesUrl: `${sandbox.url}/kfp`,
            modelRegistryUrl: `${sandbox.url}/mr`,
          },
        ],
      }),
      catalog: catalogServiceMock({ entities: users }),
      auth: mockServices.auth(),
    });
  }, 60_000);
  afterAll(() => sandbox.stop());

  const clustersFor = async (
    user: string,
    namespace?: string,
    custom?: string,
  ) => {
    const credentials = mockCredentials.user(`user:default/${user}`);
    const response = custom
      ? await provider.getCustomResourcesByEntity(
          {
            entity: entity(namespace),
            auth: {},
            customResources: [{ group: '', apiVersion: 'v1', plural: custom }],
          },
          { credentials },
        )
      : await provider.getKubernetesObjectsByEntity(
          { entity: entity(namespace), auth: {} },
          { credentials },
        );
    return response.items.map(i => i.cluster.name);
  };

  it('keeps a Kubeflow cluster’s objects for users who may list them in that namespace', async () => {
    expect(await clustersFor('guest', 'team-vision')).toEqual([
      'sandbox',
      'apps-cluster',
    ]);
  });

  it('drops them for anyone else, for a cluster-wide query and for users without identity', async () => {
    expect(await clustersFor('guest', 'team-forecasting')).toEqual([
      'apps-cluster',
    ]);
    expect(await clustersFor('guest', 'kubeflow')).toEqual(['apps-cluster']);
    expect(await clustersFor('dave')).toEqual(['apps-cluster']);
    expect(await clustersFor('nomail', 'team-vision')).toEqual([
      'apps-cluster',
    ]);
  });

  it('checks custom resources as the resource itself: a viewer gets no Secrets, an editor does', async () => {
    expect(await clustersFor('erin', 'team-vision', 'secrets')).toEqual([
      'apps-cluster',
    ]);
    expect(await clustersFor('erin', 'team-vision', 'pods')).toEqual([
      'sandbox',
      'apps-cluster',
    ]);
    expect(await clustersFor('dave', 'team-vision', 'secrets')).toEqual([
      'sandbox',
      'apps-cluster',
    ]);
  });
});
