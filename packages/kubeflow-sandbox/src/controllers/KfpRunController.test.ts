import {
  KfpRunController,
  KFP_SERVICE_KEY,
  nextDelay,
} from './KfpRunController';
import { KfpService } from '../services/kfp/KfpService';
import { buildPipelineIr, readSampleIr } from '../seeds/pipelineIr';
import { SPECS_DIR } from './__fixtures__/specsDir';
import {
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';

const ir = buildPipelineIr(readSampleIr(SPECS_DIR, 'add_numbers'), {
  name: 'train-eval',
  inputs: { epochs: 'NUMBER_INTEGER' },
  steps: [
    { name: 'load-data' },
    { name: 'train', dependsOn: ['load-data'] },
    { name: 'evaluate', dependsOn: ['train'] },
    { name: 'report', dependsOn: ['load-data'] },
  ],
});

describe('KfpRunController', () => {
  let cluster: TestCluster;
  let service: KfpService;
  let versionRef: { pipeline_id: string };
  beforeEach(() => {
    service = KfpService.create();
    const p = service.repository.createPipeline({
      name: 'train-eval',
      namespace: 'team-a',
    });
    service.repository.createVersion({
      pipeline_id: p.wire.pipeline_id,
      name: 'v1',
      pipeline_spec: ir,
    });
    versionRef = { pipeline_id: p.wire.pipeline_id };
    cluster = startCluster([new KfpRunController()], {
      services: { [KFP_SERVICE_KEY]: service },
    });
  });
  afterEach(() => cluster.stop());

  it('runs the DAG in dependency order to SUCCEEDED', async () => {
    const run = service.repository.createRun({
      display_name: 'nightly',
      pipeline_version_reference: versionRef,
      runtime_config: { parameters: { epochs: 3 } },
    });
    const done = await waitFor(
      () => run.wire.state === 'SUCCEEDED' && run.wire,
      5000,
    );
    expect(done.state_history.map((s: any) => s.state)).toEqual([
      'PENDING',
      'RUNNING',
      'SUCCEEDED',
    ]);
    expect(done.finished_at).toMatch(/Z$/);
    const tasks = done.run_details.task_details;
    const root = tasks.find((t: any) => !t.parent_task_id);
    expect(root.display_name).toBe('train-eval');
    expect(root.child_tasks).toHaveLength(4);
    const byName = Object.fromEntries(
      tasks.map((t: any) => [t.display_name, t]),
    );
    for (const name of ['load-data', 'train', 'evaluate', 'report']) {
      expect(byName[name]).toMatchObject({
        state: 'SUCCEEDED',
        parent_task_id: root.task_id,
        run_id: run.wire.run_id,
      });
      expect(byName[name].pod_name).toMatch(/-system-container-impl-\d+$/);
      expect(byName[name].start_time <= byName[name].end_time).toBe(true);
    }
    expect(byName.train.start_time >= byName['load-data'].end_time).toBe(true);
    expect(byName.evaluate.start_time >= byName.train.end_time).toBe(true);
  });

  it('fails a failing run with an error on the task, and a retry reruns it', async () => {
    const run = service.repository.createRun({
      display_name: 'should-fail',
      pipeline_version_reference: versionRef,
    });
    await waitFor(() => run.wire.state === 'FAILED', 5000);
    const failedTask = run.wire.run_details.task_details.find(
      (t: any) => t.state === 'FAILED' && t.parent_task_id,
    );
    expect(failedTask.error).toMatchObject({ code: 2 });
    expect(run.wire.error.message).toContain(failedTask.display_name);
    service.repository.retry(run.wire.run_id);
    await waitFor(() => run.wire.state === 'SUCCEEDED', 5000);
    expect(run.wire.state_history.map((s: any) => s.state).slice(-2)).toEqual([
      'RUNNING',
      'SUCCEEDED',
    ]);
  });

  it('terminates a running run', async () => {
    const run = service.repository.createRun({
      display_name: 'long',
      pipeline_version_reference: versionRef,
    });
    await waitFor(() => run.wire.state === 'RUNNING');
    service.repository.terminateRun(run.wire.run_id);
    await waitFor(() => run.wire.state === 'CANCELED');
    expect(run.wire.state_history.map((s: any) => s.state)).toEqual([
      'PENDING',
      'RUNNING',
      'CANCELING',
      'CANCELED',
    ]);
  });

  it('starts runs of an enabled recurring run, at most max_concurrency at a time', async () => {
    const rr = service.repository.createRecurringRun({
      display_name: 'hourly',
      pipeline_version_reference: versionRef,
      trigger: { periodic_schedule: { interval_second: '2' } },
      max_concurrency: '1',
      namespace: 'team-a',
    });
    await waitFor(
      () =>
        [...service.repository.runs.values()].filter(
          r => r.wire.recurring_run_id === rr.wire.recurring_run_id,
        ).length >= 2,
      5000,
    );
    const runs = [...service.repository.runs.values()].filter(
      r => r.wire.recurring_run_id === rr.wire.recurring_run_id,
    );
    expect(runs[0].wire.display_name).toMatch(/^hourly-\d{14}$/);
    expect(
      runs.filter(r => !['SUCCEEDED', 'FAILED'].includes(r.wire.state)).length,
    ).toBeLessThanOrEqual(1);
    expect(
      nextDelay(
        { trigger: { cron_schedule: { cron: '0 0 * * * *' } } },
        new Date('2026-01-01T10:30:00Z'),
      ),
    ).toBe(30 * 60 * 1000);
  });
});
