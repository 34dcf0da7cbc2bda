import {
  EndpointDto,
  InferenceService,
  NOTEBOOK_LAST_ACTIVITY_ANNOTATION,
  NOTEBOOK_STOPPED_ANNOTATION,
  Notebook,
  NotebookDto,
  inferenceServiceDisplayState,
  notebookDisplayState,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusterConfig } from '@kubeflow-backstage/plugin-kubeflow-node';

const SERVER_TYPES: Record<string, string> = {
  'group-one': 'VS Code',
  'group-two': 'RStudio',
};

/** A notebook as its page shows it. */
export function notebookDto(
  cluster: KubeflowClusterConfig,
  notebook: Notebook,
): NotebookDto {
  const {
    namespace = '',
    name,
    annotations = {},
    creationTimestamp,
  } = notebook.metadata;
  const container = notebook.spec?.template.spec.containers?.[0];
  const requests = container?.resources?.requests ?? {};
  const gpu = Object.entries(container?.resources?.limits ?? {}).find(([k]) =>
    k.endsWith('/gpu'),
  );
  return {
    cluster: cluster.name,
    namespace,
    name,
    state: notebookDisplayState(notebook),
    serverType:
      SERVER_TYPES[annotations['notebooks.kubeflow.org/server-type']] ??
      'Jupyter',
    image: container?.image,
    cpu: requests.cpu !== undefined ? String(requests.cpu) : undefined,
    memory: requests.memory !== undefined ? String(requests.memory) : undefined,
    gpus: gpu ? String(gpu[1]) : undefined,
    lastActivity: annotations[NOTEBOOK_LAST_ACTIVITY_ANNOTATION],
    createdAt: creationTimestamp,
    connectUrl: cluster.dashboardUrl
      ? `${cluster.dashboardUrl.replace(
          /\/$/,
          '',
        )}/notebook/${namespace}/${name}/`
      : undefined,
    stopped: annotations[NOTEBOOK_STOPPED_ANNOTATION] !== undefined,
  };
}

/** An InferenceService as its page shows it. */
export function endpointDto(
  cluster: KubeflowClusterConfig,
  isvc: InferenceService,
): EndpointDto {
  const predictor = isvc.spec?.predictor;
  const traffic = isvc.status?.components?.predictor?.traffic ?? [];
  return {
    cluster: cluster.name,
    namespace: isvc.metadata.namespace ?? '',
    name: isvc.metadata.name,
    state: inferenceServiceDisplayState(isvc),
    url: isvc.status?.url,
    modelFormat: predictor?.model?.modelFormat?.name,
    runtime: predictor?.model?.runtime,
    storageUri: predictor?.model?.storageUri,
    minReplicas: predictor?.minReplicas,
    maxReplicas: predictor?.maxReplicas,
    canaryTrafficPercent: predictor?.canaryTrafficPercent,
    traffic: traffic.map(t => ({
      revision: t.revisionName,
      percent: t.percent ?? 0,
      latest: !!t.latestRevision,
      tag: t.tag,
    })),
    conditions: (isvc.status?.conditions ?? []).map(c => ({
      type: c.type,
      status: c.status,
      reason: c.reason,
      message: c.message,
    })),
  };
}
