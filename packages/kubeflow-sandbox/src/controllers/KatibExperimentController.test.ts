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
import { upstreamSamples } from '../samples';
import { ContractChecker } from '../services/__fixtures__/contracts';

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

  it('runs a DARTS experiment: NAS assignments, a genotype as the objective, valid objects', async () => {
    const { store } = cluster;
    // The DARTS experiment of Katib's SDK notebook, as the SDK printed it, without its status.
    const sample = upstreamSamples()
      .flatMap(s => s.documents)
      .find((d: any) => d.spec?.algorithm?.algorithmName === 'darts') as any;
    expect(sample.spec.parameters).toBeUndefined();
    store.create(EXPERIMENTS, {
      apiVersion: sample.apiVersion,
      kind: sample.kind,
      metadata: { name: 'darts', namespace: 'team-a' },
      spec: {
        ...sample.spec,
        objective: {
          ...sample.spec.objective,
          additionalMetricNames: ['Validation-Accuracy'],
        },
        maxTrialCount: 3,
        parallelTrialCount: 2,
        maxFailedTrialCount: 3,
      },
    });
    const done = await waitFor(() => {
      const e = store.get(EXPERIMENTS, 'team-a', 'darts') as any;
      return e?.status?.completionTime && e;
    }, 15000);
    expect(
      done.status.conditions.find((c: any) => c.type === 'Succeeded').reason,
    ).toBe('ExperimentMaxTrialsReached');
    const trials = store
      .list(TRIALS, 'team-a')
      .filter(
        t => t.metadata.labels?.['katib.kubeflow.org/experiment'] === 'darts',
      );
    expect(trials).toHaveLength(3);

    // What Katib's DARTS suggestion hands every trial.
    const assignment = (trials[0].spec as any).parameterAssignments;
    expect(assignment.map((a: any) => a.name)).toEqual([
      'algorithm-settings',
      'search-space',
      'num-layers',
    ]);
    expect(assignment[1].value).toBe(
      "['separable_convolution_3x3', 'dilated_convolution_3x3', 'dilated_convolution_5x5', " +
        "'avg_pooling_3x3', 'max_pooling_3x3', 'skip_connection']",
    );
    expect(assignment[2].value).toBe('2');
    expect(assignment[0].value).toMatch(
      /^\{'num_epochs': '2', 'w_lr': 0.025, .*'num_nodes': '3', 'stem_multiplier': '1'\}$/,
    );
    // Rendered into the trial's Job command as the template's placeholders ask.
    const command = (trials[0].spec as any).runSpec.spec.template.spec
      .containers[0].command;
    expect(command[3]).toBe(`--search-space="${assignment[1].value}"`);
    expect(command[4]).toBe('--num-layers="2"');

    const succeeded = trials.filter(t => trialState(t) === 'Succeeded');
    expect(succeeded.length).toBeGreaterThan(0);
    for (const t of succeeded) {
      const [genotype, accuracy] = (t.status as any).observation.metrics;
      expect(genotype.name).toBe('Best-Genotype');
      expect(genotype.latest).toMatch(
        /^Genotype\(normal=\[\[\('\w+', \d\), \('\w+', \d\)\], .*reduce_concat=range\(2, 5\)\)$/,
      );
      expect(accuracy.name).toBe('Validation-Accuracy');
      expect(Number(accuracy.latest)).toBeGreaterThan(0.5);
    }
    // A text objective cannot be compared: Katib takes the latest such trial as the best.
    const latest = [...succeeded].sort((a, b) =>
      String((a.status as any).completionTime).localeCompare(
        String((b.status as any).completionTime),
      ),
    )[succeeded.length - 1];
    expect(done.status.currentOptimalTrial.bestTrialName).toBe(
      latest.metadata.name,
    );
    expect(
      done.status.currentOptimalTrial.observation.metrics[0].latest,
    ).toMatch(/^Genotype\(/);

    const katib = ContractChecker.katib();
    expect(katib.check('v1beta1.Experiment', done)).toEqual([]);
    for (const t of trials) expect(katib.check('v1beta1.Trial', t)).toEqual([]);
    expect(
      katib.check(
        'v1beta1.Suggestion',
        store.get('suggestions.kubeflow.org', 'team-a', 'darts'),
      ),
    ).toEqual([]);
  });

  it('gives ENAS trials an architecture and its nn_config', async () => {
    const { store } = cluster;
    store.create(
      EXPERIMENTS,
      experiment('enas', {
        algorithm: { algorithmName: 'enas' },
        objective: {
          type: 'maximize',
          goal: 0.99,
          objectiveMetricName: 'Validation-Accuracy',
        },
        parameters: undefined,
        nasConfig: {
          graphConfig: {
            numLayers: 3,
            inputSizes: [32, 32, 3],
            outputSizes: [10],
          },
          operations: [
            {
              operationType: 'convolution',
              parameters: [
                {
                  name: 'filter_size',
                  parameterType: 'categorical',
                  feasibleSpace: { list: ['3', '5'] },
                },
              ],
            },
            {
              operationType: 'reduction',
              parameters: [
                {
                  name: 'pool_size',
                  parameterType: 'int',
                  feasibleSpace: { min: '2', max: '3', step: '1' },
                },
              ],
            },
          ],
        },
        maxTrialCount: 2,
      }),
    );
    const done = await waitFor(() => {
      const e = store.get(EXPERIMENTS, 'team-a', 'enas') as any;
      return e?.status?.completionTime && e;
    }, 15000);
    const trial = store
      .list(TRIALS, 'team-a')
      .find(
        t => t.metadata.labels?.['katib.kubeflow.org/experiment'] === 'enas',
      )!;
    const [architecture, nnConfig] = (trial.spec as any).parameterAssignments;
    expect(architecture.name).toBe('architecture');
    const layers = JSON.parse(architecture.value);
    expect(layers.map((l: number[]) => l.length)).toEqual([1, 2, 3]);
    expect(nnConfig.name).toBe('nn_config');
    const config = JSON.parse(nnConfig.value.replace(/'/g, '"'));
    expect(config).toMatchObject({
      num_layers: 3,
      input_sizes: [32, 32, 3],
      output_sizes: [10],
    });
    expect(config.embedding[layers[0][0]].opt_type).toMatch(
      /^(convolution|reduction)$/,
    );
    expect(ContractChecker.katib().check('v1beta1.Experiment', done)).toEqual(
      [],
    );
  });
});
