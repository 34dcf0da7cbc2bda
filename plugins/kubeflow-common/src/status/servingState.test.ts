import { InferenceService } from '../resources';
import { inferenceServiceDisplayState, predictorTraffic } from './servingState';

const base: InferenceService = {
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'iris', namespace: 'team-a' },
};

describe('inferenceServiceDisplayState', () => {
  it('is ready when the Ready condition is true', () => {
    expect(
      inferenceServiceDisplayState({
        ...base,
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }).phase,
    ).toBe('ready');
  });

  it('reports a model that failed to load with its reason', () => {
    expect(
      inferenceServiceDisplayState({
        ...base,
        status: {
          conditions: [{ type: 'Ready', status: 'False' }],
          modelStatus: {
            lastFailureInfo: {
              reason: 'ModelLoadFailed',
              message: 'no such bucket',
            },
          },
        },
      }),
    ).toEqual({ phase: 'error', message: 'ModelLoadFailed: no such bucket' });
  });

  it('is stopped by the stop annotation and waiting without conditions', () => {
    expect(
      inferenceServiceDisplayState({
        ...base,
        metadata: {
          ...base.metadata,
          annotations: { 'serving.kserve.io/stop': 'true' },
        },
      }).phase,
    ).toBe('stopped');
    expect(inferenceServiceDisplayState(base).phase).toBe('waiting');
  });
});

describe('predictorTraffic', () => {
  it('sees a canary when the latest revision has part of the traffic', () => {
    expect(
      predictorTraffic({
        ...base,
        status: {
          components: {
            predictor: {
              traffic: [
                { revisionName: 'iris-2', latestRevision: true, percent: 20 },
                {
                  revisionName: 'iris-1',
                  latestRevision: false,
                  percent: 80,
                  tag: 'prev',
                },
              ],
            },
          },
        },
      }),
    ).toEqual({ latestPercent: 20, previousPercent: 80, canary: true });
  });

  it('sees no canary when the latest revision has all of it', () => {
    expect(
      predictorTraffic({
        ...base,
        status: {
          components: {
            predictor: { traffic: [{ latestRevision: true, percent: 100 }] },
          },
        },
      }).canary,
    ).toBe(false);
  });
});
