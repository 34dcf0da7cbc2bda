import {
  NotebookController,
  STOP_ANNOTATION,
  LAST_ACTIVITY_ANNOTATION,
} from './NotebookController';
import {
  ensureNamespace,
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';

const NB = 'notebooks.kubeflow.org';

function notebook(name: string, image: string) {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Notebook',
    metadata: { name, namespace: 'team-a', labels: { app: name } },
    spec: {
      template: {
        spec: {
          serviceAccountName: 'default-editor',
          containers: [
            {
              name,
              image,
              resources: { requests: { cpu: '500m', memory: '1Gi' } },
            },
          ],
        },
      },
    },
  };
}

describe('NotebookController', () => {
  let cluster: TestCluster;
  beforeEach(() => {
    cluster = startCluster([new NotebookController()]);
    ensureNamespace(cluster.store, 'team-a');
  });
  afterEach(() => cluster.stop());

  it('brings a notebook up, stops it by annotation and starts it again', async () => {
    const { store } = cluster;
    store.create(
      NB,
      notebook(
        'wine-eda',
        'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest',
      ),
    );

    const ready = await waitFor(() => {
      const nb = store.get(NB, 'team-a', 'wine-eda');
      return (nb?.status as any)?.readyReplicas === 1 && nb;
    });
    const status = ready.status as any;
    expect(status.containerState.running.startedAt).toMatch(
      /^\d{4}-\d\d-\d\dT/,
    );
    expect(status.conditions.find((c: any) => c.type === 'Ready').status).toBe(
      'True',
    );
    expect(ready.metadata.annotations?.[LAST_ACTIVITY_ANNOTATION]).toBe(
      status.containerState.running.startedAt,
    );

    const sts = store.get('statefulsets.apps', 'team-a', 'wine-eda')!;
    expect((sts.spec as any).replicas).toBe(1);
    expect((sts.status as any).readyReplicas).toBe(1);
    const pod = store.get('pods', 'team-a', 'wine-eda-0')!;
    expect(pod.metadata.labels).toMatchObject({
      statefulset: 'wine-eda',
      'notebook-name': 'wine-eda',
      app: 'wine-eda',
    });
    expect((pod.status as any).phase).toBe('Running');
    expect(pod.metadata.annotations?.['sandbox.kubeflow.org/log']).toContain(
      '/notebook/team-a/wine-eda/lab',
    );
    const svc = store.get('services', 'team-a', 'wine-eda')!;
    expect((svc.spec as any).ports[0]).toMatchObject({
      port: 80,
      name: 'http-wine-eda',
      targetPort: 8888,
    });
    expect(
      cluster.events.some(
        e => e.reason === 'SuccessfulCreate' && e.kind === 'StatefulSet',
      ),
    ).toBe(true);

    // Stop.
    store.mutate(NB, 'team-a', 'wine-eda', nb => {
      nb.metadata.annotations = {
        ...nb.metadata.annotations,
        [STOP_ANNOTATION]: '2026-08-21T10:00:00Z',
      };
    });
    const stopped = await waitFor(() => {
      const nb = store.get(NB, 'team-a', 'wine-eda');
      return (
        (nb?.status as any)?.readyReplicas === 0 &&
        !store.get('pods', 'team-a', 'wine-eda-0') &&
        nb
      );
    });
    expect((stopped.status as any).conditions).toEqual([]);
    expect(
      (store.get('statefulsets.apps', 'team-a', 'wine-eda')!.spec as any)
        .replicas,
    ).toBe(0);

    // Start again.
    store.mutate(NB, 'team-a', 'wine-eda', nb => {
      delete nb.metadata.annotations![STOP_ANNOTATION];
    });
    await waitFor(
      () =>
        (store.get(NB, 'team-a', 'wine-eda')?.status as any)?.readyReplicas ===
        1,
    );
    expect(
      (store.get('statefulsets.apps', 'team-a', 'wine-eda')!.spec as any)
        .replicas,
    ).toBe(1);
  });

  it('reports an image that cannot be pulled', async () => {
    const { store } = cluster;
    store.create(NB, notebook('broken', 'ghcr.io/acme/jupyter:does-not-exist'));
    const nb = await waitFor(() => {
      const current = store.get(NB, 'team-a', 'broken');
      return (
        (current?.status as any)?.containerState?.waiting?.reason ===
          'ImagePullBackOff' && current
      );
    });
    expect((nb.status as any).readyReplicas).toBe(0);
    expect((nb.status as any).containerState.waiting.message).toContain(
      'does-not-exist',
    );
    expect(
      cluster.events.some(
        e => e.type === 'Warning' && e.message.includes('ErrImagePull'),
      ),
    ).toBe(true);
  });
});
