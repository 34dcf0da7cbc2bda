import { DEMO_PROFILES, DEMO_USERS } from './index';
import { startSeededCluster } from './__fixtures__/demoCluster';
import { waitFor } from '../controllers/__fixtures__/harness';
import { call } from '../services/__fixtures__/requests';
import type { TestCluster } from '../controllers/__fixtures__/harness';

describe('demo seed', () => {
  let cluster: ReturnType<typeof startSeededCluster>;
  beforeAll(() => {
    cluster = startSeededCluster('demo', { timeScale: 0.01 });
  });
  afterAll(() => (cluster as TestCluster).stop());

  it('creates the demo profiles with owners and contributors', () => {
    const { store } = cluster;
    expect(DEMO_USERS.map(u => u.email)).toEqual([
      'alice@example.com',
      'bob@example.com',
      'carol@example.com',
      'dave@example.com',
      'erin@example.com',
      'guest@example.com',
    ]);
    for (const p of DEMO_PROFILES) {
      expect(
        (store.get('profiles.kubeflow.org', undefined, p.name)!.spec as any)
          .owner.name,
      ).toBe(p.owner);
      expect(
        store.get('namespaces', undefined, p.name)!.metadata.annotations!.owner,
      ).toBe(p.owner);
      const bindings = store
        .list('rolebindings.rbac.authorization.k8s.io', p.name)
        .filter(b => b.metadata.annotations?.user);
      const roles = Object.fromEntries(
        bindings.map(b => [
          b.metadata.annotations!.user,
          b.metadata.annotations!.role,
        ]),
      );
      expect(roles).toEqual({
        [p.owner]: 'admin',
        ...Object.fromEntries(p.contributors.map(c => [c.user, c.role])),
      });
    }
    expect(
      store.get(
        'rolebindings.rbac.authorization.k8s.io',
        'team-vision',
        'user-guest-example-com-clusterrole-edit',
      ),
    ).toBeDefined();
  });

  it('starts in the settled state and the controllers keep it', async () => {
    const { store } = cluster;
    await new Promise(r => setTimeout(r, 300));
    const nb = store.get(
      'notebooks.kubeflow.org',
      'team-vision',
      'resnet-finetune',
    ) as any;
    expect(nb.status.readyReplicas).toBe(1);
    expect(store.get('pods', 'team-vision', 'resnet-finetune-0')).toBeDefined();
    const stopped = store.get(
      'notebooks.kubeflow.org',
      'team-vision',
      'vscode-dev',
    ) as any;
    expect(stopped.status.readyReplicas).toBe(0);
    expect(
      stopped.metadata.annotations['kubeflow-resource-stopped'],
    ).toBeDefined();
    const canary = store.get(
      'inferenceservices.serving.kserve.io',
      'team-vision',
      'resnet50-vision',
    ) as any;
    expect(
      canary.status.components.predictor.traffic.map((t: any) => [
        t.tag,
        t.percent,
      ]),
    ).toEqual([
      ['latest', 10],
      ['prev', 90],
    ]);
    expect(
      canary.status.conditions.find((c: any) => c.type === 'Ready').status,
    ).toBe('True');
    expect(
      canary.metadata.labels['modelregistry.kubeflow.org/registered-model-id'],
    ).toMatch(/^\d+$/);
    const failing = store.get(
      'inferenceservices.serving.kserve.io',
      'team-nlp',
      'sentiment-legacy',
    ) as any;
    expect(failing.status.modelStatus.transitionStatus).toBe(
      'BlockedByFailedLoad',
    );
    const exp = store.get(
      'experiments.kubeflow.org',
      'team-vision',
      'resnet-lr-tuning',
    ) as any;
    expect(exp.status.trials).toBe(12);
    expect(exp.status.trialsSucceeded + exp.status.trialsFailed).toBe(12);
    expect(exp.status.currentOptimalTrial.bestTrialName).toMatch(
      /^resnet-lr-tuning-/,
    );
    const spark = store.get(
      'sparkapplications.sparkoperator.k8s.io',
      'team-nlp',
      'corpus-dedup',
    ) as any;
    expect(spark.status.applicationState.state).toBe('COMPLETED');
    const done = store.get(
      'trainjobs.trainer.kubeflow.org',
      'team-vision',
      'resnet50-ddp',
    ) as any;
    expect(done.status.jobsStatus[0].succeeded).toBe(2);
    // Running things progress.
    await waitFor(
      () =>
        (
          store.get(
            'trainjobs.trainer.kubeflow.org',
            'team-vision',
            'vit-pretrain',
          )!.status as any
        ).trainerStatus.progressPercentage > 40,
    );
    await waitFor(() =>
      store
        .list('trials.kubeflow.org', 'team-vision')
        .some(
          t =>
            t.metadata.labels?.['katib.kubeflow.org/experiment'] ===
            'resnet-augment-search',
        ),
    );
  });

  it('serves the demo pipelines, runs and models through the services', async () => {
    const kfp = cluster.services['kubeflow/ml-pipeline:8888'];
    const runs = await call(
      kfp,
      'GET',
      '/apis/v2beta1/runs?namespace=team-vision&sort_by=created_at%20desc',
    );
    expect(runs.body.total_size).toBe(4);
    const states = runs.body.runs.map((r: any) => r.state);
    expect(states).toEqual(expect.arrayContaining(['SUCCEEDED', 'FAILED']));
    const succeeded = runs.body.runs.find((r: any) => r.state === 'SUCCEEDED');
    expect(
      succeeded.run_details.task_details.filter(
        (t: any) => t.state === 'SUCCEEDED',
      ),
    ).toHaveLength(5);
    const pipelines = await call(
      kfp,
      'GET',
      '/apis/v2beta1/pipelines?namespace=team-nlp',
    );
    const versions = await call(
      kfp,
      'GET',
      `/apis/v2beta1/pipelines/${pipelines.body.pipelines[0].pipeline_id}/versions`,
    );
    expect(versions.body.total_size).toBe(2);
    const recurring = await call(
      kfp,
      'GET',
      '/apis/v2beta1/recurringruns?namespace=team-vision',
    );
    expect(recurring.body.recurringRuns[0]).toMatchObject({
      display_name: 'nightly-retrain',
      status: 'ENABLED',
    });
    const mr = cluster.services['kubeflow/model-registry-service:8080'];
    const models = await call(
      mr,
      'GET',
      '/api/model_registry/v1alpha3/registered_models?pageSize=10',
    );
    expect(models.body.items.map((m: any) => m.name)).toEqual([
      'resnet50-vision',
      'bert-sentiment',
      'demand-forecast-xgb',
      'fraud-detection',
    ]);
    const v = await call(
      mr,
      'GET',
      `/api/model_registry/v1alpha3/model_version?name=2.0.0&parentResourceId=${models.body.items[0].id}`,
    );
    expect(v.body.customProperties.kfp_run_id.string_value).toBe(
      runs.body.runs.find(
        (r: any) => r.display_name === 'train-resnet50-lr-0005',
      ).run_id,
    );
    const isvcs = await call(
      mr,
      'GET',
      '/api/model_registry/v1alpha3/inference_services',
    );
    expect(isvcs.body.size).toBe(4);
  });
});

describe('scale seed', () => {
  it('creates N objects across many namespaces quickly', () => {
    const started = Date.now();
    const cluster = startSeededCluster('scale:20000', { validate: true });
    const elapsed = Date.now() - started;
    try {
      const { store } = cluster;
      const count =
        store.list('notebooks.kubeflow.org').length +
        store.list('inferenceservices.serving.kserve.io').length +
        store.list('trainjobs.trainer.kubeflow.org').length;
      const kfp = (cluster.services['kubeflow/ml-pipeline:8888'] as any)
        .repository.runs.size;
      const models = (
        cluster.services['kubeflow/model-registry-service:8080'] as any
      ).repository.all('registered_models').length;
      expect(count + kfp + models).toBe(20000);
      expect(
        new Set(
          store.list('notebooks.kubeflow.org').map(n => n.metadata.namespace),
        ).size,
      ).toBeGreaterThanOrEqual(12);
      expect(elapsed).toBeLessThan(15000);
    } finally {
      cluster.stop();
    }
  });
});
