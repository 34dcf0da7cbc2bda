import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import {
  KatibExperimentSummary,
  isKatibNasExperiment,
  katibExperimentSummary,
  katibFeasibleSpaceText,
  katibMetricNumber,
  katibMetricValues,
} from './katibExperimentSummary';
import { KatibExperiment } from './resources';
import { SPECS_DIR } from './resources/__testUtils__/officialSchemas';

const SAMPLES = path.join(SPECS_DIR, 'samples/katib');

/** Every Experiment of the upstream Katib samples (YAML and the SDK's JSON), keyed by file. */
function upstreamExperiments(): Map<string, KatibExperiment> {
  const found = new Map<string, KatibExperiment>();
  for (const file of fs.readdirSync(SAMPLES).sort()) {
    const text = fs.readFileSync(path.join(SAMPLES, file), 'utf8');
    const docs = file.endsWith('.json')
      ? [JSON.parse(text)]
      : (yaml.loadAll(text) as any[]);
    for (const doc of docs) {
      if (doc?.kind === 'Experiment') found.set(file, doc);
    }
  }
  return found;
}

type Expected = Partial<
  Omit<KatibExperimentSummary, 'parameters' | 'trial' | 'metricsCollector'>
> & {
  /** `name type feasible-space` of each parameter. */
  parameters: string[];
  trialTitle: string;
  collector?: string;
};

const lrMomentum = ['lr double 0.01 … 0.05', 'momentum double 0.5 … 0.9'];
const mnist = (more: Partial<Expected> = {}): Expected => ({
  algorithm: 'random',
  parameters: lrMomentum,
  trialTitle: 'Job',
  resumePolicy: 'Never',
  description: 'random search over 2 parameters',
  ...more,
});

const expected: Record<string, Expected> = {
  'argo__argo-workflow.yaml': mnist({
    parameters: ['lr double 0.01 … 0.03'],
    trialTitle: 'Argo Workflow',
    description: 'random search over 1 parameter',
    maxTrialCount: 5,
    parallelTrialCount: 2,
    maxFailedTrialCount: 1,
  }),
  'fpga__xgboost-example.yaml': mnist({
    parameters: [
      'alpha double 0.00 … 0.05',
      'eta double 0.1 … 0.4',
      'subsample double 0.6 … 1.0',
    ],
    description: 'random search over 3 parameters',
  }),
  'hp-tuning__grid.yaml': mnist({
    algorithm: 'grid',
    parameters: [
      'lr double 0.01 … 0.05 step 0.005',
      'momentum double 0.5 … 0.9 step 0.1',
    ],
    description: 'grid search over 2 parameters',
  }),
  'hp-tuning__hyperopt-distribution.yaml': mnist({
    parameters: [
      'lr double 0.01 … 0.05 step 0.01 (normal)',
      'momentum double 0.001 … 1 (uniform)',
      'epochs int 1 … 3 (logUniform)',
      'batch_size int 32 … 64 (logNormal)',
    ],
    description: 'random search over 4 parameters',
  }),
  'hp-tuning__simple-pbt.yaml': mnist({
    algorithm: 'pbt',
    algorithmSettings: [
      { name: 'suggestion_trial_dir', value: '/var/log/katib/checkpoints/' },
      { name: 'n_population', value: '40' },
      { name: 'truncation_threshold', value: '0.2' },
    ],
    parameters: ['lr double 0.0001 … 0.02 step 0.0001'],
    resumePolicy: 'FromVolume',
    description: 'PBT search over 1 parameter',
  }),
  'hp-tuning__tpe.yaml': mnist({
    algorithm: 'tpe',
    description: 'TPE search over 2 parameters',
  }),
  'kubeflow-training-operator__pytorchjob-mnist.yaml': mnist({
    trialTitle: 'PyTorchJob',
  }),
  'kubeflow-training-operator__xgboostjob-lightgbm.yaml': mnist({
    parameters: ['lr double 0.01 … 0.1', 'num-leaves int 50 … 60 step 1'],
    trialTitle: 'XGBoostJob',
    collector: 'StdOut (\\w+\\s\\w+)\\s:\\s((-?\\d+)(\\.\\d+)?)',
  }),
  'metrics-collector__file-metrics-collector-with-json-format.yaml': mnist({
    parameters: ['lr double 0.01 … 0.03', 'momentum double 0.3 … 0.7'],
    collector: 'File /katib/mnist.json',
  }),
  'metrics-collector__metrics-collection-strategy.yaml': mnist({
    algorithm: 'tpe',
    description: 'TPE search over 2 parameters',
  }),
  'resume-experiment__from-volume-resume.yaml': mnist({
    resumePolicy: 'FromVolume',
  }),
  'sdk__nas-with-darts.ipynb__cell11__get-experiment.with-status.json': {
    algorithm: 'darts',
    algorithmTitle: 'DARTS',
    algorithmSettings: [
      { name: 'num_epochs', value: '2' },
      { name: 'stem_multiplier', value: '1' },
      { name: 'init_channels', value: '4' },
      { name: 'num_nodes', value: '3' },
    ],
    parameters: [],
    nas: {
      numLayers: 2,
      inputSizes: [],
      outputSizes: [],
      operations: [
        {
          type: 'separable_convolution',
          parameters: [
            { name: 'filter_size', type: 'categorical', list: ['3'] },
          ],
        },
        {
          type: 'dilated_convolution',
          parameters: [
            { name: 'filter_size', type: 'categorical', list: ['3', '5'] },
          ],
        },
        {
          type: 'avg_pooling',
          parameters: [
            { name: 'filter_size', type: 'categorical', list: ['3'] },
          ],
        },
        {
          type: 'max_pooling',
          parameters: [
            { name: 'filter_size', type: 'categorical', list: ['3'] },
          ],
        },
        { type: 'skip_connection', parameters: [] },
      ],
    },
    trialTitle: 'Job',
    collector: 'StdOut ([\\w-]+)=(Genotype.*)',
    resumePolicy: 'Never',
    maxTrialCount: 1,
    description:
      'DARTS neural architecture search over 2 layers with 5 operations',
  },
  'test__e2e__v1beta1__testdata__valid-experiment.yaml': mnist({
    maxTrialCount: 13,
    parallelTrialCount: undefined,
  }),
  'trial-template__trial-metadata-substitution.yaml': mnist(),
};

