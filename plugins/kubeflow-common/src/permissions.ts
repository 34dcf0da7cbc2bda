import {
  BasicPermission,
  createPermission,
} from '@backstage/plugin-permission-common';

/**
 * Permissions of the Kubeflow plugins: `kubeflow.<resource>.<action>`. They gate what the portal
 * offers; inside a namespace the cluster's RBAC (checked with SubjectAccessReview and enforced by
 * impersonation) has the last word.
 */

function kubeflowPermission(
  resource: string,
  action: 'read' | 'create' | 'update' | 'delete',
): BasicPermission {
  return createPermission({
    name: `kubeflow.${resource}.${action}`,
    attributes: { action },
  });
}

/** See a profile (namespace), its owner and contributors. @public */
export const kubeflowProfileReadPermission = kubeflowPermission(
  'profile',
  'read',
);
/** Create a profile. @public */
export const kubeflowProfileCreatePermission = kubeflowPermission(
  'profile',
  'create',
);
/** Add or remove contributors of a profile. @public */
export const kubeflowProfileUpdatePermission = kubeflowPermission(
  'profile',
  'update',
);
/** See notebooks. @public */
export const kubeflowNotebookReadPermission = kubeflowPermission(
  'notebook',
  'read',
);
/** Create notebooks. @public */
export const kubeflowNotebookCreatePermission = kubeflowPermission(
  'notebook',
  'create',
);
/** Start and stop notebooks. @public */
export const kubeflowNotebookUpdatePermission = kubeflowPermission(
  'notebook',
  'update',
);
/** Delete notebooks. @public */
export const kubeflowNotebookDeletePermission = kubeflowPermission(
  'notebook',
  'delete',
);
/** See pipelines, their versions, experiments and runs. @public */
export const kubeflowPipelineReadPermission = kubeflowPermission(
  'pipeline',
  'read',
);
/** Upload pipelines and versions. @public */
export const kubeflowPipelineCreatePermission = kubeflowPermission(
  'pipeline',
  'create',
);
/** Start a run or a recurring run. @public */
export const kubeflowRunCreatePermission = kubeflowPermission('run', 'create');
/** Terminate, retry, archive runs; enable or disable recurring runs. @public */
export const kubeflowRunUpdatePermission = kubeflowPermission('run', 'update');
/** See Katib experiments and trials. @public */
export const kubeflowKatibExperimentReadPermission = kubeflowPermission(
  'katibexperiment',
  'read',
);
/** Create Katib experiments. @public */
export const kubeflowKatibExperimentCreatePermission = kubeflowPermission(
  'katibexperiment',
  'create',
);
/** Stop and restart Katib experiments. @public */
export const kubeflowKatibExperimentUpdatePermission = kubeflowPermission(
  'katibexperiment',
  'update',
);
/** See registered models, versions and artifacts. @public */
export const kubeflowModelReadPermission = kubeflowPermission('model', 'read');
/** Archive, restore and change the state of model versions. @public */
export const kubeflowModelUpdatePermission = kubeflowPermission(
  'model',
  'update',
);
/** See serving endpoints. @public */
export const kubeflowInferenceServiceReadPermission = kubeflowPermission(
  'inferenceservice',
  'read',
);
/** Deploy a model version as an endpoint. @public */
export const kubeflowInferenceServiceCreatePermission = kubeflowPermission(
  'inferenceservice',
  'create',
);
/** Promote or roll back a canary, change replicas. @public */
export const kubeflowInferenceServiceUpdatePermission = kubeflowPermission(
  'inferenceservice',
  'update',
);
/** See training jobs. @public */
export const kubeflowTrainJobReadPermission = kubeflowPermission(
  'trainjob',
  'read',
);
/** Create training jobs. @public */
export const kubeflowTrainJobCreatePermission = kubeflowPermission(
  'trainjob',
  'create',
);
/** Suspend and resume training jobs. @public */
export const kubeflowTrainJobUpdatePermission = kubeflowPermission(
  'trainjob',
  'update',
);
/** See Spark applications. @public */
export const kubeflowSparkApplicationReadPermission = kubeflowPermission(
  'sparkapplication',
  'read',
);
/** Submit Spark applications. @public */
export const kubeflowSparkApplicationCreatePermission = kubeflowPermission(
  'sparkapplication',
  'create',
);
/** Apply arbitrary manifests (the `kubeflow:apply` template action). @public */
export const kubeflowManifestApplyPermission = kubeflowPermission(
  'manifest',
  'create',
);

/** Every permission the Kubeflow plugins define, for policies and the permission backend. @public */
export const kubeflowPermissions: BasicPermission[] = [
  kubeflowProfileReadPermission,
  kubeflowProfileCreatePermission,
  kubeflowProfileUpdatePermission,
  kubeflowNotebookReadPermission,
  kubeflowNotebookCreatePermission,
  kubeflowNotebookUpdatePermission,
  kubeflowNotebookDeletePermission,
  kubeflowPipelineReadPermission,
  kubeflowPipelineCreatePermission,
  kubeflowRunCreatePermission,
  kubeflowRunUpdatePermission,
  kubeflowKatibExperimentReadPermission,
  kubeflowKatibExperimentCreatePermission,
  kubeflowKatibExperimentUpdatePermission,
  kubeflowModelReadPermission,
  kubeflowModelUpdatePermission,
  kubeflowInferenceServiceReadPermission,
  kubeflowInferenceServiceCreatePermission,
  kubeflowInferenceServiceUpdatePermission,
  kubeflowTrainJobReadPermission,
  kubeflowTrainJobCreatePermission,
  kubeflowTrainJobUpdatePermission,
  kubeflowSparkApplicationReadPermission,
  kubeflowSparkApplicationCreatePermission,
  kubeflowManifestApplyPermission,
];
