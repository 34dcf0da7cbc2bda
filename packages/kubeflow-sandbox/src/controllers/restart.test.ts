import { createControllers } from './index';
import {
  createTestStore,
  ensureNamespace,
  startCluster,
  waitFor,
} from './__fixtures__/harness';

describe('controllers after a restart', () => {
  it('pick up where things were from the restored store', async () => {
    const first = startCluster(createControllers());
    ensureNamespace(first.store, 'team-a');
    first.store.create('notebooks.kubeflow.org', {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Notebook',
      metadata: { name: 'nb', namespace: 'team-a' },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'nb',
                image:
                  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest',
              },
            ],
          },
        },
      },
    });
    first.store.create('trainjobs.trainer.kubeflow.org', {
      apiVersion: 'trainer.kubeflow.org/v1alpha1',
      kind: 'TrainJob',
      metadata: { name: 'tj', namespace: 'team-a' },
      spec: {
        runtimeRef: { name: 'torch-distributed' },
        trainer: { numNodes: 1 },
      },
    });
    await waitFor(
      () =>
        (
          first.store.get('notebooks.kubeflow.org', 'team-a', 'nb')
            ?.status as any
        )?.readyReplicas === 1,
    );
    await waitFor(
      () =>
        ((
          first.store.get('trainjobs.trainer.kubeflow.org', 'team-a', 'tj')
            ?.status as any
        )?.trainerStatus?.progressPercentage ?? 0) >= 20,
    );
    first.stop();
    const snapshot = first.store.snapshot();
    const progress = (
      first.store.get('trainjobs.trainer.kubeflow.org', 'team-a', 'tj')!
        .status as any
    ).trainerStatus.progressPercentage;

    const store = createTestStore();
    store.restore(snapshot);
    const rv = store.currentResourceVersion();
    const second = startCluster(createControllers(), { store });
    try {
      await waitFor(() =>
        (
          store.get('trainjobs.trainer.kubeflow.org', 'team-a', 'tj')!
            .status as any
        ).conditions.some((c: any) => c.type === 'Complete'),
      );
      expect(
        (
          store.get('trainjobs.trainer.kubeflow.org', 'team-a', 'tj')!
            .status as any
        ).trainerStatus.progressPercentage,
      ).toBe(100);
      expect(progress).toBeLessThan(100);
      const nb = store.get('notebooks.kubeflow.org', 'team-a', 'nb')!;
      expect((nb.status as any).readyReplicas).toBe(1);
      // The running notebook was left alone: no write since the restore.
      expect(Number(nb.metadata.resourceVersion)).toBeLessThanOrEqual(rv);
    } finally {
      second.stop();
    }
  });
});
