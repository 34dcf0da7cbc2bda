import type { KubeObject } from '../store/types';
import type { KfpRepository } from '../services/kfp/KfpRepository';
import type { ModelRegistryRepository } from '../services/modelRegistry/ModelRegistryRepository';
import { kfpTime } from '../services/kfp/KfpRepository';
import {
  buildPipelineIr,
  type PipelineInputs,
  type PipelineStep,
} from './pipelineIr';
import { ago } from './seedObjects';
import { servingRuntimeFor } from '../controllers/inferenceServiceModel';

function modelTask(name: string): string {
  if (name.includes('forecast')) return 'time-series-forecasting';
  if (name.includes('sentiment')) return 'text-classification';
  return 'image-classification';
}

/** A demo pipeline: two versions, and the runs it has had. */
export interface DemoPipeline {
  namespace: string;
  name: string;
  description: string;
  inputs: PipelineInputs;
  steps: PipelineStep[];
  /** Extra step added in version 2. */
  v2Step: PipelineStep;
  runs: Array<{
    name: string;
    outcome: 'SUCCEEDED' | 'FAILED' | 'RUNNING';
    minutesAgo: number;
    parameters: Record<string, unknown>;
  }>;
  recurring?: { name: string; cron: string };
}

const str = (s: string) => ({
  metadataType: 'MetadataStringValue',
  string_value: s,
});

/**
 * Seeds KFP: pipeline + 2 versions, an experiment, finished runs (advanced through the same
 * DAG executor the controller uses, with past timestamps), a running run, a recurring run.
 * Returns the run ids by run name.
 */
export function seedPipeline(
  kfp: KfpRepository,
  sample: Record<string, any>,
  p: DemoPipeline,
): Record<string, string> {
  const now = Date.now();
  const created = (m: number) => kfpTime(new Date(now - m * 60_000));
  const oldest = Math.max(...p.runs.map(r => r.minutesAgo)) + 60;
  const pipeline = kfp.createPipeline({
    name: p.name,
    display_name: p.name,
    description: p.description,
    namespace: p.namespace,
    created_at: created(oldest + 120),
  });
  const v1 = buildPipelineIr(sample, {
    name: p.name,
    inputs: p.inputs,
    steps: p.steps,
  });
  const v2 = buildPipelineIr(sample, {
    name: p.name,
    inputs: p.inputs,
    steps: [...p.steps, p.v2Step],
  });
  kfp.createVersion({
    pipeline_id: pipeline.wire.pipeline_id,
    name: `${p.name}-v1`,
    display_name: 'v1',
    description: 'Initial version',
    pipeline_spec: v1,
    created_at: created(oldest + 120),
  });
  const latest = kfp.createVersion({
    pipeline_id: pipeline.wire.pipeline_id,
    name: `${p.name}-v2`,
    display_name: 'v2',
    description: `Adds ${p.v2Step.name}`,
    pipeline_spec: v2,
    code_source_url: `https://github.com/example-org/${p.namespace}/blob/main/pipelines/${p.name}.py`,
    created_at: created(oldest + 30),
  });
  const experiment = kfp.createExperiment({
    display_name: `${p.name}-experiments`,
    description: p.description,
    namespace: p.namespace,
    created_at: created(oldest + 60),
  });
  const ids: Record<string, string> = {};
  for (const r of [...p.runs].sort((a, b) => b.minutesAgo - a.minutesAgo)) {
    const start = new Date(now - r.minutesAgo * 60_000);
    const row = kfp.createRun(
      {
        display_name:
          r.outcome === 'FAILED' && !/fail/i.test(r.name)
            ? `${r.name}`
            : r.name,
        description: `${p.name} run`,
        experiment_id: experiment.wire.experiment_id,
        pipeline_version_reference: {
          pipeline_id: pipeline.wire.pipeline_id,
          pipeline_version_id: latest.wire.pipeline_version_id,
        },
        runtime_config: {
          parameters: r.parameters,
          pipeline_root: `s3://mlpipeline/v2/artifacts/${p.namespace}`,
        },
        service_account: 'default-editor',
      },
      { now: kfpTime(start) },
    );
    if (r.outcome === 'FAILED')
      row.plan.failTask =
        row.plan.tasks[row.plan.tasks.length - 1]?.displayName;
    else row.plan.failTask = undefined;
    ids[r.name] = row.wire.run_id;
    if (r.outcome === 'RUNNING') {
      // Two ticks in: the first step(s) are running; the controller continues from here.
      kfp.tickRun(row.wire.run_id, kfpTime(new Date(start.getTime() + 20_000)));
      continue;
    }
    for (let tick = 1; tick < 50; tick++) {
      const wire = kfp.tickRun(
        row.wire.run_id,
        kfpTime(new Date(start.getTime() + tick * 95_000)),
      );
      if (!wire || ['SUCCEEDED', 'FAILED'].includes(wire.state)) break;
    }
  }
  if (p.recurring) {
    kfp.createRecurringRun({
      display_name: p.recurring.name,
      description: `Scheduled ${p.name}`,
      pipeline_version_reference: {
        pipeline_id: pipeline.wire.pipeline_id,
        pipeline_version_id: latest.wire.pipeline_version_id,
      },
      runtime_config: { parameters: p.runs[0]?.parameters ?? {} },
      trigger: {
        cron_schedule: { cron: p.recurring.cron, start_time: created(oldest) },
      },
      max_concurrency: '1',
      mode: 'ENABLE',
      no_catchup: true,
      experiment_id: experiment.wire.experiment_id,
      created_at: created(oldest),
    });
  }
  return ids;
}

