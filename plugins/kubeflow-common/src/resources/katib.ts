import { KubeResource } from './kubernetes';

/**
 * A Katib metric observation. Katib stores every value as a string: usually a number, but a
 * metric may be text (DARTS reports its best genotype), and `unavailable` when none was
 * collected. Use {@link katibMetricNumber} to read a number. @public
 */
export interface Metric {
  name: string;
  min?: string;
  max?: string;
  latest?: string;
}

/** A Katib status condition. @public */
export interface KatibCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** A name/value setting (algorithm, early stopping, metric strategy). @public */
export interface KatibSetting {
  name?: string;
  value?: string;
}

/** Where a parameter's values come from (v1beta1.FeasibleSpace; min/max/step are strings). @public */
export interface KatibFeasibleSpace {
  min?: string;
  max?: string;
  step?: string;
  list?: string[];
  /** uniform, logUniform, normal or logNormal. */
  distribution?: string;
}

/** A parameter to tune, or a parameter of a NAS operation (v1beta1.ParameterSpec). @public */
export interface KatibParameterSpec {
  name?: string;
  /** double, int, discrete or categorical. */
  parameterType?: string;
  feasibleSpace?: KatibFeasibleSpace;
}

/** The search space of a neural architecture search (v1beta1.NasConfig). @public */
export interface KatibNasConfig {
  graphConfig?: {
    numLayers?: number;
    inputSizes?: number[];
    outputSizes?: number[];
  };
  operations?: Array<{
    operationType?: string;
    parameters?: KatibParameterSpec[];
  }>;
}

/** How trials' metrics are collected (v1beta1.MetricsCollectorSpec). @public */
export interface KatibMetricsCollectorSpec {
  /** StdOut (Katib's default), File, TensorFlowEvent, PrometheusMetric, Custom or None. */
  collector?: { kind?: string };
  source?: {
    fileSystemPath?: { path?: string; kind?: string; format?: string };
    filter?: { metricsFormat?: string[] };
  };
}

/** The job each trial runs (v1beta1.TrialTemplate). @public */
export interface KatibTrialTemplate {
  primaryContainerName?: string;
  trialParameters?: Array<{
    name?: string;
    description?: string;
    reference?: string;
  }>;
  /** Any Kubernetes object: batch/v1 Job, PyTorchJob, TFJob, Argo Workflow, Tekton PipelineRun… */
  trialSpec?: { apiVersion?: string; kind?: string; [key: string]: unknown };
  /** The trial's template kept in a ConfigMap instead. */
  configMap?: {
    configMapName?: string;
    configMapNamespace?: string;
    templatePath?: string;
  };
  successCondition?: string;
  failureCondition?: string;
  retain?: boolean;
}

/** Katib Experiment spec (kubeflow.org/v1beta1). @public */
export interface ExperimentSpec {
  objective?: {
    type?: 'minimize' | 'maximize';
    goal?: number;
    objectiveMetricName?: string;
    additionalMetricNames?: string[];
    /** How each metric's value is read from its observations: min, max or latest. */
    metricStrategies?: KatibSetting[];
  };
  algorithm?: { algorithmName?: string; algorithmSettings?: KatibSetting[] };
  earlyStopping?: {
    algorithmName?: string;
    algorithmSettings?: KatibSetting[];
  };
  parameters?: KatibParameterSpec[];
  /** Neural architecture search (DARTS, ENAS) instead of `parameters`. */
  nasConfig?: KatibNasConfig;
  metricsCollectorSpec?: KatibMetricsCollectorSpec;
  trialTemplate?: KatibTrialTemplate;
  /** Never (Katib's default), LongRunning or FromVolume. */
  resumePolicy?: string;
  parallelTrialCount?: number;
  maxTrialCount?: number;
  maxFailedTrialCount?: number;
}

/** Katib Experiment status. @public */
export interface ExperimentStatus {
  conditions?: KatibCondition[];
  currentOptimalTrial?: {
    bestTrialName?: string;
    parameterAssignments?: Array<{ name?: string; value?: string }>;
    observation?: { metrics?: Metric[] };
  };
  trials?: number;
  trialsRunning?: number;
  trialsSucceeded?: number;
  trialsFailed?: number;
  trialsKilled?: number;
  startTime?: string;
  completionTime?: string;
}

/** A Katib hyperparameter tuning or neural architecture search Experiment. @public */
export type KatibExperiment = KubeResource<ExperimentSpec, ExperimentStatus>;

/** Katib Trial status. @public */
export interface TrialStatus {
  conditions?: KatibCondition[];
  observation?: { metrics?: Metric[] };
  startTime?: string;
  completionTime?: string;
}

/** A Katib Trial. @public */
export type KatibTrial = KubeResource<
  { parameterAssignments?: Array<{ name?: string; value?: string }> },
  TrialStatus
>;
