import { DisplayState } from './status/types';
import type { KatibExperimentSummary } from './katibExperimentSummary';
import type {
  TrainingOperatorKind,
  TrainingRoleSummary,
} from './resources/trainingOperator';

/**
 * HTTP shapes of the experimentation pages: pipelines and their runs, Katib experiments,
 * TrainJobs, Spark applications, and the metrics view across them.
 */

/** An input parameter a pipeline declares (`root.inputDefinitions.parameters`). @public */
export interface PipelineParameterDto {
  name: string;
  /** IR parameter type: NUMBER_INTEGER, NUMBER_DOUBLE, STRING, BOOLEAN, LIST or STRUCT. */
  type: string;
  defaultValue?: unknown;
  optional: boolean;
  description?: string;
}

/** A task of a pipeline's root DAG. @public */
export interface PipelineTaskSpecDto {
  name: string;
  dependsOn: string[];
  image?: string;
  /** Output artifacts the task's component declares (name → schema title, e.g. system.Model). */
  outputArtifacts: Array<{ name: string; type?: string }>;
  /** Output parameters the component declares. */
  outputParameters: string[];
}

/** A pipeline version with what a run form and a graph need. @public */
export interface PipelineVersionDto {
  id: string;
  name: string;
  displayName: string;
  description?: string;
  createdAt?: string;
  codeSourceUrl?: string;
  parameters: PipelineParameterDto[];
  tasks: PipelineTaskSpecDto[];
}

/** A KFP pipeline with its versions (newest first). @public */
export interface PipelineDto {
  cluster: string;
  id: string;
  name: string;
  displayName: string;
  /** Empty for a shared pipeline. */
  namespace?: string;
  description?: string;
  createdAt?: string;
  versions: PipelineVersionDto[];
}

/** A KFP run in a table. @public */
export interface RunDto {
  cluster: string;
  namespace: string;
  id: string;
  name: string;
  /** KFP runtime state (RUNNING, SUCCEEDED, FAILED, …). */
  state: string;
  display: DisplayState;
  storageState: string;
  experimentId?: string;
  pipelineId?: string;
  pipelineVersionId?: string;
  recurringRunId?: string;
  createdAt?: string;
  finishedAt?: string;
  /** Seconds from creation to finish (or until now for a running run). */
  durationSeconds?: number;
  error?: string;
}

/** One page of runs; the token fetches the next one. @public */
export interface RunPageDto {
  runs: RunDto[];
  totalSize: number;
  nextPageToken?: string;
}

/** A task of a run, as executed. @public */
export interface RunTaskDto {
  id: string;
  name: string;
  state: string;
  display: DisplayState;
  startedAt?: string;
  finishedAt?: string;
  durationSeconds?: number;
  error?: string;
  podName?: string;
}

/** A run's page: its graph coloured by task state, parameters and outputs. @public */
export interface RunDetailsDto extends RunDto {
  parameters: Record<string, unknown>;
  pipelineRoot?: string;
  /** The compiled DAG of the version it ran. */
  graph: PipelineTaskSpecDto[];
  /** Executed tasks, by name (the root DAG task excluded). */
  tasks: RunTaskDto[];
  /** Model versions registered from this run, with their metrics and artifact URIs. */
  outputs: Array<{
    model: string;
    version: string;
    uri?: string;
    metrics: Record<string, number>;
  }>;
}

/** A recurring run with its trigger. @public */
export interface RecurringRunDto {
  cluster: string;
  namespace: string;
  id: string;
  name: string;
  enabled: boolean;
  cron?: string;
  intervalSeconds?: number;
  pipelineId?: string;
  pipelineVersionId?: string;
  experimentId?: string;
  maxConcurrency?: number;
  createdAt?: string;
}

/** One Katib trial. @public */
export interface KatibTrialDto {
  name: string;
  state: DisplayState;
  /** Last true condition: Created, Running, Succeeded, Failed, Killed, EarlyStopped… */
  phase: string;
  /** The assignment: hyperparameters, or what a NAS algorithm hands the trial (search-space…). */
  parameters: Record<string, string>;
  /**
   * Latest value of the objective metric as Katib recorded it: a number's text, or text such as
   * a DARTS genotype (read numbers with katibMetricNumber).
   */
  objective?: string;
  /** Latest value of each metric, as Katib recorded it (strings, numeric or not). */
  metrics: Record<string, string>;
  startTime?: string;
  completionTime?: string;
  best: boolean;
}

/**
 * A Katib experiment's page: what it is (see {@link KatibExperimentSummary}) and how it runs.
 * @public
 */
