import { TrainJobController } from './TrainJobController';
import {
  ensureNamespace,
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';

const TJ = 'trainjobs.trainer.kubeflow.org';

describe('TrainJobController', () => {
  let cluster: TestCluster;
  beforeEach(() => {
    cluster = startCluster([new TrainJobController()]);
    ensureNamespace(cluster.store, 'team-a');
  });
  afterEach(() => cluster.stop());

  it('progresses, pauses on suspend, resumes and completes', async () => {
    const { store } = cluster;
    store.create(TJ, {
      apiVersion: 'trainer.kubeflow.org/v1alpha1',
      kind: 'TrainJob',
      metadata: { name: 'resnet-ft', namespace: 'team-a' },
      spec: {
        runtimeRef: { name: 'torch-distributed' },
        trainer: {
          numNodes: 2,
          image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
        },
      },
    });
    const pods = () =>
      store
        .list('pods', 'team-a')
        .filter(
          p =>
            p.metadata.labels?.['jobset.sigs.k8s.io/jobset-name'] ===
            'resnet-ft',
        );
    await waitFor(
      () =>
        ((store.get(TJ, 'team-a', 'resnet-ft')?.status as any)?.trainerStatus
          ?.progressPercentage ?? 0) >= 20,
    );
    expect(
      pods()
        .map(p => p.metadata.name)
        .sort(),
    ).toEqual(['resnet-ft-node-0-0', 'resnet-ft-node-0-1']);
    expect(
      (store.get(TJ, 'team-a', 'resnet-ft')!.status as any).jobsStatus[0],
    ).toMatchObject({ name: 'node', ready: 2, active: 2, suspended: 0 });

    store.mutate(TJ, 'team-a', 'resnet-ft', j => {
      (j.spec as any).suspend = true;
    });
    const suspended = await waitFor(() => {
      const j = store.get(TJ, 'team-a', 'resnet-ft') as any;
      return (
        j.status.conditions?.some(
          (c: any) => c.type === 'Suspended' && c.status === 'True',
        ) &&
        pods().length === 0 &&
        j
      );
    });
    expect(
      suspended.status.conditions.find((c: any) => c.type === 'Suspended')
        .reason,
    ).toBe('Suspended');
    expect(suspended.status.jobsStatus[0]).toMatchObject({
      suspended: 2,
      active: 0,
    });
    const held = suspended.status.trainerStatus.progressPercentage;
    await new Promise(r => setTimeout(r, 100));
    expect(
      (store.get(TJ, 'team-a', 'resnet-ft')!.status as any).trainerStatus
        .progressPercentage,
    ).toBeLessThanOrEqual(held + 10);
    const heldAfter = (store.get(TJ, 'team-a', 'resnet-ft')!.status as any)
      .trainerStatus.progressPercentage;
    await new Promise(r => setTimeout(r, 100));
    expect(
      (store.get(TJ, 'team-a', 'resnet-ft')!.status as any).trainerStatus
        .progressPercentage,
    ).toBe(heldAfter);

    store.mutate(TJ, 'team-a', 'resnet-ft', j => {
      (j.spec as any).suspend = false;
    });
    const complete = await waitFor(() => {
      const j = store.get(TJ, 'team-a', 'resnet-ft') as any;
      return (
        j.status.conditions?.some(
          (c: any) => c.type === 'Complete' && c.status === 'True',
        ) && j
      );
    }, 8000);
    expect(
      complete.status.conditions.find((c: any) => c.type === 'Suspended'),
    ).toMatchObject({ status: 'False', reason: 'Resumed' });
    expect(complete.status.trainerStatus.progressPercentage).toBe(100);
    expect(pods().every(p => (p.status as any).phase === 'Succeeded')).toBe(
      true,
    );
    expect(complete.status.jobsStatus[0]).toMatchObject({
      succeeded: 2,
      active: 0,
    });
  });
});