/** A demo registered model with versions (and the ISVC serving some of them). */
export interface DemoModel {
  namespace: string;
  name: string;
  description: string;
  owner: string;
  format: 'sklearn' | 'onnx' | 'pytorch' | 'xgboost';
  formatVersion: string;
  versions: Array<{
    name: string;
    kfpRunId?: string;
    notebook?: string;
    /** The Katib experiment whose best trial chose its hyperparameters. */
    katibExperiment?: string;
    /** The TrainJob that trained it. */
    trainJob?: string;
    state?: 'LIVE' | 'ARCHIVED';
    metrics: Record<string, number>;
  }>;
}

/** Registered model → versions → artifacts; returns ids by version name. */
export function seedModel(
  mr: ModelRegistryRepository,
  m: DemoModel,
  minutesAgo: number,
) {
  const t = (min: number) => Date.now() - min * 60_000;
  const model = mr.create(
    'registered_models',
    {
      name: m.name,
      description: m.description,
      owner: m.owner,
      provider: 'example-org',
      license: 'apache-2.0',
      libraryName: m.format === 'pytorch' ? 'transformers' : m.format,
      tasks: [modelTask(m.name)],
      language: m.name.includes('sentiment') ? ['en'] : [],
      customProperties: { namespace: str(m.namespace), team: str(m.namespace) },
    },
    { now: t(minutesAgo) },
  );
  const versions: Record<string, Record<string, any>> = {};
  m.versions.forEach((v, i) => {
    const at = minutesAgo - (i + 1) * 180;
    const custom: Record<string, unknown> = { namespace: str(m.namespace) };
    if (v.kfpRunId) custom.kfp_run_id = str(v.kfpRunId);
    if (v.notebook) custom.notebook = str(v.notebook);
    if (v.katibExperiment) custom.katib_experiment = str(v.katibExperiment);
    if (v.trainJob) custom.trainjob = str(v.trainJob);
    for (const [k, val] of Object.entries(v.metrics))
      custom[k] = { metadataType: 'MetadataDoubleValue', double_value: val };
    const version = mr.create(
      'model_versions',
      {
        name: v.name,
        registeredModelId: model.id,
        author: m.owner,
        state: v.state ?? 'LIVE',
        description: `${m.name} ${v.name}`,
        customProperties: custom,
      },
      { now: t(at) },
    );
    mr.create(
      'model_artifacts',
      {
        name: `${m.name}-${v.name}`,
        uri: `s3://models/${m.namespace}/${m.name}/${v.name}/`,
        modelFormatName: m.format,
        modelFormatVersion: m.formatVersion,
        storageKey: 'aws-connection-models',
        storagePath: `${m.namespace}/${m.name}/${v.name}`,
        state: 'LIVE',
        ...(v.kfpRunId
          ? {
              modelSourceKind: 'kfp',
              modelSourceClass: 'pipelinerun',
              modelSourceGroup: m.namespace,
              modelSourceId: v.kfpRunId,
            }
          : {}),
        customProperties: custom,
      },
      { parentVersionId: version.id, now: t(at) },
    );
    versions[v.name] = version;
  });
  return { model, versions };
}

/** Labels linking an ISVC to Model Registry entities (as the MR ISVC controller reads them). */
export function registryLabels(
  modelId: string,
  versionId: string,
  isvcId?: string,
): Record<string, string> {
  return {
    'modelregistry.kubeflow.org/registered-model-id': modelId,
    'modelregistry.kubeflow.org/model-version-id': versionId,
    ...(isvcId
      ? { 'modelregistry.kubeflow.org/inference-service-id': isvcId }
      : {}),
    'modelregistry.kubeflow.org/name': 'model-registry-service',
    'modelregistry.kubeflow.org/namespace': 'kubeflow',
  };
}

