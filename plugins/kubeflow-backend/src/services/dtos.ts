import {
  EndpointDto,
  EventDto,
  InferenceService,
  NOTEBOOK_LAST_ACTIVITY_ANNOTATION,
  NOTEBOOK_STOPPED_ANNOTATION,
  Notebook,
  NotebookDto,
  inferenceServiceDisplayState,
  inferenceServiceSummary,
  notebookDisplayState,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusterConfig } from '@kubeflow-backstage/plugin-kubeflow-node';

const SERVER_TYPES: Record<string, string> = {
  'group-one': 'VS Code',
  'group-two': 'RStudio',
};

/** The pod-template fields the notebook page shows beyond the typed shape. */
interface PodTemplateVolumes {
  volumes?: Array<{
    name: string;
    persistentVolumeClaim?: { claimName?: string };
  }>;
  containers?: Array<{
    volumeMounts?: Array<{ name: string; mountPath?: string }>;
  }>;
}

/** Volumes with where the first container mounts them. */
function volumesOf(notebook: Notebook): NotebookDto['volumes'] {
  const spec = (notebook.spec?.template.spec ?? {}) as PodTemplateVolumes;
  const mounts = spec.containers?.[0]?.volumeMounts ?? [];
  return (spec.volumes ?? []).map(v => ({
    name: v.name,
    mountPath: mounts.find(m => m.name === v.name)?.mountPath,
    claimName: v.persistentVolumeClaim?.claimName,
  }));
}

/**
 * The PodDefaults a notebook opts into: those of its namespace whose selector its labels match
 * (the Jupyter web app sets one `<label>: "true"` per chosen configuration).
 */
function configurationsOf(
  notebook: Notebook,
  podDefaults: any[],
): NotebookDto['configurations'] {
  const labels = notebook.metadata.labels ?? {};
  return podDefaults
    .filter(pd => pd.metadata?.namespace === notebook.metadata.namespace)
    .filter(pd => {
      const match: Record<string, string> =
        pd.spec?.selector?.matchLabels ?? {};
      return (
        Object.keys(match).length > 0 &&
        Object.entries(match).every(([k, v]) => labels[k] === v)
      );
    })
    .map(pd => ({ name: pd.metadata.name, description: pd.spec?.desc }));
}

/** A notebook as its page shows it (configurations when the namespace's PodDefaults are given). */
export function notebookDto(
  cluster: KubeflowClusterConfig,
  notebook: Notebook,
  podDefaults: any[] = [],
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
    volumes: volumesOf(notebook),
    configurations: configurationsOf(notebook, podDefaults),
  };
}

/** A core/v1 Event as a page's event list shows it. */
export function eventDto(event: any): EventDto {
  const involved = event.involvedObject ?? event.regarding ?? {};
  return {
    type: event.type ?? 'Normal',
    reason: event.reason,
    message: event.message ?? event.note,
    count: event.count ?? event.series?.count ?? 1,
    firstSeen: event.firstTimestamp ?? event.eventTime,
    lastSeen:
      event.lastTimestamp ?? event.series?.lastObservedTime ?? event.eventTime,
    object: `${involved.kind ?? '?'}/${involved.name ?? '?'}`,
  };
}

/** An InferenceService as its page shows it: the shared serving summary plus state and traffic. */
export function endpointDto(
  cluster: KubeflowClusterConfig,
  isvc: InferenceService,
): EndpointDto {
  const traffic = isvc.status?.components?.predictor?.traffic ?? [];
  return {
    ...inferenceServiceSummary(isvc),
    cluster: cluster.name,
    namespace: isvc.metadata.namespace ?? '',
    name: isvc.metadata.name,
    state: inferenceServiceDisplayState(isvc),
    url: isvc.status?.url,
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
