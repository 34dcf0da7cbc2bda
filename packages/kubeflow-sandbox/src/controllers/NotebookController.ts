import type { KubeObject, ResourceKey } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339 } from './conditions';
import { controllerRef } from './ownership';
import {
  buildPod,
  currentStage,
  ensurePod,
  isUnpullableImage,
  setPodStage,
  type ContainerSpec,
} from './pods';

const NOTEBOOKS = 'notebooks.kubeflow.org';
const STATEFULSETS = 'statefulsets.apps';
/** Annotation that stops a notebook (value: RFC3339 time of the stop). */
export const STOP_ANNOTATION = 'kubeflow-resource-stopped';
/** Annotation the culler maintains with the last activity time. */
export const LAST_ACTIVITY_ANNOTATION = 'notebooks.kubeflow.org/last-activity';

/** Notebook → StatefulSet, Service, Pod `<name>-0` and a status copied from the pod. */
export class NotebookController extends ReconcilingController {
  constructor() {
    super({
      name: 'notebook-controller',
      primary: NOTEBOOKS,
      owned: [STATEFULSETS, 'services', 'pods'],
    });
  }

  protected primariesOf(key: ResourceKey, object: KubeObject) {
    if (key === 'pods') {
      const name = object.metadata.labels?.['notebook-name'];
      return name ? [{ namespace: object.metadata.namespace, name }] : [];
    }
    return super.primariesOf(key, object);
  }