/** An InferenceService in a settled state: Ready (optionally a canary split), or failed to load. */
export function inferenceService(options: {
  namespace: string;
  name: string;
  format: string;
  storageUri: string;
  labels: Record<string, string>;
  minutesAgo: number;
  /** Number of the latest revision (revisions 1..n were rolled out in turn). */
  revisions: number;
  canaryPercent?: number;
  failing?: boolean;
  minReplicas?: number;
}): KubeObject {
  const { namespace, name } = options;
  const rev = (n: number) => `${name}-predictor-${String(n).padStart(5, '0')}`;
  const t = ago(Date.now(), options.minutesAgo);
  const latest = rev(options.revisions);
  const previous =
    options.revisions > 1 ? rev(options.revisions - 1) : undefined;
  const canary = options.canaryPercent !== undefined && previous;
  const cond = (
    type: string,
    status: string,
    reason?: string,
    message?: string,
  ) => ({
    type,
    status,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    ...(status === 'True' || type === 'Ready' || type === 'Stopped'
      ? {}
      : { severity: 'Info' }),
    lastTransitionTime: t,
  });
  const failMessage = `Revision "${latest}" failed with message: Failed to fetch model. No model found in ${options.storageUri}.`;
  const host = `${name}-predictor.${namespace}.example.com`;
  const predictor: Record<string, unknown> = options.failing
    ? { latestCreatedRevision: latest }
    : {
        latestCreatedRevision: latest,
        latestReadyRevision: latest,
        latestRolledoutRevision: canary ? previous : latest,
        ...(previous ? { previousRolledoutRevision: previous } : {}),
        traffic: canary
          ? [
              {
                tag: 'latest',
                revisionName: latest,
                configurationName: `${name}-predictor`,
                latestRevision: true,
                percent: options.canaryPercent,
                url: `http://latest-${host}`,
              },
              {
                tag: 'prev',
                revisionName: previous,
                configurationName: `${name}-predictor`,
                latestRevision: false,
                percent: 100 - options.canaryPercent!,
                url: `http://prev-${host}`,
              },
            ]
          : [
              {
                revisionName: latest,
                configurationName: `${name}-predictor`,
                latestRevision: true,
                percent: 100,
              },
            ],
        url: `http://${host}`,
        address: {
          url: `http://${name}-predictor.${namespace}.svc.cluster.local`,
        },
      };
  const ready = !options.failing;
  const replicas = options.minReplicas ?? 1;
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: {
      name,
      namespace,
      labels: options.labels,
      annotations: { 'serving.kserve.io/deploymentMode': 'Serverless' },
    },
    spec: {
      predictor: {
        minReplicas: replicas,
        maxReplicas: 3,
        ...(canary ? { canaryTrafficPercent: options.canaryPercent } : {}),
        model: {
          modelFormat: { name: options.format },
          storageUri: options.storageUri,
          resources: {
            requests: { cpu: '1', memory: '2Gi' },
            limits: { cpu: '2', memory: '4Gi' },
          },
        },
      },
    },
    status: {
      ...(ready
        ? {
            url: `http://${name}.${namespace}.example.com`,
            address: { url: `http://${name}.${namespace}.svc.cluster.local` },
          }
        : {}),
      components: { predictor },
      conditions: ready
        ? [
            'IngressReady',
            'PredictorConfigurationReady',
            'PredictorReady',
            'PredictorRouteReady',
            'Ready',
          ]
            .map(c => cond(c, 'True'))
            .concat([cond('Stopped', 'False')])
            .sort((a, b) => a.type.localeCompare(b.type))
        : [
            cond('IngressReady', 'False', 'RevisionFailed', failMessage),
            cond(
              'PredictorConfigurationReady',
              'False',
              'RevisionFailed',
              failMessage,
            ),
            cond('PredictorReady', 'False', 'RevisionFailed', failMessage),
            cond('PredictorRouteReady', 'False', 'RevisionFailed', failMessage),
            cond('Ready', 'False', 'RevisionFailed', failMessage),
            cond('Stopped', 'False'),
          ],
      deploymentMode: 'Serverless',
      modelStatus: ready
        ? {
            transitionStatus: 'UpToDate',
            states: { activeModelState: 'Loaded', targetModelState: 'Loaded' },
            copies: { failedCopies: 0, totalCopies: replicas },
          }
        : {
            transitionStatus: 'BlockedByFailedLoad',
            states: { activeModelState: '', targetModelState: 'FailedToLoad' },
            copies: { failedCopies: replicas, totalCopies: replicas },
            lastFailureInfo: {
              reason: 'ModelLoadFailed',
              message: `Failed to fetch model. No model found in ${options.storageUri}`,
              location: `${latest}-deployment`,
              exitCode: 1,
              modelRevisionName: latest,
              time: t,
            },
          },
      observedGeneration: 1,
      servingRuntimeName: servingRuntimeFor(options.format),
    },
  };
}
