import type { KubeObject, ObjectStore, ProxiedService } from '../store/types';
import { STATIC_LABEL } from '../controllers/ReconcilingController';
import {
  contributorBinding,
  PROFILE_NAMESPACE_LABELS,
} from '../controllers/profileObjects';
import { KfpService } from '../services/kfp/KfpService';
import { ModelRegistryService } from '../services/modelRegistry/ModelRegistryService';
import { SeedWriter } from './seedObjects';

/** How the `scale:<N>` seed splits N objects across kinds (the rest goes to KFP / Model Registry). */
export const SCALE_MIX = {
  notebooks: 0.55,
  inferenceservices: 0.25,
  trainjobs: 0.12,
} as const;

/** Number of namespaces for N objects: at least 12, about one per 2,000 objects. */
export function scaleNamespaces(n: number): number {
  return Math.max(12, Math.ceil(n / 2000));
}

/**
 * `scale:<N>`: N objects spread over many namespaces — mostly Notebooks, InferenceServices and
 * TrainJobs with pre-baked status (labelled static, so controllers leave them be), plus KFP runs
 * and registered models via the services. Schema validation is skipped for speed.
 */
export function applyScaleSeed(
  n: number,
  store: ObjectStore,
  services: Record<string, ProxiedService>,
): void {
  const writer = new SeedWriter(store, { skipValidation: true });
  const namespaceCount = scaleNamespaces(n);
  const namespaces = Array.from(
    { length: namespaceCount },
    (_, i) => `scale-${String(i).padStart(3, '0')}`,
  );
  for (const ns of namespaces) {
    writer.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels: { ...PROFILE_NAMESPACE_LABELS },
        annotations: { owner: 'alice@example.com' },
      },
    });
    writer.create(
      'rolebindings.rbac.authorization.k8s.io',
      contributorBinding(ns, 'alice@example.com', 'admin'),
    );
  }
  const counts = {
    notebooks: Math.floor(n * SCALE_MIX.notebooks),
    inferenceservices: Math.floor(n * SCALE_MIX.inferenceservices),
    trainjobs: Math.floor(n * SCALE_MIX.trainjobs),
  };
  const rest =
    n - counts.notebooks - counts.inferenceservices - counts.trainjobs;
  const t = `${new Date().toISOString().slice(0, 19)}Z`;
  const labels = (i: number) => ({
    [STATIC_LABEL]: 'true',
    'sandbox.kubeflow.org/scale-index': String(i),
  });
  for (let i = 0; i < counts.notebooks; i++) {
    const name = `nb-${i}`;
    writer.createFresh('notebooks.kubeflow.org', {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Notebook',
      metadata: {
        name,
        namespace: namespaces[i % namespaceCount],
        labels: { ...labels(i), app: name },
      },
      spec: {
        template: {
          spec: {
            containers: [
              {
                name,
                image:
                  'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest',
              },
            ],
          },
        },
      },
      status:
        i % 3 === 0
          ? { readyReplicas: 0, containerState: {}, conditions: [] }
          : {
              readyReplicas: 1,
              containerState: { running: { startedAt: t } },
              conditions: [
                { type: 'Ready', status: 'True', lastTransitionTime: t },
              ],
            },
    } as KubeObject);
  }
  for (let i = 0; i < counts.inferenceservices; i++) {
    const name = `isvc-${i}`;
    const ns = namespaces[i % namespaceCount];
    writer.createFresh('inferenceservices.serving.kserve.io', {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name, namespace: ns, labels: labels(i) },
      spec: {
        predictor: {
          model: {
            modelFormat: { name: 'sklearn' },
            storageUri: `s3://models/scale/${i}`,
          },
        },
      },
      status: {
        url: `http://${name}.${ns}.example.com`,
        conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t }],
        components: {
          predictor: {
            latestCreatedRevision: `${name}-predictor-00001`,
            latestReadyRevision: `${name}-predictor-00001`,
            traffic: [
              {
                revisionName: `${name}-predictor-00001`,
                percent: 100,
                latestRevision: true,
              },
            ],
          },
        },
        modelStatus: {
          transitionStatus: 'UpToDate',
          states: { activeModelState: 'Loaded', targetModelState: 'Loaded' },
        },
      },
    } as KubeObject);
  }
  for (let i = 0; i < counts.trainjobs; i++) {
    writer.createFresh('trainjobs.trainer.kubeflow.org', {
      apiVersion: 'trainer.kubeflow.org/v1alpha1',
      kind: 'TrainJob',
      metadata: {
        name: `tj-${i}`,
        namespace: namespaces[i % namespaceCount],
        labels: labels(i),
      },
      spec: {
        runtimeRef: { name: 'torch-distributed' },
        trainer: { numNodes: 1 },
      },
      status: {
        conditions: [
          {
            type: 'Complete',
            status: 'True',
            reason: 'JobSetCompleted',
            message: 'jobset completed successfully',
            lastTransitionTime: t,
          },
        ],
      },
    } as KubeObject);
  }
  const kfp = services['kubeflow/ml-pipeline:8888'];
  const mr = services['kubeflow/model-registry-service:8080'];
  const runs = Math.ceil(rest / 2);
  if (kfp instanceof KfpService && runs > 0) {
    const repo = kfp.repository;
    const spec = {
      pipelineInfo: { name: 'scale' },
      root: {
        dag: {
          tasks: {
            step: {
              taskInfo: { name: 'step' },
              componentRef: { name: 'comp-step' },
            },
          },
        },
      },
      schemaVersion: '2.1.0',
      sdkVersion: 'kfp-2.14.6',
    };
    const pipelines = namespaces.map(ns => {
      const p = repo.createPipeline({ name: 'scale-pipeline', namespace: ns });
      repo.createVersion({
        pipeline_id: p.wire.pipeline_id,
        name: 'v1',
        pipeline_spec: spec,
      });
      return p.wire.pipeline_id;
    });
    for (let i = 0; i < runs; i++) {
      const row = repo.createRun({
        display_name: `scale-run-${i}`,
        pipeline_version_reference: {
          pipeline_id: pipelines[i % namespaceCount],
        },
      });
      row.wire.state = 'SUCCEEDED';
      row.wire.finished_at = row.wire.created_at;
      row.wire.state_history.push({
        update_time: row.wire.created_at,
        state: 'SUCCEEDED',
      });
    }
  }
  if (mr instanceof ModelRegistryService) {
    const models = Math.max(0, rest - runs);
    for (let i = 0; i < models; i++) {
      const m = mr.repository.create('registered_models', {
        name: `scale-model-${i}`,
      });
      mr.repository.create('model_versions', {
        name: 'v1',
        registeredModelId: m.id,
      });
    }
  }
}
