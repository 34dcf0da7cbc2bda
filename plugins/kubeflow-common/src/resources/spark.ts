import { KubeResource } from './kubernetes';

/** SparkApplication spec (sparkoperator.k8s.io/v1beta2). @public */
export interface SparkApplicationSpec {
  type: 'Java' | 'Python' | 'Scala' | 'R';
  sparkVersion: string;
  mainApplicationFile?: string;
  image?: string;
  driver: { cores?: number; memory?: string };
  executor: { cores?: number; memory?: string; instances?: number };
}

/** SparkApplication status. @public */
export interface SparkApplicationStatus {
  applicationState?: { state?: string; errorMessage?: string };
  driverInfo?: { podName?: string; webUIAddress?: string; webUIPort?: number };
  executorState?: Record<string, string>;
  sparkApplicationId?: string;
  executionAttempts?: number;
  lastSubmissionAttemptTime?: string;
  terminationTime?: string;
}

/** A Spark Operator SparkApplication. @public */
export type SparkApplication = KubeResource<
  SparkApplicationSpec,
  SparkApplicationStatus
>;

/** ScheduledSparkApplication spec (sparkoperator.k8s.io/v1beta2): a cron schedule of an application. @public */
export interface ScheduledSparkApplicationSpec {
  schedule: string;
  timeZone?: string;
  suspend?: boolean;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  successfulRunHistoryLimit?: number;
  failedRunHistoryLimit?: number;
  template: SparkApplicationSpec;
}

/** ScheduledSparkApplication status. @public */
export interface ScheduledSparkApplicationStatus {
  scheduleState?: string;
  reason?: string;
  lastRun?: string;
  nextRun?: string;
  lastRunName?: string;
  pastSuccessfulRunNames?: string[];
  pastFailedRunNames?: string[];
}

/** A Spark Operator ScheduledSparkApplication: the schedule is what people browse; its runs are SparkApplications. @public */
export type ScheduledSparkApplication = KubeResource<
  ScheduledSparkApplicationSpec,
  ScheduledSparkApplicationStatus
>;

/** The label the Spark Operator puts on each SparkApplication a schedule runs. @public */
export const SCHEDULED_SPARK_APP_LABEL =
  'sparkoperator.k8s.io/scheduled-app-name';