  protected reconcile(notebook: KubeObject): void {
    if (notebook.metadata.deletionTimestamp) return;
    const { store } = this.context;
    const namespace = notebook.metadata.namespace!;
    const name = notebook.metadata.name!;
    const stopped =
      notebook.metadata.annotations?.[STOP_ANNOTATION] !== undefined;
    const containers = notebookContainers(notebook);

    const sts = this.ensureStatefulSet(notebook, stopped ? 0 : 1);
    this.ensureService(notebook, containers);

    let pod = store.get('pods', namespace, `${name}-0`);
    if (pod && !pod.metadata.deletionTimestamp) {
      const podImage = ((pod.spec as any).containers?.[0] as ContainerSpec)
        ?.image;
      if (stopped || podImage !== containers[0]?.image) {
        store.delete('pods', namespace, `${name}-0`);
        this.context.recordEvent(
          sts,
          'Normal',
          'SuccessfulDelete',
          `delete Pod ${name}-0 in StatefulSet ${name} successful`,
        );
        pod = undefined;
      }
    }
    if (!stopped && !pod) {
      pod = ensurePod(store, notebookPod(notebook, sts, containers), 'Pending');
      this.context.recordEvent(
        sts,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${name}-0 in StatefulSet ${name} successful`,
      );
      this.context.recordEvent(
        pod,
        'Normal',
        'Scheduled',
        `Successfully assigned ${namespace}/${name}-0 to sandbox-node-1`,
      );
    }
    if (pod) this.advancePod(notebook, pod, containers);
    this.writeStatus(notebook, pod);
  }

  private advancePod(
    notebook: KubeObject,
    pod: KubeObject,
    containers: ContainerSpec[],
  ) {
    const { store } = this.context;
    const namespace = pod.metadata.namespace!;
    const podName = pod.metadata.name!;
    const image = containers[0]?.image ?? '';
    const stage = currentStage(pod);
    const event = (
      type: 'Normal' | 'Warning',
      reason: string,
      message: string,
    ) => {
      const current = store.get('pods', namespace, podName);
      if (current) this.context.recordEvent(current, type, reason, message);
      this.context.recordEvent(
        notebook,
        type,
        reason,
        `Reissued from pod/${podName}: ${message}`,
      );
    };
    if (stage === 'Pending') {
      this.schedule(pod, 'create', 800, () => {
        setPodStage(store, namespace, podName, 'ContainerCreating');
        event('Normal', 'Pulling', `Pulling image "${image}"`);
      });
    } else if (stage === 'ContainerCreating') {
      this.schedule(pod, 'start', 3000, () => {
        if (isUnpullableImage(image)) {
          setPodStage(store, namespace, podName, 'ErrImagePull');
          event(
            'Warning',
            'Failed',
            `Failed to pull image "${image}": not found`,
          );
          event('Warning', 'Failed', 'Error: ErrImagePull');
          return;
        }
        setPodStage(store, namespace, podName, 'Running');
        event('Normal', 'Pulled', `Successfully pulled image "${image}"`);
        event('Normal', 'Created', `Created container ${containers[0]?.name}`);
        event('Normal', 'Started', `Started container ${containers[0]?.name}`);
      });
    } else if (stage === 'ErrImagePull') {
      this.schedule(pod, 'backoff', 2000, () => {
        setPodStage(store, namespace, podName, 'ImagePullBackOff');
        event('Normal', 'BackOff', `Back-off pulling image "${image}"`);
        event('Warning', 'Failed', 'Error: ImagePullBackOff');
      });
    }
  }

  private ensureStatefulSet(
    notebook: KubeObject,
    replicas: number,
  ): KubeObject {
    const { store } = this.context;
    const { namespace, name } = notebook.metadata;
    const existing = store.get(STATEFULSETS, namespace, name!);
    if (!existing) {
      return store.create(
        STATEFULSETS,
        notebookStatefulSet(notebook, replicas),
      );
    }
    if ((existing.spec as any)?.replicas !== replicas) {
      return (
        store.mutate(STATEFULSETS, namespace, name!, s => {
          (s.spec as any).replicas = replicas;
        }) ?? existing
      );
    }
    return existing;
  }

  private ensureService(
    notebook: KubeObject,
    containers: ContainerSpec[],
  ): void {
    const { store } = this.context;
    const { namespace, name } = notebook.metadata;
    if (store.get('services', namespace, name!)) return;
    const port =
      ((containers[0] as any)?.ports?.[0]?.containerPort as number) ?? 8888;
    store.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, ownerReferences: [controllerRef(notebook)] },
      spec: {
        type: 'ClusterIP',
        selector: { statefulset: name! },
        ports: [
          { name: `http-${name}`, port: 80, targetPort: port, protocol: 'TCP' },
        ],
      },
    });
  }

  private writeStatus(notebook: KubeObject, pod: KubeObject | undefined): void {
    const { store } = this.context;
    const { namespace, name } = notebook.metadata;
    const podStatus = (pod?.status ?? {}) as any;
    const ready = podStatus.phase === 'Running' ? 1 : 0;
    const containerStatus =
      (podStatus.containerStatuses ?? []).find((c: any) => c.name === name) ??
      podStatus.containerStatuses?.[0];
    const conditions = (podStatus.conditions ?? []).map((c: any) => {
      const copy: Record<string, unknown> = { type: c.type, status: c.status };
      for (const field of [
        'reason',
        'message',
        'lastProbeTime',
        'lastTransitionTime',
      ]) {
        if (c[field] !== undefined && c[field] !== null) copy[field] = c[field];
      }
      return copy;
    });
    store.mutate(NOTEBOOKS, namespace, name!, nb => {
      nb.status = {
        conditions,
        containerState: containerStatus?.state ?? {},
        readyReplicas: ready,
      };
      const startedAt = containerStatus?.state?.running?.startedAt as
        | string
        | undefined;
      const annotations = { ...nb.metadata.annotations };
      if (startedAt && !(annotations[LAST_ACTIVITY_ANNOTATION] >= startedAt)) {
        annotations[LAST_ACTIVITY_ANNOTATION] = startedAt;
        annotations['notebooks.kubeflow.org/last_activity_check_timestamp'] =
          nowRfc3339();
        nb.metadata.annotations = annotations;
      }
    });
    store.mutate(STATEFULSETS, namespace, name!, s => {
      const replicas = (s.spec as any).replicas as number;
      const current = pod && !pod.metadata.deletionTimestamp ? 1 : 0;
      s.status = {
        observedGeneration: s.metadata.generation ?? 1,
        replicas: current,
        readyReplicas: ready,
        currentReplicas: current,
        updatedReplicas: current,
        availableReplicas: ready,
        currentRevision: `${name}-7d4f9c8b6`,
        updateRevision: `${name}-7d4f9c8b6`,
        collisionCount: 0,
      };
      if (!ready) delete (s.status as any).readyReplicas;
      if (replicas === 0) (s.status as any).replicas = 0;
    });
  }
}

/** The notebook's containers with the controller's defaults (NB_PREFIX, workingDir, port). */
export function notebookContainers(notebook: KubeObject): ContainerSpec[] {
  const { namespace, name } = notebook.metadata;
  const template = ((notebook.spec as any)?.template?.spec ?? {}) as any;
  return ((template.containers ?? []) as ContainerSpec[]).map((c, i) => {
    if (i !== 0) return c;
    const env = [...(((c as any).env as unknown[]) ?? [])] as Array<{
      name: string;
    }>;
    if (!env.some(e => e.name === 'NB_PREFIX')) {
      env.push({
        name: 'NB_PREFIX',
        value: `/notebook/${namespace}/${name}`,
      } as any);
    }
    return {
      workingDir: '/home/jovyan',
      ports: [{ containerPort: 8888, name: 'notebook-port', protocol: 'TCP' }],
      ...c,
      env,
    };
  });
}

/** The StatefulSet a Notebook produces (apps/v1). */
export function notebookStatefulSet(
  notebook: KubeObject,
  replicas: number,
): KubeObject {
  const { namespace, name } = notebook.metadata;
  const template = ((notebook.spec as any)?.template?.spec ?? {}) as Record<
    string,
    unknown
  >;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace, ownerReferences: [controllerRef(notebook)] },
    spec: {
      replicas,
      serviceName: '',
      selector: { matchLabels: { statefulset: name! } },
      template: {
        metadata: {
          labels: {
            ...notebook.metadata.labels,
            statefulset: name!,
            'notebook-name': name!,
          },
        },
        spec: {
          securityContext: { fsGroup: 100 },
          ...template,
          containers: notebookContainers(notebook),
        },
      },
      podManagementPolicy: 'OrderedReady',
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: { partition: 0 },
      },
    },
  };
}

/** The pod `<name>-0` of a notebook's StatefulSet (without status). */
export function notebookPod(
  notebook: KubeObject,
  sts: KubeObject,
  containers: ContainerSpec[],
): KubeObject {
  const { namespace, name } = notebook.metadata;
  const template = { ...((notebook.spec as any)?.template?.spec ?? {}) };
  delete template.containers;
  return buildPod({
    name: `${name}-0`,
    namespace: namespace!,
    labels: {
      ...notebook.metadata.labels,
      statefulset: name!,
      'notebook-name': name!,
      'controller-revision-hash': `${name}-7d4f9c8b6`,
      'statefulset.kubernetes.io/pod-name': `${name}-0`,
      'apps.kubernetes.io/pod-index': '0',
    },
    owner: sts,
    containers,
    serviceAccountName:
      (template.serviceAccountName as string) ?? 'default-editor',
    extraSpec: {
      securityContext: { fsGroup: 100 },
      ...template,
      hostname: `${name}-0`,
    },
  });
}
