import {
  KatibExperimentController,
  trialState,
} from './KatibExperimentController';
import {
  createTestStore,
  ensureNamespace,
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';
import { gridValues } from './katibModel';

const EXPERIMENTS = 'experiments.kubeflow.org';
const TRIALS = 'trials.kubeflow.org';

function experiment(name: string, overrides: Record<string, any> = {}) {
  return {
    apiVersion: 'kubeflow.org/v1beta1',
    kind: 'Experiment',
    metadata: { name, namespace: 'team-a' },
    spec: {
      objective: {
        type: 'minimize',
        goal: 0.0001,
        objectiveMetricName: 'loss',
        additionalMetricNames: ['accuracy'],
      },
      algorithm: { algorithmName: 'random' },
      parallelTrialCount: 2,
      maxTrialCount: 6,
      maxFailedTrialCount: 6,
      parameters: [
        {
          name: 'lr',
          parameterType: 'double',
          feasibleSpace: { min: '0.01', max: '0.05' },
        },
        {
          name: 'momentum',
          parameterType: 'double',
          feasibleSpace: { min: '0.5', max: '0.9' },
        },
      ],
      trialTemplate: {
        primaryContainerName: 'training-container',
        trialParameters: [
          { name: 'learningRate', description: 'lr', reference: 'lr' },
        ],
        trialSpec: {
          apiVersion: 'batch/v1',
          kind: 'Job',
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'training-container',
                    image: 'ghcr.io/kubeflow/katib/pytorch-mnist-cpu:latest',
                    command: [
                      'python3',
                      'mnist.py',
                      '--lr=${trialParameters.learningRate}',
                    ],
                  },
                ],
                restartPolicy: 'Never',
              },
            },
          },
        },
      },
      ...overrides,
    },
  };
}

