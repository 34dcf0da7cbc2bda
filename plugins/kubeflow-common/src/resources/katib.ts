import { KubeResource } from './kubernetes';

/** A Katib metric observation (values are strings, as Katib writes them). @public */
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

/** Katib Experiment spec (kubeflow.org/v1beta1). @public */
export interface ExperimentSpec {
  objective?: {
    type?: 'minimize' | 'maximize';
    goal?: number;
    objectiveMetricName?: string;
    additionalMetricNames?: string[];
  };
  algorithm?: { algorithmName?: string };
  parameters?: Array<{
    name?: string;
    parameterType?: string;
    feasibleSpace?: {
      min?: string;
      max?: string;
      step?: string;
      list?: string[];
    };
  }>;
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
  startTime?: string;
  completionTime?: string;
}

/** A Katib hyperparameter tuning Experiment. @public */
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
