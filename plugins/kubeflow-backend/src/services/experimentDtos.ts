import {
  ConditionDto,
  KatibExperiment,
  KatibExperimentDto,
  KatibTrialDto,
  KfpRun,
  RecurringRunDto,
  RunDto,
  RunTaskDto,
  ScheduledSparkDto,
  SparkApplicationDto,
  TrainJobDto,
  TrainingJobDto,
  TrainingOperatorJob,
  katibExperimentDisplayState,
  katibExperimentSummary,
  katibMetricValues,
  kfpRunDisplayState,
  scheduledSparkApplicationDisplayState,
  sparkApplicationDisplayState,
  trainJobDisplayState,
  trainingOperatorJobDisplayState,
  trainingOperatorJobSummary,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusterConfig } from '@kubeflow-backstage/plugin-kubeflow-node';

/** Annotation the portal sets on a stopped Katib experiment: its maxTrialCount before the stop. */
export const KATIB_STOPPED_MAX_TRIALS_ANNOTATION =
  'kubeflow.org/max-trial-count-before-stop';

function seconds(from?: string, to?: string): number | undefined {
  if (!from) return undefined;
  const start = Date.parse(from);
  const end = to ? Date.parse(to) : Date.now();
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.max(0, Math.round((end - start) / 1000));
}

/**
 * A run's or task's display state: the error when it failed, the state's word when the phase
 * alone would hide it (skipped, paused, canceled), nothing otherwise.
 */
function runDisplay(state?: string, error?: { message?: string }) {
  const display = kfpRunDisplayState({ state: state as any, error });
  const word = ['SKIPPED', 'PAUSED', 'CANCELED', 'CANCELING'].includes(
    state ?? '',
  )
    ? state!.charAt(0) + state!.slice(1).toLowerCase()
    : '';
  return { phase: display.phase, message: error?.message || word };
}

/** KFP leaves unset times as the zero time or omits them. */
function time(value?: string): string | undefined {
  return value && !value.startsWith('1970-01-01') ? value : undefined;
}

/** A KFP run in a table. */
export function runDto(
  cluster: KubeflowClusterConfig,
  namespace: string,
  run: KfpRun & Record<string, any>,
): RunDto {
  const finishedAt = time(run.finished_at);
  return {
    cluster: cluster.name,
    namespace,
    id: run.run_id!,
    name: run.display_name ?? run.run_id!,
    state: run.state ?? 'RUNTIME_STATE_UNSPECIFIED',
    display: runDisplay(run.state, run.error),
    storageState: run.storage_state ?? 'AVAILABLE',
    experimentId: run.experiment_id,
    pipelineId: run.pipeline_version_reference?.pipeline_id,
    pipelineVersionId: run.pipeline_version_reference?.pipeline_version_id,
    recurringRunId: run.recurring_run_id,
    createdAt: time(run.created_at),
    finishedAt,
    durationSeconds: seconds(
      time(run.created_at),
      finishedAt ??
        (['PENDING', 'RUNNING', 'CANCELING'].includes(run.state ?? '')
          ? undefined
          : time(run.created_at)),
    ),
    error: run.error?.message,
  };
}

/** The executed tasks of a run, without the root DAG task. */
export function runTasks(run: KfpRun & Record<string, any>): RunTaskDto[] {
  const tasks: any[] = run.run_details?.task_details ?? [];
  return tasks
    .filter(t => t.parent_task_id)
    .map(t => {
      const finishedAt = time(t.end_time);
      return {
        id: t.task_id,
        name: t.display_name ?? t.task_id,
        state: t.state ?? 'RUNTIME_STATE_UNSPECIFIED',
        display: runDisplay(t.state, t.error),
        startedAt: time(t.start_time),
        finishedAt,
        durationSeconds: seconds(time(t.start_time), finishedAt),
        error: t.error?.message,
        podName: t.pod_name ?? t.child_tasks?.[0]?.pod_name,
      };
    });
}

