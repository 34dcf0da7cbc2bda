import { InferenceService } from '../resources';
import { DisplayState } from './types';

/**
 * An InferenceService's state as the KServe models web app shows it: the Ready condition decides;
 * a model that failed to load or a stop annotation say why.
 *
 * @public
 */
export function inferenceServiceDisplayState(
  isvc: InferenceService,
): DisplayState {
  const conditions = isvc.status?.conditions ?? [];
  if (isvc.metadata.annotations?.['serving.kserve.io/stop'] === 'true') {
    return { phase: 'stopped', message: 'The endpoint is stopped.' };
  }
  if (isvc.metadata.deletionTimestamp) {
    return { phase: 'terminating', message: 'Deleting this endpoint.' };
  }
  const failure = isvc.status?.modelStatus?.lastFailureInfo;
  const ready = conditions.find(c => c.type === 'Ready');
  if (ready?.status === 'True') {
    return { phase: 'ready', message: 'Ready' };
  }
  if (failure?.reason) {
    return {
      phase: 'error',
      message: [failure.reason, failure.message].filter(Boolean).join(': '),
    };
  }
  if (ready?.status === 'False') {
    return {
      phase: 'warning',
      message:
        [ready.reason, ready.message].filter(Boolean).join(': ') || 'Not ready',
    };
  }
  return {
    phase: 'waiting',
    message: 'Waiting for the endpoint to become ready.',
  };
}

/**
 * The traffic split of the predictor: percent per revision, latest first. A canary is in progress
 * when the latest revision has less than 100 %.
 *
 * @public
 */
export function predictorTraffic(isvc: InferenceService): {
  latestPercent: number;
  previousPercent: number;
  canary: boolean;
} {
  const traffic = isvc.status?.components?.predictor?.traffic ?? [];
  const latest = traffic
    .filter(t => t.latestRevision)
    .reduce((sum, t) => sum + (t.percent ?? 0), 0);
  const previous = traffic
    .filter(t => !t.latestRevision)
    .reduce((sum, t) => sum + (t.percent ?? 0), 0);
  const latestPercent = traffic.length ? latest : 100;
  return {
    latestPercent,
    previousPercent: previous,
    canary: latestPercent < 100 && previous > 0,
  };
}
