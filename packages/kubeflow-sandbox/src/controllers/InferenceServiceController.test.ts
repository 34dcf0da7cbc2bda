import { InferenceServiceController } from './InferenceServiceController';
import {
  ensureNamespace,
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';

const ISVC = 'inferenceservices.serving.kserve.io';

function isvc(
  name: string,
  storageUri: string,
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name, namespace: 'team-a' },
    spec: {
      predictor: {
        ...extra,
        model: { modelFormat: { name: 'sklearn' }, storageUri },
      },
    },
  };
}

const condition = (obj: any, type: string) =>
  obj?.status?.conditions?.find((c: any) => c.type === type);

describe('InferenceServiceController', () => {
  let cluster: TestCluster;
  beforeEach(() => {
    cluster = startCluster([new InferenceServiceController()]);
    ensureNamespace(cluster.store, 'team-a');
  });
  afterEach(() => cluster.stop());

  it('becomes ready with urls and traffic, splits a canary, then promotes it', async () => {
    const { store } = cluster;
    store.create(ISVC, isvc('iris', 's3://models/iris/v1', { minReplicas: 2 }));
    const progressing = store.get(ISVC, 'team-a', 'iris') as any;
    await waitFor(
      () =>
        condition(store.get(ISVC, 'team-a', 'iris'), 'Ready')?.status ===
        'Unknown',
    );
    expect(progressing).toBeDefined();

    const ready = await waitFor(() => {
      const o = store.get(ISVC, 'team-a', 'iris') as any;
      return condition(o, 'Ready')?.status === 'True' && o;
    });
    expect(ready.status.url).toBe('http://iris.team-a.example.com');
    expect(ready.status.address.url).toBe(
      'http://iris.team-a.svc.cluster.local',
    );
    expect(condition(ready, 'Ready').lastTransitionTime).toMatch(/Z$/);
    expect(condition(ready, 'PredictorReady').status).toBe('True');
    expect(condition(ready, 'IngressReady').status).toBe('True');
    expect(ready.status.components.predictor).toMatchObject({
      latestCreatedRevision: 'iris-predictor-00001',
      latestReadyRevision: 'iris-predictor-00001',
      latestRolledoutRevision: 'iris-predictor-00001',
      traffic: [
        {
          revisionName: 'iris-predictor-00001',
          percent: 100,
          latestRevision: true,
        },
      ],
    });
    expect(ready.status.modelStatus).toMatchObject({
      transitionStatus: 'UpToDate',
      states: { activeModelState: 'Loaded', targetModelState: 'Loaded' },
    });
    const pods = () =>
      store
        .list('pods', 'team-a')
        .filter(
          p =>
            p.metadata.labels?.['serving.kserve.io/inferenceservice'] ===
            'iris',
        );
    expect(pods()).toHaveLength(2);

    // Canary: new model with 20% of the traffic.
    store.mutate(ISVC, 'team-a', 'iris', o => {
      const p = (o.spec as any).predictor;
      p.canaryTrafficPercent = 20;
      p.model.storageUri = 's3://models/iris/v2';
    });
    const canary = await waitFor(() => {
      const o = store.get(ISVC, 'team-a', 'iris') as any;
      return (
        o.status.components.predictor.latestReadyRevision ===
          'iris-predictor-00002' &&
        condition(o, 'Ready')?.status === 'True' &&
        o
      );
    });
    expect(canary.status.components.predictor.traffic).toEqual([
      expect.objectContaining({
        tag: 'latest',
        revisionName: 'iris-predictor-00002',
        percent: 20,
        latestRevision: true,
      }),
      expect.objectContaining({
        tag: 'prev',
        revisionName: 'iris-predictor-00001',
        percent: 80,
        latestRevision: false,
      }),
    ]);
    expect(canary.status.components.predictor.latestRolledoutRevision).toBe(
      'iris-predictor-00001',
    );
    expect(
      new Set(
        pods().map(p => p.metadata.labels?.['serving.knative.dev/revision']),
      ),
    ).toEqual(new Set(['iris-predictor-00001', 'iris-predictor-00002']));

    // Promote: removing canaryTrafficPercent moves all traffic without a new revision.
    store.mutate(ISVC, 'team-a', 'iris', o => {
      delete (o.spec as any).predictor.canaryTrafficPercent;
    });
    const promoted = await waitFor(() => {
      const o = store.get(ISVC, 'team-a', 'iris') as any;
      return o.status.components.predictor.traffic.length === 1 && o;
    });
    expect(promoted.status.components.predictor).toMatchObject({
      latestCreatedRevision: 'iris-predictor-00002',
      latestRolledoutRevision: 'iris-predictor-00002',
      previousRolledoutRevision: 'iris-predictor-00001',
      traffic: [
        {
          revisionName: 'iris-predictor-00002',
          percent: 100,
          latestRevision: true,
        },
      ],
    });
    await waitFor(() =>
      pods().every(
        p =>
          p.metadata.labels?.['serving.knative.dev/revision'] ===
          'iris-predictor-00002',
      ),
    );
  });

  it('reports a model that cannot be fetched', async () => {
    const { store } = cluster;
    store.create(ISVC, isvc('ghost', 's3://models/does-not-exist/model'));
    const failed = await waitFor(() => {
      const o = store.get(ISVC, 'team-a', 'ghost') as any;
      return (
        o?.status?.modelStatus?.transitionStatus === 'BlockedByFailedLoad' && o
      );
    });
    expect(failed.status.modelStatus.lastFailureInfo.reason).toBe(
      'ModelLoadFailed',
    );
    expect(failed.status.modelStatus.states.targetModelState).toBe(
      'FailedToLoad',
    );
    expect(condition(failed, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'RevisionFailed',
    });
    expect(condition(failed, 'Ready').message).toContain('does-not-exist');
    expect(failed.status.url).toBeUndefined();
    const pod = store
      .list('pods', 'team-a')
      .find(
        p =>
          p.metadata.labels?.['serving.kserve.io/inferenceservice'] === 'ghost',
      ) as any;
    expect(pod.status.initContainerStatuses[0]).toMatchObject({
      name: 'storage-initializer',
      state: { waiting: { reason: 'CrashLoopBackOff' } },
    });
  });

  it('stops on serving.kserve.io/stop', async () => {
    const { store } = cluster;
    store.create(
      ISVC,
      isvc('halt', 'gs://kfserving-examples/models/sklearn/1.0/model'),
    );
    await waitFor(
      () =>
        condition(store.get(ISVC, 'team-a', 'halt'), 'Ready')?.status ===
        'True',
    );
    store.mutate(ISVC, 'team-a', 'halt', o => {
      o.metadata.annotations = { 'serving.kserve.io/stop': 'true' };
    });
    const stopped = await waitFor(() => {
      const o = store.get(ISVC, 'team-a', 'halt') as any;
      return condition(o, 'Stopped')?.status === 'True' && o;
    });
    expect(condition(stopped, 'Ready').status).toBe('False');
    await waitFor(() =>
      store
        .list('pods', 'team-a')
        .every(
          p =>
            p.metadata.labels?.['serving.kserve.io/inferenceservice'] !==
            'halt',
        ),
    );
  });
});