/** A recurring run with its trigger. */
export function recurringRunDto(
  cluster: KubeflowClusterConfig,
  run: Record<string, any>,
): RecurringRunDto {
  const interval = run.trigger?.periodic_schedule?.interval_second;
  return {
    cluster: cluster.name,
    namespace: run.namespace ?? '',
    id: run.recurring_run_id,
    name: run.display_name ?? run.recurring_run_id,
    enabled: run.status ? run.status === 'ENABLED' : run.mode !== 'DISABLE',
    cron: run.trigger?.cron_schedule?.cron,
    intervalSeconds: interval !== undefined ? Number(interval) : undefined,
    pipelineId: run.pipeline_version_reference?.pipeline_id,
    pipelineVersionId: run.pipeline_version_reference?.pipeline_version_id,
    experimentId: run.experiment_id,
    maxConcurrency:
      run.max_concurrency !== undefined
        ? Number(run.max_concurrency)
        : undefined,
    createdAt: time(run.created_at),
  };
}

function lastTrue(list: any[] | undefined): any {
  return [...(list ?? [])].reverse().find(c => c.status === 'True');
}

const TRIAL_PHASES: Record<string, KatibTrialDto['state']['phase']> = {
  Created: 'waiting',
  Running: 'ready',
  Succeeded: 'succeeded',
  Failed: 'error',
  Killed: 'stopped',
  EarlyStopped: 'stopped',
  MetricsUnavailable: 'warning',
};

/** A Katib trial. */
export function katibTrialDto(
  trial: Record<string, any>,
  metricName: string,
  bestTrialName?: string,
): KatibTrialDto {
  const condition = lastTrue(trial.status?.conditions);
  // As Katib recorded them: numbers' text, or text such as a DARTS genotype.
  const metrics = katibMetricValues(trial.status?.observation?.metrics);
  return {
    name: trial.metadata.name,
    phase: condition?.type ?? 'Created',
    state: {
      phase: TRIAL_PHASES[condition?.type] ?? 'waiting',
      // The phase says it all for a trial that is created, running or succeeded.
      message: ['Created', 'Running', 'Succeeded'].includes(condition?.type)
        ? ''
        : condition?.message || condition?.reason || '',
    },
    parameters: Object.fromEntries(
      (trial.spec?.parameterAssignments ?? []).map((a: any) => [
        a.name,
        String(a.value),
      ]),
    ),
    ...(metrics[metricName] !== undefined
      ? { objective: metrics[metricName] }
      : {}),
    metrics,
    startTime: trial.status?.startTime,
    completionTime: trial.status?.completionTime,
    best: trial.metadata.name === bestTrialName,
  };
}

/** A Katib experiment with its trials (oldest first). */
export function katibExperimentDto(
  cluster: KubeflowClusterConfig,
  experiment: Record<string, any>,
  trials: Array<Record<string, any>>,
): KatibExperimentDto {
  const spec = experiment.spec ?? {};
  const status = experiment.status ?? {};
  const metricName = spec.objective?.objectiveMetricName ?? '';
  const best = status.currentOptimalTrial?.bestTrialName || undefined;
  const succeeded = (status.conditions ?? []).find(
    (c: any) => c.type === 'Succeeded' && c.status === 'True',
  );
  const stopped =
    experiment.metadata.annotations?.[KATIB_STOPPED_MAX_TRIALS_ANNOTATION] !==
    undefined;
  const trialDtos = [...trials]
    .sort(
      (a, b) =>
        String(a.metadata.creationTimestamp).localeCompare(
          String(b.metadata.creationTimestamp),
        ) || a.metadata.name.localeCompare(b.metadata.name),
    )
    .map(t => katibTrialDto(t, metricName, best));
  return {
    cluster: cluster.name,
    namespace: experiment.metadata.namespace,
    name: experiment.metadata.name,
    state: katibExperimentDisplayState(experiment as any),
    ...katibExperimentSummary(experiment as KatibExperiment),
    counts: {
      trials: status.trials ?? trials.length,
      running: status.trialsRunning ?? 0,
      succeeded: status.trialsSucceeded ?? 0,
      failed: status.trialsFailed ?? 0,
      killed: status.trialsKilled ?? 0,
    },
    bestTrialName: best,
    trials: trialDtos,
    stopped,
    restartable:
      succeeded?.reason === 'ExperimentMaxTrialsReached' &&
      ['LongRunning', 'FromVolume'].includes(spec.resumePolicy),
    startTime: status.startTime,
    completionTime: status.completionTime,
  };
}

