import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { DisplayState } from '@kubeflow-backstage/plugin-kubeflow-common';

const LABELS: Record<DisplayState['phase'], string> = {
  ready: 'Running',
  waiting: 'Waiting',
  stopped: 'Stopped',
  stopping: 'Stopping',
  terminating: 'Terminating',
  warning: 'Warning',
  error: 'Error',
  succeeded: 'Succeeded',
  unknown: 'Unknown',
};

/** A resource's display state as a coloured status with words, and the reason when there is one. */
export const StateLabel = ({ state }: { state: DisplayState }) => {
  const label = LABELS[state.phase];
  const detail =
    state.message && !['Running', label].includes(state.message)
      ? ` — ${state.message}`
      : '';
  const text = `${label}${detail}`;
  switch (state.phase) {
    case 'ready':
    case 'succeeded':
      return <StatusOK>{text}</StatusOK>;
    case 'waiting':
      return <StatusPending>{text}</StatusPending>;
    case 'stopping':
    case 'terminating':
      return <StatusRunning>{text}</StatusRunning>;
    case 'warning':
      return <StatusWarning>{text}</StatusWarning>;
    case 'error':
      return <StatusError>{text}</StatusError>;
    default:
      return <StatusAborted>{text}</StatusAborted>;
  }
};
