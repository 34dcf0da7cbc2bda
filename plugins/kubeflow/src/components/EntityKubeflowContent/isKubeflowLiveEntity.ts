import {
  ANNOTATION_KUBEFLOW_KIND,
  TRAINING_OPERATOR_KINDS,
} from '@kubeflow-backstage/plugin-kubeflow-common';

/** The Kubeflow kinds (`kubeflow.org/kind`) that have a live Kubeflow tab. */
export const KUBEFLOW_LIVE_KINDS = [
  'Notebook',
  'InferenceService',
  'Profile',
  'RegisteredModel',
  // Experimentation: pipelines, KFP experiments, Katib, Trainer, Spark.
  'Pipeline',
  'PipelineExperiment',
  'Experiment',
  'TrainJob',
  ...Object.keys(TRAINING_OPERATOR_KINDS),
  'SparkApplication',
  'ScheduledSparkApplication',
];

/** Whether an entity came from a Kubeflow object the live Kubeflow tab can show. */
export function isKubeflowLiveEntity(entity: {
  metadata: { annotations?: Record<string, string> };
}): boolean {
  return KUBEFLOW_LIVE_KINDS.includes(
    entity.metadata.annotations?.[ANNOTATION_KUBEFLOW_KIND] ?? '',
  );
}
