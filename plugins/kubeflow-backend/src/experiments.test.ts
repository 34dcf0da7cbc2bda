import { Sandbox, resolveSpecsDir } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'fs';
import http from 'http';
import { join } from 'path';
import request from 'supertest';
import { as, startKubeflowTestBackend } from './__testUtils__/testBackend';

const API = '/api/kubeflow/clusters/sandbox';
const KFP =
  '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/apis/v2beta1';
const MR =
  '/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy/api/model_registry/v1alpha3';

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

describe('experimentation routes against the sandbox', () => {
  let sandbox: Sandbox;
  let server: http.Server;
  let pipelineId: string;
  let onCluster: (path: string, init?: RequestInit) => Promise<any>;
  const get = (path: string, user: string) =>
    request(server).get(`${API}${path}`).set('Authorization', as(user));
  const post = (path: string, user: string, body?: object) =>
    request(server)
      .post(`${API}${path}`)
      .set('Authorization', as(user))
      .send(body ?? {});
  const vision = '/namespaces/team-vision';
  const runsOnCluster = async () =>
    (
      await onCluster(
        `${KFP}/runs?namespace=team-vision&page_size=200&filter=${encodeURIComponent(
          JSON.stringify({ predicates: [] }),
        )}`,
      )
    ).total_size;

  beforeAll(async () => {
    ({ sandbox, server, onCluster } = await startKubeflowTestBackend());
    const pipelines = await onCluster(
      `${KFP}/pipelines?namespace=team-vision&page_size=20`,
    );
    pipelineId = pipelines.pipelines.find(
      (p: any) => p.name === 'image-classifier-training',
    ).pipeline_id;
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('shows a pipeline’s versions with their declared inputs and DAG, to its profile only', async () => {
    const res = await get(`/pipelines/${pipelineId}`, 'erin');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'image-classifier-training',
      namespace: 'team-vision',
    });
    const [latest, first] = res.body.versions;
    expect([latest.displayName, first.displayName]).toEqual(['v2', 'v1']);
    expect(latest.parameters.map((p: any) => [p.name, p.type])).toEqual([
      ['epochs', 'NUMBER_INTEGER'],
      ['learning_rate', 'NUMBER_DOUBLE'],
      ['dataset', 'STRING'],
    ]);
    expect(latest.tasks).toContainEqual(
      expect.objectContaining({
        name: 'train-resnet',
        dependsOn: ['preprocess-images'],
        image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
      }),
    );
    expect(latest.tasks.map((t: any) => t.name)).toContain('register-model');
    expect((await get(`/pipelines/${pipelineId}`, 'bob')).status).toBe(403);
    expect((await get('/pipelines/no-such-pipeline', 'alice')).status).toBe(
      404,
    );
  });

  it('pages, filters, searches and sorts a pipeline’s runs on the server', async () => {
    const runs = `${vision}/runs?pipelineId=${pipelineId}`;
    const first = await get(`${runs}&pageSize=2`, 'erin');
    expect(first.body.error?.message).toBeUndefined();
    expect(first.status).toBe(200);
    expect(first.body.runs).toHaveLength(2);
    expect(first.body.totalSize).toBeGreaterThanOrEqual(4);
    expect(first.body.nextPageToken).toBeTruthy();
    const second = await get(
      `${vision}/runs?pageSize=2&pageToken=${encodeURIComponent(
        first.body.nextPageToken,
      )}`,
      'erin',
    );
    expect(second.body.runs).toHaveLength(2);
    const ids = [...first.body.runs, ...second.body.runs].map((r: any) => r.id);
    expect(new Set(ids).size).toBe(4);

    const failed = await get(`${runs}&state=FAILED`, 'erin');
    expect(failed.body.runs.map((r: any) => r.name)).toEqual([
      'train-resnet50-bad-labels',
    ]);
    expect(failed.body.runs[0].display.phase).toBe('error');
    const search = await get(`${runs}&search=lr-0005`, 'erin');
    expect(search.body.runs.map((r: any) => r.name)).toEqual([
      'train-resnet50-lr-0005',
    ]);
    const sorted = await get(`${runs}&sort=display_name&order=asc`, 'erin');
    const names = sorted.body.runs.map((r: any) => r.name);
    expect(names).toEqual([...names].sort());

    expect((await get(`${runs}`, 'bob')).status).toBe(403);
    expect((await get(`${vision}/runs?pageSize=500`, 'erin')).status).toBe(400);
    expect((await get(`${vision}/runs?state=BROKEN`, 'erin')).status).toBe(400);
  });

  it('shows a failed run’s DAG, failing task error and pod, and a run’s registered outputs', async () => {
    const list = await get(
      `${vision}/runs?pipelineId=${pipelineId}&pageSize=20`,
      'erin',
    );
    const byName = (n: string) => list.body.runs.find((r: any) => r.name === n);
    const failed = await get(
      `${vision}/runs/${byName('train-resnet50-bad-labels').id}`,
      'erin',
    );
    expect(failed.status).toBe(200);
    expect(failed.body.graph.map((t: any) => t.name)).toEqual([
      'preprocess-images',
      'train-resnet',
      'evaluate-model',
      'register-model',
    ]);
    const failing = failed.body.tasks.find((t: any) => t.state === 'FAILED');
    expect(failing).toMatchObject({ name: 'register-model' });
    expect(failing.error).toMatch(/RuntimeError/);
    expect(failing.podName).toMatch(/system-container-impl/);
    expect(failed.body.parameters).toMatchObject({
      dataset: 's3://datasets/defects/v4-unreviewed',
    });
    const good = await get(
      `${vision}/runs/${byName('train-resnet50-lr-0005').id}`,
      'erin',
    );
    expect(good.body.outputs).toEqual([
      {
        model: 'resnet50-vision',
        version: '2.0.0',
        uri: 's3://models/team-vision/resnet50-vision/2.0.0/',
        metrics: { accuracy: 0.951 },
      },
    ]);
    expect(good.body.tasks.every((t: any) => t.durationSeconds >= 0)).toBe(
      true,
    );
    // Another profile's run is not found through this profile.
    const nlpRuns = await onCluster(
      `${KFP}/runs?namespace=team-nlp&page_size=1`,
    );
    expect(
      (await get(`${vision}/runs/${nlpRuns.runs[0].run_id}`, 'erin')).status,
    ).toBe(404);
  });

  it('starts a run with parameters as the user, once per submission, and watches it succeed', async () => {
    const pipeline = await get(`/pipelines/${pipelineId}`, 'dave');
    const version = pipeline.body.versions[0];
    const body = {
      name: 'portal-run',
      pipelineId,
      pipelineVersionId: version.id,
      parameters: { epochs: '3', learning_rate: '0.01', dataset: 's3://d' },
      idempotencyKey: 'submission-0001',
    };
    const before = await runsOnCluster();
    const created = await post(`${vision}/runs`, 'dave', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'portal-run' });
    const again = await post(`${vision}/runs`, 'dave', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    expect(await runsOnCluster()).toBe(before + 1);
    const onKfp = await onCluster(`${KFP}/runs/${created.body.id}`);
    expect(onKfp.runtime_config.parameters).toEqual({
      epochs: 3,
      learning_rate: 0.01,
      dataset: 's3://d',
    });
    const done = await eventually(async () => {
      const r = await get(`${vision}/runs/${created.body.id}`, 'dave');
      return r.body.state === 'SUCCEEDED' ? r.body : undefined;
    }, 'the run to succeed');
    expect(done.tasks.map((t: any) => t.state)).toEqual(
      done.graph.map(() => 'SUCCEEDED'),
    );
  });

  it('refuses bad parameters and viewers, creating nothing', async () => {
    const pipeline = await get(`/pipelines/${pipelineId}`, 'dave');
    const base = {
      name: 'bad-run',
      pipelineId,
      pipelineVersionId: pipeline.body.versions[0].id,
    };
    const before = await runsOnCluster();
    const wrongType = await post(`${vision}/runs`, 'dave', {
      ...base,
      parameters: { epochs: 'many', learning_rate: '0.1', dataset: 'x' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toMatch(
      /parameter 'epochs' must be an integer/,
    );
    const unknown = await post(`${vision}/runs`, 'dave', {
      ...base,
      parameters: { epochs: 1, learning_rate: 1, dataset: 'x', batch: 2 },
    });
    expect(unknown.status).toBe(400);
    const missing = await post(`${vision}/runs`, 'dave', {
      ...base,
      parameters: { epochs: 1 },
    });
    expect(missing.body.error.message).toMatch(/'learning_rate' is required/);
    const viewer = await post(`${vision}/runs`, 'erin', {
      ...base,
      parameters: { epochs: 1, learning_rate: 1, dataset: 'x' },
    });
    expect(viewer.status).toBe(403);
    expect(await runsOnCluster()).toBe(before);
  });

  it('terminates, retries and archives runs idempotently, and denies viewers', async () => {
    const pipeline = await get(`/pipelines/${pipelineId}`, 'dave');
    const created = await post(`${vision}/runs`, 'dave', {
      name: 'to-terminate',
      pipelineId,
      pipelineVersionId: pipeline.body.versions[0].id,
      parameters: { epochs: 1, learning_rate: 0.1, dataset: 'x' },
    });
    const id = created.body.id;
    expect((await post(`${vision}/runs/${id}/terminate`, 'erin')).status).toBe(
      403,
    );
    const terminated = await post(`${vision}/runs/${id}/terminate`, 'dave');
    expect(terminated.status).toBe(200);
    expect(['CANCELING', 'CANCELED']).toContain(terminated.body.state);
    await eventually(async () => {
      const r = await get(`${vision}/runs/${id}`, 'dave');
      return r.body.state === 'CANCELED' ? true : undefined;
    }, 'the run to be canceled');
    const twice = await post(`${vision}/runs/${id}/terminate`, 'dave');
    expect(twice.status).toBe(200);
    expect(twice.body.state).toBe('CANCELED');

    const retried = await post(`${vision}/runs/${id}/retry`, 'dave');
    expect(['RUNNING', 'PENDING', 'SUCCEEDED']).toContain(retried.body.state);
    const done = await eventually(async () => {
      const r = await get(`${vision}/runs/${id}`, 'dave');
      return r.body.state === 'SUCCEEDED' ? r.body : undefined;
    }, 'the retried run to succeed');
    const retrySucceeded = await post(`${vision}/runs/${id}/retry`, 'dave');
    expect(retrySucceeded.status).toBe(409);
    expect(done.state).toBe('SUCCEEDED');

    const archived = await post(`${vision}/runs/${id}/archive`, 'dave');
    expect(archived.body.storageState).toBe('ARCHIVED');
    expect(
      (await post(`${vision}/runs/${id}/archive`, 'dave')).body.storageState,
    ).toBe('ARCHIVED');
    const visible = await get(`${vision}/runs?search=to-terminate`, 'dave');
    expect(visible.body.runs).toEqual([]);
    const withArchived = await get(
      `${vision}/runs?search=to-terminate&archived=true`,
      'dave',
    );
    expect(withArchived.body.runs.map((r: any) => r.id)).toEqual([id]);
  });

  it('lists recurring runs and enables/disables them as the user, idempotently', async () => {
    const list = await get(
      `${vision}/recurringruns?pipelineId=${pipelineId}`,
      'erin',
    );
    expect(list.status).toBe(200);
    const nightly = list.body.find((r: any) => r.name === 'nightly-retrain');
    expect(nightly).toMatchObject({ enabled: true, cron: '0 0 2 * * *' });
    const path = `${vision}/recurringruns/${nightly.id}`;
    expect((await post(`${path}/disable`, 'erin')).status).toBe(403);
    expect((await onCluster(`${KFP}/recurringruns/${nightly.id}`)).status).toBe(
      'ENABLED',
    );
    const disabled = await post(`${path}/disable`, 'dave');
    expect(disabled.body.enabled).toBe(false);
    expect((await post(`${path}/disable`, 'dave')).body.enabled).toBe(false);
    expect((await onCluster(`${KFP}/recurringruns/${nightly.id}`)).status).toBe(
      'DISABLED',
    );
    expect((await post(`${path}/enable`, 'dave')).body.enabled).toBe(true);
  });

  it('shows a Katib experiment with its trials and best trial', async () => {
    const res = await get(`${vision}/experiments/resnet-lr-tuning`, 'erin');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      objective: { metricName: 'loss', type: 'minimize' },
      algorithm: expect.any(String),
      restartable: false,
    });
    expect(res.body.parameters.map((p: any) => p.name)).toEqual([
      'lr',
      'momentum',
    ]);
    const best = res.body.trials.filter((t: any) => t.best);
    expect(best).toHaveLength(1);
    expect(best[0].name).toBe(res.body.bestTrialName);
    const objectives = res.body.trials
      .map((t: any) => t.objective)
      .filter((v: any) => v !== undefined);
    // Katib's metric values are strings; these are numbers' text.
    expect(Number(best[0].objective)).toBe(Math.min(...objectives.map(Number)));
    expect(Object.keys(best[0].parameters)).toEqual(['lr', 'momentum']);
    expect(
      (await get(`${vision}/experiments/resnet-lr-tuning`, 'bob')).status,
    ).toBe(403);
  });

  it('shows a DARTS experiment: its graph, operations, and a genotype as text', async () => {
    const collection =
      '/apis/kubeflow.org/v1beta1/namespaces/team-vision/experiments';
    // The DARTS experiment of Katib's SDK notebook, as the SDK printed it (without its status).
    const sample = JSON.parse(
      fs.readFileSync(
        join(
          resolveSpecsDir(),
          'samples/katib/sdk__nas-with-darts.ipynb__cell11__get-experiment.with-status.json',
        ),
        'utf8',
      ),
    );
    await onCluster(collection, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'kubeflow.org/v1beta1',
        kind: 'Experiment',
        metadata: { name: 'darts-search', namespace: 'team-vision' },
        spec: {
          ...sample.spec,
          objective: {
            ...sample.spec.objective,
            additionalMetricNames: ['Validation-Accuracy'],
          },
          maxTrialCount: 2,
          maxFailedTrialCount: 2,
        },
      }),
    });
    const route = `${vision}/experiments/darts-search`;
    const body = await eventually(async () => {
      const r = await get(route, 'erin');
      return r.body.trials?.some((t: any) => t.objective !== undefined)
        ? r.body
        : undefined;
    }, 'a DARTS trial with its genotype');
    expect(body).toMatchObject({
      algorithm: 'darts',
      algorithmTitle: 'DARTS',
      description:
        'DARTS neural architecture search over 2 layers with 5 operations',
      parameters: [],
      nas: { numLayers: 2, inputSizes: [], outputSizes: [] },
      objective: {
        type: 'maximize',
        metricName: 'Best-Genotype',
        metricStrategies: [
          { name: 'Best-Genotype', value: 'max' },
          { name: 'Validation-Accuracy', value: 'max' },
        ],
      },
      metricsCollector: {
        kind: 'StdOut',
        source: '([\\w-]+)=(Genotype.*)',
      },
      trial: { kind: 'Job', primaryContainerName: 'training-container' },
      resumePolicy: 'Never',
    });
    expect(body.algorithmSettings).toContainEqual({
      name: 'num_nodes',
      value: '3',
    });
    expect(body.nas.operations.map((o: any) => o.type)).toEqual([
      'separable_convolution',
      'dilated_convolution',
      'avg_pooling',
      'max_pooling',
      'skip_connection',
    ]);
    expect(body.nas.operations[1].parameters).toEqual([
      { name: 'filter_size', type: 'categorical', list: ['3', '5'] },
    ]);
    const measured = body.trials.find((t: any) => t.objective !== undefined);
    expect(measured.objective).toMatch(/^Genotype\(normal=/);
    expect(measured.metrics['Best-Genotype']).toBe(measured.objective);
    expect(Number(measured.metrics['Validation-Accuracy'])).toBeGreaterThan(
      0.5,
    );
    expect(Object.keys(measured.parameters)).toEqual([
      'algorithm-settings',
      'search-space',
      'num-layers',
    ]);
    expect(measured.parameters['num-layers']).toBe('2');
  }, 40_000);

  it('stops and restarts a Katib experiment as the user, idempotently', async () => {
    const collection =
      '/apis/kubeflow.org/v1beta1/namespaces/team-vision/experiments';
    // A long experiment of our own (the sandbox's fast clock finishes the seeded ones).
    const template = await onCluster(`${collection}/resnet-augment-search`);
    await onCluster(collection, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'kubeflow.org/v1beta1',
        kind: 'Experiment',
        metadata: { name: 'stop-me', namespace: 'team-vision' },
        // No failure budget to exhaust: the sandbox fails some trials, and the experiment must
        // still be running when it is stopped.
        spec: {
          ...template.spec,
          maxTrialCount: 400,
          maxFailedTrialCount: 400,
          parallelTrialCount: 2,
        },
      }),
    });
    const path = `${vision}/experiments/stop-me`;
    const onK8s = () => onCluster(`${collection}/stop-me`);
    await eventually(async () => {
      const r = await get(path, 'dave');
      return r.body.counts?.trials > 0 ? true : undefined;
    }, 'the first trials');
    expect((await post(`${path}/stop`, 'erin')).status).toBe(403);
    expect((await onK8s()).spec.maxTrialCount).toBe(400);
    const stopped = await post(`${path}/stop`, 'dave');
    expect(stopped.status).toBe(200);
    expect(stopped.body.stopped).toBe(true);
    const lowered = (await onK8s()).spec.maxTrialCount;
    expect(lowered).toBeLessThan(400);
    expect((await post(`${path}/stop`, 'dave')).body.maxTrialCount).toBe(
      lowered,
    );
    // The running trials finish, no new one starts, and Katib completes it on max trials.
    const finished = await eventually(async () => {
      const r = await get(path, 'dave');
      return r.body.restartable ? r.body : undefined;
    }, 'the stopped experiment to finish');
    // Stop lowers the budget to the trials the portal has seen; one the controller created in the
    // meantime still counts (as with Katib), but no trial starts after that.
    expect(finished.counts.trials).toBeGreaterThanOrEqual(lowered);
    expect(finished.counts.trials).toBeLessThanOrEqual(lowered + 2);
    const restarted = await post(`${path}/restart`, 'dave');
    expect(restarted.body).toMatchObject({
      stopped: false,
      maxTrialCount: 400,
    });
    const more = await eventually(async () => {
      const r = await get(path, 'dave');
      return r.body.counts.trials > finished.counts.trials ? r.body : undefined;
    }, 'new trials after the restart');
    expect(more.state.phase).not.toBe('succeeded');
    expect(
      (await post(`${vision}/experiments/resnet-lr-tuning/restart`, 'alice'))
        .status,
    ).toBe(409);
  }, 60_000);

  it('suspends and resumes a TrainJob as the user, idempotently', async () => {
    const seeded = await get(`${vision}/trainjobs/vit-pretrain`, 'erin');
    expect(seeded.body).toMatchObject({
      runtime: { name: 'torch-distributed' },
      numNodes: 2,
      resourcesPerNode: { limits: { 'nvidia.com/gpu': '1' } },
    });
    expect(seeded.body.progress.metrics).toHaveProperty('loss');
    // A job of our own, created suspended, so the sandbox's fast clock cannot finish it first.
    const onK8s = `/apis/trainer.kubeflow.org/v1alpha1/namespaces/team-vision/trainjobs`;
    await onCluster(onK8s, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'trainer.kubeflow.org/v1alpha1',
        kind: 'TrainJob',
        metadata: { name: 'suspend-me', namespace: 'team-vision' },
        spec: {
          runtimeRef: { name: 'torch-distributed' },
          trainer: { numNodes: 1, image: 'pytorch/pytorch:2.7.1' },
          suspend: true,
        },
      }),
    });
    const path = `${vision}/trainjobs/suspend-me`;
    const suspended = await eventually(async () => {
      const r = await get(path, 'dave');
      return r.body.conditions?.some(
        (c: any) => c.type === 'Suspended' && c.status === 'True',
      )
        ? r.body
        : undefined;
    }, 'the Suspended condition');
    expect(suspended).toMatchObject({
      suspended: true,
      state: { phase: 'stopped' },
    });
    expect((await post(`${path}/resume`, 'erin')).status).toBe(403);
    expect((await onCluster(`${onK8s}/suspend-me`)).spec.suspend).toBe(true);
    const resumed = await post(`${path}/resume`, 'dave');
    expect(resumed.body.suspended).toBe(false);
    const again = await post(`${path}/resume`, 'dave');
    expect(again.body.suspended).toBe(false);
    await eventually(async () => {
      const r = await get(path, 'dave');
      return r.body.conditions.some(
        (c: any) =>
          (c.type === 'Suspended' && c.reason === 'Resumed') ||
          c.type === 'Complete',
      )
        ? true
        : undefined;
    }, 'the job to resume');
    const resuspended = await post(`${path}/suspend`, 'dave');
    expect(resuspended.body.suspended).toBe(true);
    expect((await onCluster(`${onK8s}/suspend-me`)).spec.suspend).toBe(true);
    const list = await get(`${vision}/trainjobs`, 'erin');
    expect(list.body.map((j: any) => j.name)).toEqual(
      expect.arrayContaining(['vit-pretrain', 'resnet50-ddp', 'suspend-me']),
    );
    expect((await get(`${vision}/trainjobs`, 'bob')).status).toBe(403);
  }, 30_000);

  it('shows a Training Operator job with its roles, and suspends it as the user', async () => {
    const seeded = await get(`${vision}/pytorchjobs/mnist-ddp`, 'erin');
    expect(seeded.status).toBe(200);
    expect(seeded.body).toMatchObject({
      kind: 'PyTorchJob',
      framework: 'PyTorch',
      state: { phase: 'succeeded' },
      details: { 'Backoff limit': '3' },
    });
    expect(
      seeded.body.roles.map((r: any) => [
        r.role,
        r.replicas,
        r.gpus,
        r.succeeded,
      ]),
    ).toEqual([
      ['Master', 1, 1, 1],
      ['Worker', 2, 1, 2],
    ]);
    const onK8s = '/apis/kubeflow.org/v1/namespaces/team-vision/tfjobs';
    await onCluster(onK8s, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'kubeflow.org/v1',
        kind: 'TFJob',
        metadata: { name: 'hold-me', namespace: 'team-vision' },
        spec: {
          runPolicy: { suspend: true },
          tfReplicaSpecs: {
            Worker: {
              replicas: 2,
              template: {
                spec: { containers: [{ name: 'tensorflow', image: 'tf:2' }] },
              },
            },
          },
        },
      }),
    });
    const path = `${vision}/tfjobs/hold-me`;
    await eventually(async () => {
      const r = await get(path, 'dave');
      return r.body.state?.phase === 'stopped' ? true : undefined;
    }, 'the TFJob to be suspended');
    expect((await post(`${path}/resume`, 'erin')).status).toBe(403);
    const resumed = await post(`${path}/resume`, 'dave');
    expect(resumed.body.suspended).toBe(false);
    expect((await onCluster(`${onK8s}/hold-me`)).spec.runPolicy.suspend).toBe(
      false,
    );
    expect((await get(`${vision}/pytorchjobs`, 'bob')).status).toBe(403);
  }, 30_000);

  it('shows Spark applications with executors, and a scheduled one with its schedule', async () => {
    const app = await get(
      '/namespaces/team-nlp/sparkapplications/corpus-dedup',
      'bob',
    );
    expect(app.status).toBe(200);
    expect(app.body).toMatchObject({
      applicationState: 'COMPLETED',
      type: 'Python',
      executor: { instances: 2 },
    });
    expect(app.body.schedule).toBeUndefined();
    const scheduled = await get(
      '/namespaces/team-forecasting/sparkapplications/daily-sales-aggregation-1764378000',
      'carol',
    );
    expect(scheduled.body.schedule).toMatchObject({
      name: 'daily-sales-aggregation',
      schedule: '0 1 * * *',
    });
    expect(scheduled.body.schedule.runs.map((r: any) => r.name)).toContain(
      'daily-sales-aggregation-1764378000',
    );
    expect(
      (
        await get(
          '/namespaces/team-nlp/sparkapplications/corpus-dedup',
          'alice',
        )
      ).status,
    ).toBe(403);
    // The schedule itself: the application it runs, its state and its runs.
    const schedule = await get(
      '/namespaces/team-forecasting/scheduledsparkapplications/daily-sales-aggregation',
      'carol',
    );
    expect(schedule.status).toBe(200);
    expect(schedule.body).toMatchObject({
      name: 'daily-sales-aggregation',
      state: { phase: 'ready' },
      schedule: { schedule: '0 1 * * *' },
    });
    expect(schedule.body.mainApplicationFile).toBeTruthy();
    expect(schedule.body.schedule.runs.map((r: any) => r.name)).toContain(
      'daily-sales-aggregation-1764378000',
    );
    expect(
      (
        await get(
          '/namespaces/team-forecasting/scheduledsparkapplications/daily-sales-aggregation',
          'bob',
        )
      ).status,
    ).toBe(403);
  });

  it('compares the metrics of the runs, trials and training jobs behind a model’s versions', async () => {
    const models = await onCluster(`${MR}/registered_models?pageSize=50`);
    const model = models.items.find((m: any) => m.name === 'resnet50-vision');
    const res = await get(`/models/${model.id}/metrics`, 'alice');
    expect(res.status).toBe(200);
    const kinds = res.body.rows.map(
      (r: any) => `${r.version}:${r.source.kind}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        '2.0.0:pipeline-run',
        '1.1.0:katib-experiment',
        '2.0.0:trainjob',
        '2.0.0:notebook',
      ]),
    );
    const run = res.body.rows.find(
      (r: any) => r.version === '2.0.0' && r.source.kind === 'pipeline-run',
    );
    expect(run.source.name).toBe('train-resnet50-lr-0005');
    expect(run.metrics).toEqual({ accuracy: 0.951 });
    expect(run.parameters.learning_rate).toBe('0.0005');
    expect(run.source.entityRef).toBe(
      'resource:sandbox/team-vision.image-classifier-training',
    );
    const trial = res.body.rows.find(
      (r: any) => r.source.kind === 'katib-experiment',
    );
    expect(trial.metrics.loss).toBeGreaterThan(0);
    expect(trial.source.entityRef).toBe(
      'resource:sandbox/team-vision.resnet-lr-tuning',
    );
    expect(res.body.metricNames).toContain('accuracy');
    expect((await get(`/models/${model.id}/metrics`, 'bob')).status).toBe(403);
  });

  it('compares a profile’s runs, Katib experiments and TrainJobs', async () => {
    const res = await get('/namespaces/team-nlp/experiment-metrics', 'erin');
    expect(res.status).toBe(200);
    const kinds = new Set(res.body.rows.map((r: any) => r.source.kind));
    expect([...kinds].sort()).toEqual([
      'katib-experiment',
      'pipeline-run',
      'trainjob',
    ]);
    const bert = res.body.rows.find(
      (r: any) => r.source.name === 'bert-base-5ep',
    );
    expect(bert).toMatchObject({ version: 'v3', metrics: { f1: 0.918 } });
    expect(
      (await get('/namespaces/team-nlp/experiment-metrics', 'alice')).status,
    ).toBe(403);
  });
});
