/**
 * The Kubeflow CRDs the sandbox serves: where each lives under the specs directory, and the
 * names to serve it under when the specs directory is missing (then with its core schema).
 */
export interface CrdEntry {
  /** Path relative to the specs directory. */
  file: string;
  group: string;
  kind: string;
  plural: string;
  /** Served versions, storage version first. */
  versions: string[];
  namespaced: boolean;
  status: boolean;
  /** Katib kind whose real schema lives in `katib/swagger.json` under this name. */
  swaggerSchema?: string;
}

function entry(
  file: string,
  group: string,
  kind: string,
  versions: string[],
  options: { cluster?: boolean; status?: boolean; swagger?: string } = {},
): CrdEntry {
  return {
    file,
    group,
    kind,
    plural: `${kind.toLowerCase()}s`,
    versions,
    namespaced: !options.cluster,
    status: options.status ?? true,
    swaggerSchema: options.swagger,
  };
}

/** The Training Operator v1 job kinds (kubeflow.org/v1), each with `<kind-prefix>ReplicaSpecs`. */
export const LEGACY_TRAINING_JOBS = [
  'PyTorchJob',
  'TFJob',
  'MPIJob',
  'XGBoostJob',
  'JAXJob',
  'PaddleJob',
] as const;

/** `PyTorchJob` → `pytorchReplicaSpecs`, `XGBoostJob` → `xgbReplicaSpecs` (the CRDs' names). */
export function replicaSpecsField(kind: string): string {
  const prefix = kind === 'XGBoostJob' ? 'xgb' : kind.replace(/Job$/, '');
  return `${prefix.toLowerCase()}ReplicaSpecs`;
}

/** Every Kubeflow CRD served, in discovery order. */
export const CRD_CATALOG: CrdEntry[] = [
  entry(
    'dashboard/kubeflow.org_profiles.yaml',
    'kubeflow.org',
    'Profile',
    ['v1', 'v1beta1'],
    { cluster: true },
  ),
  entry(
    'dashboard/poddefaults-webhooks/crd.yaml',
    'kubeflow.org',
    'PodDefault',
    ['v1alpha1'],
  ),
  entry('notebooks/kubeflow.org_notebooks.yaml', 'kubeflow.org', 'Notebook', [
    'v1',
    'v1beta1',
    'v1alpha1',
  ]),
  entry('notebooks/kubeflow.org_pvcviewers.yaml', 'kubeflow.org', 'PVCViewer', [
    'v1alpha1',
  ]),
  entry('katib/experiment.yaml', 'kubeflow.org', 'Experiment', ['v1beta1'], {
    swagger: 'v1beta1.Experiment',
  }),
  entry('katib/trial.yaml', 'kubeflow.org', 'Trial', ['v1beta1'], {
    swagger: '.v1beta1.Trial',
  }),
  entry('katib/suggestion.yaml', 'kubeflow.org', 'Suggestion', ['v1beta1'], {
    swagger: '.v1beta1.Suggestion',
  }),
  entry(
    'notebooks/tensorboard.kubeflow.org_tensorboards.yaml',
    'tensorboard.kubeflow.org',
    'Tensorboard',
    ['v1alpha1'],
  ),
  entry(
    'kserve/serving.kserve.io_inferenceservices.yaml',
    'serving.kserve.io',
    'InferenceService',
    ['v1beta1'],
  ),
  entry(
    'kserve/serving.kserve.io_servingruntimes.yaml',
    'serving.kserve.io',
    'ServingRuntime',
    ['v1alpha1'],
    { status: false },
  ),
  entry(
    'kserve/serving.kserve.io_clusterservingruntimes.yaml',
    'serving.kserve.io',
    'ClusterServingRuntime',
    ['v1alpha1'],
    { cluster: true, status: false },
  ),
  entry(
    'kserve/serving.kserve.io_inferencegraphs.yaml',
    'serving.kserve.io',
    'InferenceGraph',
    ['v1alpha1'],
  ),
  entry(
    'kserve/serving.kserve.io_trainedmodels.yaml',
    'serving.kserve.io',
    'TrainedModel',
    ['v1alpha1'],
  ),
  entry(
    'kserve/serving.kserve.io_llminferenceservices.yaml',
    'serving.kserve.io',
    'LLMInferenceService',
    ['v1alpha2', 'v1alpha1'],
  ),
  entry(
    'kserve/serving.kserve.io_llminferenceserviceconfigs.yaml',
    'serving.kserve.io',
    'LLMInferenceServiceConfig',
    ['v1alpha2', 'v1alpha1'],
  ),
  entry(
    'trainer/trainer.kubeflow.org_trainjobs.yaml',
    'trainer.kubeflow.org',
    'TrainJob',
    ['v1alpha1'],
  ),
  entry(
    'trainer/trainer.kubeflow.org_trainingruntimes.yaml',
    'trainer.kubeflow.org',
    'TrainingRuntime',
    ['v1alpha1'],
    { status: false },
  ),
  entry(
    'trainer/trainer.kubeflow.org_clustertrainingruntimes.yaml',
    'trainer.kubeflow.org',
    'ClusterTrainingRuntime',
    ['v1alpha1'],
    { cluster: true, status: false },
  ),
  // The Training Operator v1 jobs Kubeflow 1.10 still installs beside Trainer v2 (release-1.9).
  ...LEGACY_TRAINING_JOBS.map(kind =>
    entry(
      `trainer/legacy-training-operator-v1/kubeflow.org_${kind.toLowerCase()}s.yaml`,
      'kubeflow.org',
      kind,
      ['v1'],
    ),
  ),
  entry(
    'spark-operator/sparkoperator.k8s.io_sparkapplications.yaml',
    'sparkoperator.k8s.io',
    'SparkApplication',
    ['v1beta2'],
  ),
  entry(
    'spark-operator/sparkoperator.k8s.io_scheduledsparkapplications.yaml',
    'sparkoperator.k8s.io',
    'ScheduledSparkApplication',
    ['v1beta2'],
  ),
  entry(
    'pipelines/pipelines.kubeflow.org_pipelines.yaml',
    'pipelines.kubeflow.org',
    'Pipeline',
    ['v2beta1'],
    { status: false },
  ),
  entry(
    'pipelines/pipelines.kubeflow.org_pipelineversions.yaml',
    'pipelines.kubeflow.org',
    'PipelineVersion',
    ['v2beta1'],
  ),
];

/** JSON6902 patches applied to a CRD before use (what kustomize applies when installing). */
export const CRD_PATCHES: Record<string, string> = {
  'notebooks/kubeflow.org_notebooks.yaml': 'notebooks/validation_patches.yaml',
};

/** Where the Katib field-level schemas live. */
export const KATIB_SWAGGER = 'katib/swagger.json';
