import { EmptyState } from '@backstage/core-components';
import { ComponentType } from 'react';
import {
  EndpointContent,
  ModelContent,
  NotebookContent,
  ProfileContent,
} from '../entity';
import { useKubeflowEntityObject } from '../entity/useKubeflowEntity';
import { KatibExperimentContent } from '../katib';
import { PipelineContent, PipelineExperimentContent } from '../pipelines';
import { SparkApplicationContent } from '../spark';
import { TrainJobContent, TrainingJobContent } from '../training';
import { TRAINING_OPERATOR_KINDS } from '@kubeflow-backstage/plugin-kubeflow-common';

export { isKubeflowLiveEntity } from './isKubeflowLiveEntity';

/**
 * The page for each Kubeflow kind (the `kubeflow.org/kind` annotation). Keep the kinds in step
 * with `KUBEFLOW_LIVE_KINDS`, which decides where the tab appears.
 */
const CONTENT: Record<string, ComponentType> = {
  Notebook: NotebookContent,
  InferenceService: EndpointContent,
  Profile: ProfileContent,
  RegisteredModel: ModelContent,
  // Experimentation: pipelines, KFP experiments, Katib, Trainer, Spark.
  Pipeline: PipelineContent,
  PipelineExperiment: PipelineExperimentContent,
  Experiment: KatibExperimentContent,
  TrainJob: TrainJobContent,
  ...Object.fromEntries(
    Object.keys(TRAINING_OPERATOR_KINDS).map(kind => [
      kind,
      TrainingJobContent,
    ]),
  ),
  SparkApplication: SparkApplicationContent,
  ScheduledSparkApplication: SparkApplicationContent,
};

/**
 * The Kubeflow tab of a Kubeflow entity: the live object from the cluster (through the backend's
 * cache) with its actions.
 */
export const EntityKubeflowContent = () => {
  const { kind } = useKubeflowEntityObject();
  const Content = CONTENT[kind];
  return Content ? (
    <Content />
  ) : (
    <EmptyState
      missing="info"
      title="No live Kubeflow view for this entity"
      description={`The portal has no live page for Kubeflow ${
        kind || 'objects of this kind'
      } yet; its catalog data and links are on the Overview tab.`}
    />
  );
};
