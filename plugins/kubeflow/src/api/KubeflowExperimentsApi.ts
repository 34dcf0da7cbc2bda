import {
  KatibExperimentDto,
  MetricsComparisonDto,
  PipelineDto,
  RecurringRunDto,
  RunDetailsDto,
  RunDto,
  RunPageDto,
  SparkApplicationDto,
  TrainJobDto,
  TrainingJobDto,
  TrainingOperatorKind,
} from '@kubeflow-backstage/plugin-kubeflow-common';

/** A namespace on a cluster. @public */
export interface ExperimentsNamespaceRef {
  cluster: string;
  namespace: string;
}

/** What a runs table asks for: one page, filtered and sorted by KFP. @public */
export interface RunQuery {
  pipelineId?: string;
  experimentId?: string;
  pageSize: number;
  pageToken?: string;
  state?: string;
  search?: string;
  sort?: 'created_at' | 'finished_at' | 'display_name' | 'state';
  order?: 'asc' | 'desc';
  archived?: boolean;
}

/** A new run from a pipeline version. @public */
export interface NewRun {
  name: string;
  pipelineId: string;
  pipelineVersionId: string;
  experimentId?: string;
  parameters: Record<string, unknown>;
  /** The same key for a resubmission of the same form: the backend creates one run. */
  idempotencyKey: string;
}

/**
 * The experimentation side of the Kubeflow backend: pipelines and runs, Katib experiments,
 * TrainJobs, Spark applications and the metrics view across them.
 *
 * @public
 */
export interface KubeflowExperimentsApi {
  getPipeline(ref: { cluster: string; id: string }): Promise<PipelineDto>;
  getRuns(ref: ExperimentsNamespaceRef & RunQuery): Promise<RunPageDto>;
  getRun(
    ref: ExperimentsNamespaceRef & { runId: string },
  ): Promise<RunDetailsDto>;
  createRun(ref: ExperimentsNamespaceRef & NewRun): Promise<RunDto>;
  /** Terminates, retries, archives or restores a run; answers its new state. */
  changeRun(
    ref: ExperimentsNamespaceRef & {
      runId: string;
      action: 'terminate' | 'retry' | 'archive' | 'unarchive';
    },
  ): Promise<RunDto>;
  getRecurringRuns(
    ref: ExperimentsNamespaceRef & {
      pipelineId?: string;
      experimentId?: string;
    },
  ): Promise<RecurringRunDto[]>;
  setRecurringRunEnabled(
    ref: ExperimentsNamespaceRef & { id: string; enabled: boolean },
  ): Promise<RecurringRunDto>;
  getKatibExperiment(
    ref: ExperimentsNamespaceRef & { name: string },
  ): Promise<KatibExperimentDto>;
  /** Stops (no new trials) or restarts a Katib experiment. */
  setKatibExperimentRunning(
    ref: ExperimentsNamespaceRef & { name: string; running: boolean },
  ): Promise<KatibExperimentDto>;
  getTrainJob(
    ref: ExperimentsNamespaceRef & { name: string },
  ): Promise<TrainJobDto>;
  setTrainJobSuspended(
    ref: ExperimentsNamespaceRef & { name: string; suspended: boolean },
  ): Promise<TrainJobDto>;
  /** A Training Operator v1 job (PyTorchJob, TFJob, MPIJob, XGBoostJob, JAXJob, PaddleJob). */
  getTrainingJob(
    ref: ExperimentsNamespaceRef & { kind: TrainingOperatorKind; name: string },
  ): Promise<TrainingJobDto>;
  setTrainingJobSuspended(
    ref: ExperimentsNamespaceRef & {
      kind: TrainingOperatorKind;
      name: string;
      suspended: boolean;
    },
  ): Promise<TrainingJobDto>;
  getSparkApplication(
    ref: ExperimentsNamespaceRef & { name: string },
  ): Promise<SparkApplicationDto>;
  /** A ScheduledSparkApplication: the application it runs, its schedule and last runs. */
  getScheduledSparkApplication(
    ref: ExperimentsNamespaceRef & { name: string },
  ): Promise<SparkApplicationDto>;
  /** The metrics of what produced a registered model's versions. */
  getModelMetrics(ref: {
    cluster: string;
    modelId: string;
  }): Promise<MetricsComparisonDto>;
  /** The metrics of a profile's runs, Katib experiments and TrainJobs. */
  getProfileExperimentMetrics(
    ref: ExperimentsNamespaceRef,
  ): Promise<MetricsComparisonDto>;
}
