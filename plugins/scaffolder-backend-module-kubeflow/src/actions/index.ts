import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KubeflowActionEnv } from '../services/ClusterSession';
import { createApplyAction } from './apply';
import { KubeflowScaffolderConfig } from './config';
import { createInferenceServiceDeployAction } from './inferenceService';
import { createKatibExperimentCreateAction } from './katibExperiment';
import { createNotebookCreateAction } from './notebook';
import { createPipelineRunAction } from './pipelineRun';
import { createPipelineUploadAction } from './pipelineUpload';
import { createProjectPublishAction } from './publishLocal';
import {
  createProfileContributorAddAction,
  createProfileCreateAction,
} from './profile';
import { createSparkSubmitAction } from './spark';
import { createTrainJobCreateAction } from './trainJob';

/** What the actions need from the backend. @public */
export interface KubeflowActionsOptions extends KubeflowActionEnv {
  catalog: CatalogService;
  auth: AuthService;
  config: KubeflowScaffolderConfig;
}

/** All `kubeflow:*` actions. @public */
export function createKubeflowActions(options: KubeflowActionsOptions) {
  return [
    createNotebookCreateAction({
      ...options,
      spawner: options.config.notebooks,
    }),
    createInferenceServiceDeployAction(options),
    createKatibExperimentCreateAction(options),
    createPipelineRunAction(options),
    createPipelineUploadAction(options),
    createTrainJobCreateAction(options),
    createSparkSubmitAction(options),
    createProfileCreateAction(options),
    createProfileContributorAddAction(options),
    createApplyAction(options),
    createProjectPublishAction({
      ...options,
      directory: options.config.localProjectsDirectory,
      catalogFileLocations: options.config.catalogFileLocations,
    }),
  ];
}

export {
  createApplyAction,
  createProjectPublishAction,
  createInferenceServiceDeployAction,
  createKatibExperimentCreateAction,
  createNotebookCreateAction,
  createPipelineRunAction,
  createPipelineUploadAction,
  createProfileContributorAddAction,
  createProfileCreateAction,
  createSparkSubmitAction,
  createTrainJobCreateAction,
};
