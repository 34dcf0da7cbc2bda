import { TrainingOperatorJobController } from './TrainingOperatorJobController';
import {
  ensureNamespace,
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';

const TF = 'tfjobs.kubeflow.org';

describe('TrainingOperatorJobController', () => {
  let cluster: TestCluster;
  beforeEach(() => {
    cluster = startCluster([new TrainingOperatorJobController('TFJob')]);
    ensureNamespace(cluster.store, 'team-a');
  });
  afterEach(() => cluster.stop());

  const role = (replicas: number) => ({
    replicas,
    restartPolicy: 'OnFailure',
    template: {
      spec: { containers: [{ name: 'tensorflow', image: 'tf-mnist:1' }] },
    },
  });
  const create = (name: string) =>
    cluster.store.create(TF, {
      apiVersion: 'kubeflow.org/v1',
      kind: 'TFJob',
      metadata: { name, namespace: 'team-a' },
      spec: { tfReplicaSpecs: { Chief: role(1), Worker: role(2) } },
    });
  const job = (name: string) => cluster.store.get(TF, 'team-a', name) as any;
  const trueTypes = (name: string) =>
    (job(name)?.status?.conditions ?? [])
      .filter((c: any) => c.status === 'True')
      .map((c: any) => c.type);
  const pods = (name: string) =>
    cluster.store
      .list('pods', 'team-a')
      .filter(p => p.metadata.labels?.['training.kubeflow.org/job-name'] === name)
      .map(p => p.metadata.name)
      .sort();

  it('runs a pod per replica of each role, then succeeds', async () => {
    create('mnist');
    await waitFor(() => trueTypes('mnist').includes('Running'));
    expect(pods('mnist')).toEqual([
      'mnist-chief-0',
      'mnist-worker-0',
      'mnist-worker-1',
    ]);
    expect(job('mnist').status.replicaStatuses).toEqual({
      Chief: { active: 1, succeeded: 0, failed: 0 },
      Worker: { active: 2, succeeded: 0, failed: 0 },
    });
    await waitFor(() => trueTypes('mnist').includes('Succeeded'), 5_000);
    expect(trueTypes('mnist')).toEqual(['Created', 'Succeeded']);
    expect(job('mnist').status.replicaStatuses.Worker).toEqual({
      active: 0,
      succeeded: 2,
      failed: 0,
    });
    expect(job('mnist').status.completionTime).toBeTruthy();
  });

  it('suspends (its pods go) and resumes', async () => {
    create('long');
    await waitFor(() => pods('long').length === 3);
    cluster.store.mutate(TF, 'team-a', 'long', j => {
      (j.spec as any).runPolicy = { suspend: true };
    });
    await waitFor(() => trueTypes('long').includes('Suspended'));
    expect(pods('long')).toEqual([]);
    cluster.store.mutate(TF, 'team-a', 'long', j => {
      (j.spec as any).runPolicy = { suspend: false };
    });
    await waitFor(
      () =>
        !trueTypes('long').includes('Suspended') && pods('long').length === 3,
    );
  });

  it('fails a job whose name says so', async () => {
    create('will-fail');
    await waitFor(() => trueTypes('will-fail').includes('Failed'), 5_000);
    expect(job('will-fail').status.replicaStatuses.Chief.failed).toBe(1);
  });
});
