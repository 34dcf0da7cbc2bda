import { SparkApplicationController } from './SparkApplicationController';
import { ScheduledSparkApplicationController } from './ScheduledSparkApplicationController';
import {
  ensureNamespace,
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';

const APPS = 'sparkapplications.sparkoperator.k8s.io';

function app(name: string, file: string) {
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: { name, namespace: 'team-a' },
    spec: {
      type: 'Scala',
      mode: 'cluster',
      image: 'docker.io/apache/spark:4.0.4',
      mainClass: 'org.apache.spark.examples.SparkPi',
      mainApplicationFile: file,
      sparkVersion: '4.0.4',
      driver: {
        cores: 1,
        memory: '512m',
        serviceAccount: 'spark-operator-spark',
      },
      executor: { instances: 2, cores: 1, memory: '512m' },
    },
  };
}

describe('Spark controllers', () => {
  let cluster: TestCluster;
  beforeEach(() => {
    cluster = startCluster([
      new SparkApplicationController(),
      new ScheduledSparkApplicationController(),
    ]);
    ensureNamespace(cluster.store, 'team-a');
  });
  afterEach(() => cluster.stop());

  it('runs a SparkApplication to COMPLETED', async () => {
    const { store } = cluster;
    store.create(
      APPS,
      app('spark-pi', 'local:///opt/spark/examples/jars/spark-examples.jar'),
    );
    const seen = new Set<string>();
    const done = await waitFor(() => {
      const a = store.get(APPS, 'team-a', 'spark-pi') as any;
      if (a?.status?.applicationState?.state)
        seen.add(a.status.applicationState.state);
      return a?.status?.applicationState?.state === 'COMPLETED' && a;
    });
    expect([...seen]).toEqual(
      expect.arrayContaining(['SUBMITTED', 'RUNNING', 'COMPLETED']),
    );
    expect(done.status.driverInfo).toMatchObject({
      podName: 'spark-pi-driver',
      webUIServiceName: 'spark-pi-ui-svc',
      webUIPort: 4040,
    });
    expect(done.status.sparkApplicationId).toMatch(/^spark-[0-9a-f]{32}$/);
    expect(done.status.executorState).toEqual({
      'spark-pi-exec-1': 'COMPLETED',
      'spark-pi-exec-2': 'COMPLETED',
    });
    expect(done.status).toMatchObject({
      submissionAttempts: 1,
      executionAttempts: 1,
    });
    expect(done.status.terminationTime).toMatch(/Z$/);
    const driver = store.get('pods', 'team-a', 'spark-pi-driver')!;
    expect(driver.metadata.labels).toMatchObject({
      'spark-role': 'driver',
      'sparkoperator.k8s.io/app-name': 'spark-pi',
    });
    expect((driver.status as any).phase).toBe('Succeeded');
    expect(driver.metadata.annotations?.['sandbox.kubeflow.org/log']).toContain(
      'Pi is roughly',
    );
  });

  it('fails an application whose main file says so', async () => {
    const { store } = cluster;
    store.create(APPS, app('bad-etl', 'local:///opt/jobs/fail-fast.py'));
    const failed = await waitFor(() => {
      const a = store.get(APPS, 'team-a', 'bad-etl') as any;
      return a?.status?.applicationState?.state === 'FAILED' && a;
    });
    expect(failed.status.applicationState.errorMessage).toContain(
      'ExitCode: 1',
    );
  });

  it('schedules runs and keeps only the history limit', async () => {
    const { store } = cluster;
    const template = app(
      'x',
      'local:///opt/spark/examples/jars/spark-examples.jar',
    ).spec;
    store.create('scheduledsparkapplications.sparkoperator.k8s.io', {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'ScheduledSparkApplication',
      metadata: { name: 'nightly', namespace: 'team-a' },
      spec: {
        schedule: '@every 10s',
        concurrencyPolicy: 'Allow',
        successfulRunHistoryLimit: 1,
        template,
      },
    });
    const s = await waitFor(() => {
      const o = store.get(
        'scheduledsparkapplications.sparkoperator.k8s.io',
        'team-a',
        'nightly',
      ) as any;
      return o?.status?.pastSuccessfulRunNames?.length && o;
    }, 8000);
    expect(s.status.scheduleState).toBe('Scheduled');
    expect(s.status.nextRun).toMatch(/Z$/);
    expect(s.status.lastRunName).toMatch(/^nightly-\d+$/);
    await new Promise(r => setTimeout(r, 300));
    const completed = store
      .list(APPS, 'team-a')
      .filter(a => (a.status as any)?.applicationState?.state === 'COMPLETED');
    expect(completed.length).toBeLessThanOrEqual(1);
  });
});