describe('KatibExperimentController', () => {
  let cluster: TestCluster;
  beforeEach(() => {
    // A validating store. While it cannot compile the Trial/Suggestion schemas (katib/swagger.json
    // names them '.v1beta1.Trial' / '.v1beta1.Suggestion'), the controller's createObject /
    // mutateObject fallback writes them unvalidated; the demo contract test checks them.
    cluster = startCluster([new KatibExperimentController()], {
      store: createTestStore(),
    });
    ensureNamespace(cluster.store, 'team-a');
  });
  afterEach(() => cluster.stop());

  it('runs trials in parallel and ends at maxTrialCount with the best trial', async () => {
    const { store } = cluster;
    store.create(EXPERIMENTS, experiment('mnist-random'));
    let maxRunning = 0;
    const done = await waitFor(() => {
      const e = store.get(EXPERIMENTS, 'team-a', 'mnist-random') as any;
      const running = store
        .list(TRIALS, 'team-a')
        .filter(t => trialState(t) === 'Running').length;
      maxRunning = Math.max(maxRunning, running);
      return (
        e?.status?.conditions?.some(
          (c: any) => c.type === 'Succeeded' && c.status === 'True',
        ) && e
      );
    }, 15000);
    expect(maxRunning).toBeLessThanOrEqual(2);
    const status = done.status;
    const succeeded = status.conditions.find(
      (c: any) => c.type === 'Succeeded',
    );
    expect(succeeded.reason).toBe('ExperimentMaxTrialsReached');
    expect(status.conditions.map((c: any) => c.type)).toEqual([
      'Created',
      'Running',
      'Succeeded',
    ]);
    expect(
      status.conditions.find((c: any) => c.type === 'Running').status,
    ).toBe('False');
    expect(status.trials).toBe(6);
    expect((status.trialsSucceeded ?? 0) + (status.trialsFailed ?? 0)).toBe(6);
    expect(status.succeededTrialList).toHaveLength(status.trialsSucceeded);
    expect(status.trialsRunning).toBeUndefined();

    const trials = store.list(TRIALS, 'team-a');
    expect(trials).toHaveLength(6);
    const losses = trials
      .filter(t => trialState(t) === 'Succeeded')
      .map(t =>
        Number(
          (t.status as any).observation.metrics.find(
            (m: any) => m.name === 'loss',
          ).latest,
        ),
      );
    const best = status.currentOptimalTrial;
    expect(
      Number(
        best.observation.metrics.find((m: any) => m.name === 'loss').latest,
      ),
    ).toBe(Math.min(...losses));
    expect(best.parameterAssignments.map((a: any) => a.name)).toEqual([
      'lr',
      'momentum',
    ]);
    const lr = Number(best.parameterAssignments[0].value);
    expect(lr).toBeGreaterThanOrEqual(0.01);
    expect(lr).toBeLessThanOrEqual(0.05);
    const bestTrial = trials.find(t => t.metadata.name === best.bestTrialName)!;
    expect(
      (bestTrial.spec as any).runSpec.spec.template.spec.containers[0]
        .command[2],
    ).toBe(`--lr=${best.parameterAssignments[0].value}`);
    expect(bestTrial.metadata.labels!['katib.kubeflow.org/experiment']).toBe(
      'mnist-random',
    );
    expect(typeof (bestTrial.status as any).observation.metrics[0].min).toBe(
      'string',
    );
    const suggestion = store.get(
      'suggestions.kubeflow.org',
      'team-a',
      'mnist-random',
    ) as any;
    expect(suggestion.status.suggestionCount).toBe(6);
  });

  it('ends early when the goal is reached (grid search)', async () => {
    const { store } = cluster;
    store.create(
      EXPERIMENTS,
      experiment('grid-goal', {
        objective: {
          type: 'maximize',
          goal: 0.1,
          objectiveMetricName: 'accuracy',
        },
        algorithm: { algorithmName: 'grid' },
        parameters: [
          {
            name: 'lr',
            parameterType: 'double',
            feasibleSpace: { min: '0.01', max: '0.05', step: '0.01' },
          },
        ],
        maxTrialCount: 20,
        parallelTrialCount: 1,
      }),
    );
    const done = await waitFor(() => {
      const e = store.get(EXPERIMENTS, 'team-a', 'grid-goal') as any;
      return e?.status?.completionTime && e;
    }, 10000);
    expect(
      done.status.conditions.find((c: any) => c.type === 'Succeeded').reason,
    ).toBe('ExperimentGoalReached');
    const trials = store
      .list(TRIALS, 'team-a')
      .filter(
        t =>
          t.metadata.labels?.['katib.kubeflow.org/experiment'] === 'grid-goal',
      );
    expect(trials.length).toBeLessThan(5);
    // Grid search walks the grid from its start; the store lists trials in no particular order.
    const values = trials
      .map(t => (t.spec as any).parameterAssignments[0].value)
      .sort();
    const grid = gridValues({
      name: 'lr',
      parameterType: 'double',
      feasibleSpace: { min: '0.01', max: '0.05', step: '0.01' },
    });
    expect(grid[0]).toBe('0.01');
    expect(values).toEqual(grid.slice(0, values.length));
  });
  it('restarts a completed, resumable experiment when maxTrialCount is raised', async () => {
    const { store } = cluster;
    const succeeded = (name: string) => () => {
      const e = store.get(EXPERIMENTS, 'team-a', name) as any;
      return (
        e?.status?.conditions?.some(
          (c: any) => c.type === 'Succeeded' && c.status === 'True',
        ) && e
      );
    };
    for (const [name, resumePolicy] of [
      ['resumable', 'LongRunning'],
      ['one-shot', 'Never'],
    ]) {
      store.create(
        EXPERIMENTS,
        experiment(name, { maxTrialCount: 2, resumePolicy }),
      );
    }
    await waitFor(succeeded('resumable'), 15000);
    await waitFor(succeeded('one-shot'), 15000);
    for (const name of ['resumable', 'one-shot']) {
      store.mutate(EXPERIMENTS, 'team-a', name, e => {
        (e.spec as any).maxTrialCount = 4;
      });
    }
    const restarted = await waitFor(() => {
      const e = store.get(EXPERIMENTS, 'team-a', 'resumable') as any;
      return e?.status?.trials === 4 && e;
    }, 15000);
    expect(
      restarted.status.conditions.find((c: any) => c.type === 'Restarting'),
    ).toBeUndefined();
    const again = await waitFor(succeeded('resumable'), 15000);
    expect(again.status.trials).toBe(4);
    // Resume policy Never: Katib keeps it completed.
    const oneShot = store.get(EXPERIMENTS, 'team-a', 'one-shot') as any;
    expect(oneShot.status.trials).toBe(2);
    expect(
      oneShot.status.conditions.find((c: any) => c.type === 'Succeeded').status,
    ).toBe('True');
  });
});
