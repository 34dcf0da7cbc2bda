import { NOTEBOOK_STOPPED_ANNOTATION, Notebook } from '../resources';
import { DisplayState } from './types';

/**
 * A notebook's state by the Jupyter web app's rules (apps/common/status.py), in its order:
 * new without status → waiting; stop annotation → stopped (0 ready) or stopping; being deleted →
 * terminating; one ready replica → ready; a waiting container → warning with its reason; a condition
 * with a reason → warning; else waiting. `now` is injectable for tests.
 *
 * @public
 */
export function notebookDisplayState(
  notebook: Notebook,
  now: Date = new Date(),
): DisplayState {
  const { metadata, status } = notebook;
  const created = metadata.creationTimestamp
    ? Date.parse(metadata.creationTimestamp)
    : NaN;
  if (!status && !Number.isNaN(created) && now.getTime() - created <= 10_000) {
    return {
      phase: 'waiting',
      message: 'Waiting for the server to be created.',
    };
  }
  if (metadata.annotations?.[NOTEBOOK_STOPPED_ANNOTATION] !== undefined) {
    return (status?.readyReplicas ?? 0) === 0
      ? {
          phase: 'stopped',
          message: 'No pods are running for this notebook server.',
        }
      : { phase: 'stopping', message: 'Notebook server is stopping.' };
  }
  if (metadata.deletionTimestamp) {
    return { phase: 'terminating', message: 'Deleting this notebook server.' };
  }
  if (status?.readyReplicas === 1) {
    return { phase: 'ready', message: 'Running' };
  }
  const waiting = status?.containerState?.waiting;
  if (waiting) {
    if (waiting.reason === 'PodInitializing') {
      return { phase: 'waiting', message: waiting.reason };
    }
    return {
      phase: 'warning',
      message: [waiting.reason, waiting.message].filter(Boolean).join(': '),
    };
  }
  const withReason = status?.conditions?.find(c => c.reason);
  if (withReason) {
    return {
      phase: 'warning',
      message: [withReason.reason, withReason.message]
        .filter(Boolean)
        .join(': '),
    };
  }
  return { phase: 'waiting', message: 'Scheduling the Pod' };
}
