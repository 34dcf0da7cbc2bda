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
