import {
  KatibCondition,
  KatibExperiment,
  KfpRun,
  ScheduledSparkApplication,
  SparkApplication,
  TrainJob,
  TrainingOperatorJob,
} from '../resources';
import { DisplayState } from './types';

function lastTrueCondition<T extends { status: string }>(
  conditions: T[] | undefined,
): T | undefined {
  return [...(conditions ?? [])].reverse().find(c => c.status === 'True');
}

function conditionState(
  condition: KatibCondition | undefined,
  phases: Record<string, DisplayState['phase']>,
  fallback: DisplayState,
): DisplayState {
  if (!condition) return fallback;
  return {
    phase: phases[condition.type] ?? 'unknown',
    message: condition.message || condition.reason || condition.type,
  };
}

/** A Katib experiment's state from its last true condition (Katib's printer column). @public */
export function katibExperimentDisplayState(
  experiment: KatibExperiment,
): DisplayState {
  return conditionState(
    lastTrueCondition(experiment.status?.conditions),
    {
      Created: 'waiting',
      Running: 'ready',
      Restarting: 'waiting',
      Succeeded: 'succeeded',
      Failed: 'error',
    },
    { phase: 'waiting', message: 'Waiting for the experiment to start.' },
  );
}

/**
 * A TrainJob's state: Suspended, Complete or Failed when such a condition is true; otherwise
 * running (Trainer's State column is the absence of those).
 *
 * @public
 */
export function trainJobDisplayState(job: TrainJob): DisplayState {
  const terminal = (job.status?.conditions ?? []).find(
    c =>
      c.status === 'True' &&
      ['Complete', 'Failed', 'Suspended'].includes(c.type),
  );
  if (terminal) {
    return conditionState(
      terminal,
      { Complete: 'succeeded', Failed: 'error', Suspended: 'stopped' },
      { phase: 'unknown', message: '' },
    );
  }
  if (job.spec?.suspend) {
    return { phase: 'stopped', message: 'Suspended' };
  }
  return { phase: 'ready', message: 'Running' };
}

/**
 * A Training Operator v1 job's state from its last true condition (Created, Running, Restarting,
 * Succeeded, Failed, Suspended), as the operator's State column shows it.
 *
 * @public
 */
export function trainingOperatorJobDisplayState(
  job: TrainingOperatorJob,
): DisplayState {
  return conditionState(
    lastTrueCondition(job.status?.conditions),
    {
      Created: 'waiting',
      Running: 'ready',
      Restarting: 'warning',
      Succeeded: 'succeeded',
      Failed: 'error',
      Suspended: 'stopped',
    },
    job.spec?.runPolicy?.suspend
      ? { phase: 'stopped', message: 'Suspended' }
      : {
          phase: 'waiting',
          message: 'Waiting for the operator to create the job.',
        },
  );
}

const SPARK_PHASES: Record<string, DisplayState['phase']> = {
  '': 'waiting',
  SUBMITTED: 'waiting',
  PENDING_RERUN: 'waiting',
  RUNNING: 'ready',
  SUCCEEDING: 'ready',
  COMPLETED: 'succeeded',
  FAILED: 'error',
  FAILING: 'error',
  SUBMISSION_FAILED: 'error',
  SUSPENDED: 'stopped',
  SUSPENDING: 'stopping',
};

/** A SparkApplication's state from `status.applicationState`. @public */
export function sparkApplicationDisplayState(
  app: SparkApplication,
): DisplayState {
  const state = app.status?.applicationState?.state ?? '';
  return {
    phase: SPARK_PHASES[state] ?? 'unknown',
    message:
      app.status?.applicationState?.errorMessage || state || 'New application',
  };
}

/**
 * A ScheduledSparkApplication's state: suspended, failed validation, or scheduled (with the
 * next run when the operator has computed it).
 *
 * @public
 */
export function scheduledSparkApplicationDisplayState(
  scheduled: ScheduledSparkApplication,
): DisplayState {
  const status = scheduled.status ?? {};
  if (scheduled.spec?.suspend)
    return { phase: 'stopped', message: 'Suspended' };
  if (status.scheduleState === 'FailedValidation')
    return {
      phase: 'error',
      message: status.reason || 'The schedule failed validation',
    };
  if (status.scheduleState === 'Scheduled')
    return {
      phase: 'ready',
      message: status.nextRun
        ? `Scheduled, next run ${status.nextRun}`
        : 'Scheduled',
    };
  return {
    phase: 'waiting',
    message: 'Waiting for the operator to schedule it',
  };
}

const RUN_PHASES: Record<string, DisplayState['phase']> = {
  PENDING: 'waiting',
  RUNNING: 'ready',
  SUCCEEDED: 'succeeded',
  SKIPPED: 'succeeded',
  FAILED: 'error',
  CANCELING: 'stopping',
  CANCELED: 'stopped',
  PAUSED: 'stopped',
};

/** A KFP run's state. @public */
export function kfpRunDisplayState(run: KfpRun): DisplayState {
  const state = run.state ?? 'RUNTIME_STATE_UNSPECIFIED';
  return {
    phase: RUN_PHASES[state] ?? 'unknown',
    message: run.error?.message || state,
  };
}