function conditions(list: any[] | undefined): ConditionDto[] {
  return (list ?? []).map(c => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: c.lastTransitionTime,
  }));
}

const strings = (record: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(record ?? {}).map(([k, v]) => [k, String(v)]),
  );

/** A TrainJob. */
export function trainJobDto(
  cluster: KubeflowClusterConfig,
  job: Record<string, any>,
): TrainJobDto {
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  const trainer = spec.trainer ?? {};
  const progress = status.trainerStatus;
  return {
    cluster: cluster.name,
    namespace: job.metadata.namespace,
    name: job.metadata.name,
    state: trainJobDisplayState(job as any),
    suspended: !!spec.suspend,
    runtime: {
      name: spec.runtimeRef?.name ?? 'unknown',
      kind: spec.runtimeRef?.kind ?? 'ClusterTrainingRuntime',
    },
    image: trainer.image,
    command: trainer.command,
    numNodes: trainer.numNodes ?? 1,
    numProcPerNode:
      trainer.numProcPerNode !== undefined
        ? String(trainer.numProcPerNode)
        : undefined,
    resourcesPerNode: {
      requests: strings(trainer.resourcesPerNode?.requests),
      limits: strings(trainer.resourcesPerNode?.limits),
    },
    conditions: conditions(status.conditions),
    jobs: (status.jobsStatus ?? []).map((j: any) => ({
      name: j.name,
      active: j.active ?? 0,
      ready: j.ready ?? 0,
      succeeded: j.succeeded ?? 0,
      failed: j.failed ?? 0,
      suspended: j.suspended ?? 0,
    })),
    ...(progress
      ? {
          progress: {
            percentage: progress.progressPercentage,
            estimatedRemainingSeconds: progress.estimatedRemainingSeconds,
            metrics: Object.fromEntries(
              (progress.metrics ?? []).map((m: any) => [
                m.name,
                String(m.value),
              ]),
            ),
            lastUpdatedTime: progress.lastUpdatedTime,
          },
        }
      : {}),
    createdAt: job.metadata.creationTimestamp,
  };
}

/** A ScheduledSparkApplication with the applications it launched (newest first). */
export function scheduledSparkDto(
  scheduled: Record<string, any>,
  runs: Array<Record<string, any>>,
): ScheduledSparkDto {
  const spec = scheduled.spec ?? {};
  const status = scheduled.status ?? {};
  return {
    name: scheduled.metadata.name,
    schedule: spec.schedule,
    timeZone: spec.timeZone,
    suspended: !!spec.suspend,
    concurrencyPolicy: spec.concurrencyPolicy,
    scheduleState: status.scheduleState,
    lastRun: status.lastRun,
    nextRun: status.nextRun,
    lastRunName: status.lastRunName,
    runs: [...runs]
      .sort((a, b) =>
        String(b.metadata.creationTimestamp).localeCompare(
          String(a.metadata.creationTimestamp),
        ),
      )
      .map(r => ({
        name: r.metadata.name,
        state: sparkApplicationDisplayState(r as any),
        submittedAt: r.status?.lastSubmissionAttemptTime,
        terminatedAt: r.status?.terminationTime,
      })),
  };
}