export interface KatibExperimentDto extends KatibExperimentSummary {
  cluster: string;
  namespace: string;
  name: string;
  state: DisplayState;
  counts: {
    trials: number;
    running: number;
    succeeded: number;
    failed: number;
    killed: number;
  };
  bestTrialName?: string;
  trials: KatibTrialDto[];
  /** Stop asked: no new trials are started. */
  stopped: boolean;
  /** Finished, and more trials may be run (resume policy keeps the suggestion). */
  restartable: boolean;
  startTime?: string;
  completionTime?: string;
}

/** A condition with its reason. @public */
export interface ConditionDto {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** A TrainJob's page. @public */
export interface TrainJobDto {
  cluster: string;
  namespace: string;
  name: string;
  state: DisplayState;
  suspended: boolean;
  runtime: { name: string; kind: string };
  image?: string;
  command?: string[];
  numNodes: number;
  numProcPerNode?: string;
  resourcesPerNode: {
    requests: Record<string, string>;
    limits: Record<string, string>;
  };
  conditions: ConditionDto[];
  jobs: Array<{
    name: string;
    active: number;
    ready: number;
    succeeded: number;
    failed: number;
    suspended: number;
  }>;
  progress?: {
    percentage?: number;
    estimatedRemainingSeconds?: number;
    metrics: Record<string, string>;
    lastUpdatedTime?: string;
  };
  createdAt?: string;
}

/** A Training Operator v1 job's page (PyTorchJob, TFJob, MPIJob, XGBoostJob, JAXJob, PaddleJob). @public */
export interface TrainingJobDto {
  cluster: string;
  namespace: string;
  name: string;
  kind: TrainingOperatorKind;
  framework: string;
  state: DisplayState;
  suspended: boolean;
  /** Each role as the spec states it, with the replicas the operator reports for it. */
  roles: Array<
    TrainingRoleSummary & { active: number; succeeded: number; failed: number }
  >;
  /** Kind-specific settings (processes per node, slots per worker, elastic range, run policy). */
  details: Record<string, string>;
  conditions: ConditionDto[];
  startTime?: string;
  completionTime?: string;
  createdAt?: string;
}

/** A ScheduledSparkApplication: its schedule and its last runs. @public */
export interface ScheduledSparkDto {
  name: string;
  schedule: string;
  timeZone?: string;
  suspended: boolean;
  concurrencyPolicy?: string;
  scheduleState?: string;
  lastRun?: string;
  nextRun?: string;
  lastRunName?: string;
  runs: Array<{
    name: string;
    state: DisplayState;
    submittedAt?: string;
    terminatedAt?: string;
  }>;
}

/** A SparkApplication's page. @public */
export interface SparkApplicationDto {
  cluster: string;
  namespace: string;
  name: string;
  state: DisplayState;
  applicationState: string;
  type?: string;
  sparkVersion?: string;
  mode?: string;
  image?: string;
  mainApplicationFile?: string;
  mainClass?: string;
  arguments: string[];
  driver: { cores?: number; memory?: string; podName?: string };
  executor: { instances?: number; cores?: number; memory?: string };
  executors: Array<{ pod: string; state: string }>;
  submissionAttempts?: number;
  executionAttempts?: number;
  submittedAt?: string;
  terminatedAt?: string;
  sparkApplicationId?: string;
  /** The Spark UI, when the operator exposed one (ingress address, or the driver service). */
  uiUrl?: string;
  /** The ScheduledSparkApplication that launched it, if any. */
  schedule?: ScheduledSparkDto;
}

/** What produced a model version, or one experiment of a profile. @public */
export interface MetricsSourceDto {
  kind: 'pipeline-run' | 'katib-experiment' | 'trainjob' | 'notebook';
  name: string;
  namespace?: string;
  /** KFP run id (for runs). */
  id?: string;
  state?: DisplayState;
  /** Catalog entity of the source, when it is one (Katib experiments, TrainJobs, notebooks). */
  entityRef?: string;
}

/** One row of the metrics comparison. @public */
export interface MetricsRowDto {
  /** The model version it produced (model metrics only). */
  version?: string;
  source: MetricsSourceDto;
  /** The parameters the source ran with (run parameters, best-trial assignments). */
  parameters: Record<string, string>;
  metrics: Record<string, number>;
}

/** Metrics of everything that produced a model's versions, or of a profile's experiments. @public */
export interface MetricsComparisonDto {
  cluster: string;
  title: string;
  metricNames: string[];
  rows: MetricsRowDto[];
  /** Sources the caller may not read, or that could not be loaded, and why. */
  missing: string[];
}
