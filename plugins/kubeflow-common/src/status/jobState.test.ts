import {
  katibExperimentDisplayState,
  kfpRunDisplayState,
  sparkApplicationDisplayState,
  trainJobDisplayState,
} from './jobState';

const metadata = { name: 'x', namespace: 'team-a' };

describe('job display states', () => {
  it('Katib: the last true condition decides', () => {
    expect(
      katibExperimentDisplayState({
        apiVersion: 'kubeflow.org/v1beta1',
        kind: 'Experiment',
        metadata,
        status: {
          conditions: [
            { type: 'Created', status: 'True' },
            { type: 'Running', status: 'False' },
            {
              type: 'Succeeded',
              status: 'True',
              reason: 'ExperimentGoalReached',
              message:
                'Experiment has succeeded because Objective goal has reached',
            },
          ],
        },
      }),
    ).toEqual({
      phase: 'succeeded',
      message: 'Experiment has succeeded because Objective goal has reached',
    });
  });

  it('TrainJob: running is the absence of Complete, Failed and Suspended', () => {
    const job = {
      apiVersion: 'trainer.kubeflow.org/v1alpha1',
      kind: 'TrainJob',
      metadata,
      spec: { runtimeRef: { name: 'torch-distributed' } },
    };
    expect(
      trainJobDisplayState({ ...job, status: { conditions: [] } }).phase,
    ).toBe('ready');
    expect(
      trainJobDisplayState({
        ...job,
        status: {
          conditions: [
            {
              type: 'Failed',
              status: 'True',
              reason: 'DeadlineExceeded',
              message: 'deadline exceeded',
            },
          ],
        },
      }),
    ).toEqual({ phase: 'error', message: 'deadline exceeded' });
    expect(
      trainJobDisplayState({
        ...job,
        status: {
          conditions: [
            { type: 'Suspended', status: 'True', reason: 'Suspended' },
          ],
        },
      }).phase,
    ).toBe('stopped');
  });

  it('Spark: the application state maps, and an error message wins', () => {
    const app = {
      apiVersion: 'sparkoperator.k8s.io/v1beta2',
      kind: 'SparkApplication',
      metadata,
    };
    expect(
      sparkApplicationDisplayState({
        ...app,
        status: { applicationState: { state: 'RUNNING' } },
      }).phase,
    ).toBe('ready');
    expect(
      sparkApplicationDisplayState({
        ...app,
        status: {
          applicationState: {
            state: 'FAILED',
            errorMessage: 'driver OOMKilled',
          },
        },
      }),
    ).toEqual({ phase: 'error', message: 'driver OOMKilled' });
  });

  it('KFP: run states map to phases', () => {
    expect(kfpRunDisplayState({ state: 'SUCCEEDED' }).phase).toBe('succeeded');
    expect(kfpRunDisplayState({ state: 'CANCELING' }).phase).toBe('stopping');
    expect(kfpRunDisplayState({}).phase).toBe('unknown');
  });
});