describe('katibExperimentSummary', () => {
  const experiments = upstreamExperiments();

  it('has an expectation for every upstream sample Experiment', () => {
    expect([...experiments.keys()].sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });

  it.each(Object.entries(expected))('reads %s', (file, want) => {
    const experiment = experiments.get(file)!;
    const summary = katibExperimentSummary(experiment);
    const { parameters, trialTitle, collector, ...fields } = want;
    // toMatchObject needs an absent key to be absent, not undefined.
    const absent = Object.keys(fields).filter(
      key => fields[key as keyof typeof fields] === undefined,
    );
    for (const key of absent) delete (fields as Record<string, unknown>)[key];
    expect(absent.filter(key => key in summary)).toEqual([]);
    expect(summary).toMatchObject(fields);
    expect(
      summary.parameters.map(
        p => `${p.name} ${p.type} ${katibFeasibleSpaceText(p)}`,
      ),
    ).toEqual(parameters);
    expect(summary.trial.title).toBe(trialTitle);
    expect(
      [summary.metricsCollector.kind, summary.metricsCollector.source]
        .filter(Boolean)
        .join(' '),
    ).toBe(collector ?? 'StdOut');
    expect(isKatibNasExperiment(experiment)).toBe(!!want.nas);
    expect(summary.nas).toEqual(want.nas);
  });

  it('says which metrics strategy applies: the stated one, else by objective type', () => {
    const strategy = katibExperimentSummary(
      experiments.get('metrics-collector__metrics-collection-strategy.yaml')!,
    ).objective;
    expect(strategy).toMatchObject({
      type: 'minimize',
      metricName: 'loss',
      goal: 0.001,
      additionalMetricNames: ['accuracy'],
      metricStrategies: [
        { name: 'accuracy', value: 'max' },
        { name: 'loss', value: 'min' },
      ],
    });
    expect(
      katibExperimentSummary(experiments.get('fpga__xgboost-example.yaml')!)
        .objective.metricStrategies,
    ).toEqual([
      { name: 'accuracy', value: 'max' },
      { name: 'time', value: 'max' },
    ]);
  });

  it('reads the trial template: container, placeholders and the assignment each reads', () => {
    const darts = katibExperimentSummary(
      experiments.get(
        'sdk__nas-with-darts.ipynb__cell11__get-experiment.with-status.json',
      )!,
    );
    expect(darts.trial).toEqual({
      kind: 'Job',
      apiVersion: 'batch/v1',
      title: 'Job',
      primaryContainerName: 'training-container',
      parameters: [
        {
          name: 'algorithmSettings',
          reference: 'algorithm-settings',
          description: 'Algorithm settings of DARTS Experiment',
        },
        {
          name: 'searchSpace',
          reference: 'search-space',
          description: 'Search Space of DARTS Experiment',
        },
        {
          name: 'numberLayers',
          reference: 'num-layers',
          description: 'Number of Neural Network layers',
        },
      ],
    });
  });

  // No upstream sample (mirrored yet) has ENAS, early stopping or a ConfigMap trial template:
  // objects in the shape of the swagger (katib examples/v1beta1/nas/enas-cpu.yaml,
  // early-stopping/median-stop.yaml, trial-template/trial-configmap-source.yaml).
  it('reads an ENAS experiment with its graph, early stopping and a ConfigMap template', () => {
    const summary = katibExperimentSummary({
      apiVersion: 'kubeflow.org/v1beta1',
      kind: 'Experiment',
      metadata: { name: 'enas', namespace: 'team-a' },
      spec: {
        algorithm: { algorithmName: 'enas' },
        objective: {
          type: 'maximize',
          objectiveMetricName: 'Validation-Accuracy',
        },
        nasConfig: {
          graphConfig: {
            numLayers: 8,
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
                  feasibleSpace: { list: ['3', '5', '7'] },
                },
                {
                  name: 'stride',
                  parameterType: 'categorical',
                  feasibleSpace: { list: ['1', '2'] },
                },
              ],
            },
            {
              operationType: 'reduction',
              parameters: [
                {
                  name: 'reduction_type',
                  parameterType: 'categorical',
                  feasibleSpace: { list: ['max_pooling', 'avg_pooling'] },
                },
              ],
            },
          ],
        },
        earlyStopping: {
          algorithmName: 'medianstop',
          algorithmSettings: [{ name: 'min_trials_required', value: '2' }],
        },
        trialTemplate: {
          configMap: {
            configMapName: 'trial-templates',
            templatePath: 'enasTemplate.yaml',
          },
        },
      },
    });
    expect(summary.description).toBe(
      'ENAS neural architecture search over 8 layers with 2 operations',
    );
    expect(summary.nas).toMatchObject({
      numLayers: 8,
      inputSizes: [32, 32, 3],
      outputSizes: [10],
    });
    expect(summary.nas!.operations.map(o => o.type)).toEqual([
      'convolution',
      'reduction',
    ]);
    expect(
      summary.nas!.operations[0].parameters.map(katibFeasibleSpaceText),
    ).toEqual(['3, 5, 7', '1, 2']);
    expect(summary.earlyStopping).toEqual({
      algorithm: 'medianstop',
      settings: [{ name: 'min_trials_required', value: '2' }],
    });
    expect(summary.trial).toMatchObject({
      title: 'template in ConfigMap team-a/trial-templates',
      configMap: 'team-a/trial-templates',
    });
    expect(summary.trial.kind).toBeUndefined();
  });
});

describe('Katib metric values', () => {
  it('parses a number only when the value is one', () => {
    expect(katibMetricNumber('0.97')).toBe(0.97);
    expect(katibMetricNumber('-1.5e-3')).toBe(-0.0015);
    expect(katibMetricNumber(' 12 ')).toBe(12);
    expect(katibMetricNumber(3)).toBe(3);
    for (const text of [
      "Genotype(normal=[[('max_pooling_3x3', 0)]], normal_concat=range(2, 4))",
      'unavailable',
      '',
      '0x10',
      'NaN',
      'Infinity',
      '1,5',
      undefined,
      null,
    ]) {
      expect(katibMetricNumber(text)).toBeUndefined();
    }
  });

  it('keeps latest values as Katib wrote them, text included, and drops unavailable ones', () => {
    expect(
      katibMetricValues([
        { name: 'Best-Genotype', latest: 'Genotype(normal=[])' },
        { name: 'Validation-Accuracy', min: '0.5', max: '0.9', latest: '0.88' },
        { name: 'loss', latest: 'unavailable' },
      ]),
    ).toEqual({
      'Best-Genotype': 'Genotype(normal=[])',
      'Validation-Accuracy': '0.88',
    });
    expect(katibMetricValues(null)).toEqual({});
  });
});
