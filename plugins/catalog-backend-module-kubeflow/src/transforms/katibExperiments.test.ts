import { KatibExperiment } from '@kubeflow-backstage/plugin-kubeflow-common';
import { TransformContext } from './context';
import { katibExperimentToEntity } from './workloads';

const context: TransformContext = {
  cluster: 'sandbox',
  profiles: new Set(['team-vision']),
  defaultOwner: 'group:default/ml-platform',
  userRefOf: () => undefined,
};

const genotype =
  "Genotype(normal=[[('max_pooling_3x3', 0), ('dilated_convolution_5x5', 1)], [('skip_connection', 0), ('max_pooling_3x3', 2)]], normal_concat=range(2, 4), reduce=[[('avg_pooling_3x3', 0), ('skip_connection', 1)]], reduce_concat=range(2, 4))";

/** A DARTS experiment in the shape of Katib's examples/v1beta1/nas/darts-cpu.yaml, finished. */
const darts: KatibExperiment = {
  apiVersion: 'kubeflow.org/v1beta1',
  kind: 'Experiment',
  metadata: { name: 'darts-cpu', namespace: 'team-vision' },
  spec: {
    parallelTrialCount: 1,
    maxTrialCount: 1,
    maxFailedTrialCount: 1,
    objective: { type: 'maximize', objectiveMetricName: 'Best-Genotype' },
    algorithm: {
      algorithmName: 'darts',
      algorithmSettings: [{ name: 'num_epochs', value: '2' }],
    },
    nasConfig: {
      graphConfig: { numLayers: 2 },
      operations: [
        {
          operationType: 'separable_convolution',
          parameters: [
            {
              name: 'filter_size',
              parameterType: 'categorical',
              feasibleSpace: { list: ['3'] },
            },
          ],
        },
        {
          operationType: 'max_pooling',
          parameters: [
            {
              name: 'filter_size',
              parameterType: 'categorical',
              feasibleSpace: { list: ['3'] },
            },
          ],
        },
        { operationType: 'skip_connection' },
      ],
    },
    trialTemplate: {
      primaryContainerName: 'training-container',
      trialSpec: { apiVersion: 'batch/v1', kind: 'Job' },
    },
  },
  status: {
    conditions: [
      {
        type: 'Succeeded',
        status: 'True',
        reason: 'ExperimentMaxTrialsReached',
        message: 'Experiment has succeeded because max trial count has reached',
      },
    ],
    currentOptimalTrial: {
      bestTrialName: 'darts-cpu-abc',
      observation: {
        metrics: [
          {
            name: 'Best-Genotype',
            min: genotype,
            max: genotype,
            latest: genotype,
          },
        ],
      },
    },
    trials: 1,
    trialsSucceeded: 1,
  },
};

describe('Katib experiments in the catalog', () => {
  it('say a NAS experiment searches an architecture, and cut a genotype short', () => {
    const entity = katibExperimentToEntity(darts, context);
    expect(entity.spec).toMatchObject({ type: 'katib-experiment' });
    expect(entity.metadata.description).toBe(
      `Katib experiment: DARTS neural architecture search over 2 layers with 3 operations, maximize Best-Genotype; 1 of 1 trials succeeded, best Best-Genotype ${genotype.slice(
        0,
        59,
      )}… (darts-cpu-abc). State: succeeded.`,
    );
    expect(entity.metadata.tags).toEqual(['kubeflow', 'katib', 'nas', 'darts']);
  });

  it('say what a hyperparameter search tunes, with its goal and best value', () => {
    const entity = katibExperimentToEntity(
      {
        ...darts,
        metadata: { name: 'tpe', namespace: 'team-vision' },
        spec: {
          objective: {
            type: 'minimize',
            goal: 0.001,
            objectiveMetricName: 'loss',
          },
          algorithm: { algorithmName: 'multivariate-tpe' },
          maxTrialCount: 12,
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
        },
        status: {
          conditions: [
            { type: 'Running', status: 'True', reason: 'ExperimentRunning' },
          ],
          currentOptimalTrial: {
            bestTrialName: 'tpe-x',
            observation: {
              metrics: [{ name: 'loss', latest: '0.0123' }],
            },
          },
          trialsSucceeded: 3,
        },
      },
      context,
    );
    expect(entity.metadata.description).toBe(
      'Katib experiment: multivariate TPE search over 2 parameters, minimize loss to 0.001; 3 of 12 trials succeeded, best loss 0.0123 (tpe-x). State: ready.',
    );
    expect(entity.metadata.tags).toEqual([
      'kubeflow',
      'katib',
      'hyperparameter-tuning',
      'multivariate-tpe',
    ]);
  });
});