/**
 * A ScheduledSparkApplication as a page: the application its template runs (no status of its
 * own: each run has one), the schedule's state, and the schedule with its last runs.
 */
export function scheduledSparkApplicationDto(
  cluster: KubeflowClusterConfig,
  scheduled: Record<string, any>,
  runs: Array<Record<string, any>>,
): SparkApplicationDto {
  const app = sparkApplicationDto(
    cluster,
    { metadata: scheduled.metadata, spec: scheduled.spec?.template ?? {} },
    scheduledSparkDto(scheduled, runs),
  );
  return {
    ...app,
    state: scheduledSparkApplicationDisplayState(scheduled as any),
    applicationState: scheduled.status?.scheduleState ?? 'NEW',
  };
}

/** A SparkApplication (with its schedule when a ScheduledSparkApplication launched it). */
export function sparkApplicationDto(
  cluster: KubeflowClusterConfig,
  app: Record<string, any>,
  schedule?: ScheduledSparkDto,
): SparkApplicationDto {
  const spec = app.spec ?? {};
  const status = app.status ?? {};
  const driver = status.driverInfo ?? {};
  let uiUrl: string | undefined;
  if (driver.webUIIngressAddress) {
    uiUrl = /^https?:\/\//.test(driver.webUIIngressAddress)
      ? driver.webUIIngressAddress
      : `http://${driver.webUIIngressAddress}`;
  } else if (driver.webUIAddress) {
    uiUrl = `http://${driver.webUIAddress}`;
  }
  return {
    cluster: cluster.name,
    namespace: app.metadata.namespace,
    name: app.metadata.name,
    state: sparkApplicationDisplayState(app as any),
    applicationState: status.applicationState?.state || 'NEW',
    type: spec.type,
    sparkVersion: spec.sparkVersion,
    mode: spec.mode,
    image: spec.image,
    mainApplicationFile: spec.mainApplicationFile,
    mainClass: spec.mainClass,
    arguments: spec.arguments ?? [],
    driver: {
      cores: spec.driver?.cores,
      memory: spec.driver?.memory,
      podName: driver.podName,
    },
    executor: {
      instances: spec.executor?.instances,
      cores: spec.executor?.cores,
      memory: spec.executor?.memory,
    },
    executors: Object.entries<string>(status.executorState ?? {})
      .map(([pod, state]) => ({ pod, state }))
      .sort((a, b) => a.pod.localeCompare(b.pod)),
    submissionAttempts: status.submissionAttempts,
    executionAttempts: status.executionAttempts,
    submittedAt: status.lastSubmissionAttemptTime,
    terminatedAt: status.terminationTime,
    sparkApplicationId: status.sparkApplicationId,
    uiUrl,
    ...(schedule ? { schedule } : {}),
  };
}

/** A Training Operator v1 job: its roles as the spec states them, with the replicas reported. */
export function trainingJobDto(
  cluster: KubeflowClusterConfig,
  job: Record<string, any>,
): TrainingJobDto {
  const typed = job as TrainingOperatorJob;
  const summary = trainingOperatorJobSummary(typed);
  const status = typed.status ?? {};
  return {
    cluster: cluster.name,
    namespace: job.metadata.namespace,
    name: job.metadata.name,
    kind: summary.kind,
    framework: summary.framework,
    state: trainingOperatorJobDisplayState(typed),
    suspended: summary.suspended,
    roles: summary.roles.map(role => {
      const reported = status.replicaStatuses?.[role.role] ?? {};
      return {
        ...role,
        active: reported.active ?? 0,
        succeeded: reported.succeeded ?? 0,
        failed: reported.failed ?? 0,
      };
    }),
    details: summary.details,
    conditions: conditions(status.conditions),
    startTime: status.startTime,
    completionTime: status.completionTime,
    createdAt: job.metadata.creationTimestamp,
  };
}
