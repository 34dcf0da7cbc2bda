import { ConfigReader } from '@backstage/config';
import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import {
  clientOf,
  clusterOf,
  eventually,
  startTestSandbox,
} from './__testUtils__/sandbox';
import { KubeflowClusters } from './KubeflowClusters';

describe('KubeflowClusters against the sandbox', () => {
  let sandbox: Sandbox;
  let clusters: KubeflowClusters;

  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: 'demo' });
    clusters = new KubeflowClusters({
      clusters: [clusterOf(sandbox)],
      cache: { pollMs: 100 },
    });
  });
  afterEach(async () => {
    clusters.stop();
    sandbox.faults.clear();
    await sandbox.stop();
  });

  it('discovers the components, and reports a missing one as absent, not as an error', async () => {
    const all = await clusters.components('sandbox');
    expect(all.error).toBeUndefined();
    expect(all.resources).toMatchObject({
      notebooks: true,
      inferenceservices: true,
      trainjobs: true,
    });
    expect(all).toMatchObject({ pipelines: true, modelRegistry: true });

    sandbox.faults.set({ missingGroups: ['serving.kserve.io'] });
    const fresh = new KubeflowClusters({ clusters: [clusterOf(sandbox)] });
    const withoutKserve = await fresh.components('sandbox');
    expect(withoutKserve.error).toBeUndefined();
    expect(withoutKserve.resources.inferenceservices).toBe(false);
    expect(withoutKserve.resources.notebooks).toBe(true);
  });

  it('polls the Model Registry into the cache and sees changes incrementally', async () => {
    const models = await clusters.cache.list('sandbox', 'modelregistry.models');
    expect(models.length).toBeGreaterThan(0);
    const mr = `${
      clusters.client('sandbox').cluster.modelRegistryUrl
    }/api/model_registry/v1alpha3`;
    const created = await clusters.client('sandbox').request({
      method: 'POST',
      path: `${mr}/registered_models`,
      body: { name: 'churn-predictor', owner: 'carol@example.com' },
    });
    await eventually(
      () =>
        !!clusters.cache
          .source('sandbox', 'modelregistry.models')
          .get(created.id),
      'the new model in the cache',
    );
    await clusters.client('sandbox').request({
      method: 'PATCH',
      path: `${mr}/registered_models/${created.id}`,
      body: { description: 'Predicts churn' },
    });
    await eventually(
      () =>
        clusters.cache.source('sandbox', 'modelregistry.models').get(created.id)
          ?.description === 'Predicts churn',
      'the update in the cache',
    );
  });

  it('polls KFP pipelines into the cache', async () => {
    const pipelines = await clusters.cache.list('sandbox', 'kfp.pipelines');
    expect(pipelines.length).toBeGreaterThan(0);
    expect(pipelines[0].pipeline_id).toEqual(expect.any(String));
  });

  it('retries a failing read and gets the answer', async () => {
    sandbox.faults.set({ errors: { '503': 0.5 }, errorPathPrefix: '/version' });
    const client = clientOf(sandbox);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.request({ path: '/version', retries: 8 }),
      ),
    );
    expect(results.every(r => typeof r.gitVersion === 'string')).toBe(true);
  });

  it('reads its clusters from config, the Kubernetes plugin lending the URL', () => {
    const fromConfig = KubeflowClusters.fromConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [{ name: 'sandbox', url: sandbox.url }],
            },
          ],
        },
        kubeflow: { clusters: [{ name: 'sandbox' }] },
      }),
    );
    expect(fromConfig.client('sandbox').cluster.url).toBe(sandbox.url);
    expect(() => fromConfig.client('other')).toThrow(
      /Unknown Kubeflow cluster/,
    );
    fromConfig.stop();
  });
});
