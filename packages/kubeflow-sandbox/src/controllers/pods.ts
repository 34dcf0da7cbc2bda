import type { KubeObject, ObjectStore } from '../store/types';
import { controllerRef } from './ownership';
import { nowRfc3339 } from './conditions';
import { POD_LOG_ANNOTATION } from '../api/podLog';
import { renderPodLog } from './podLogs';

/** A container as a pod template declares it (only what the sandbox reads). */
export interface ContainerSpec {
  name: string;
  image: string;
  [key: string]: unknown;
}

/** Inputs of {@link buildPod}. */
export interface PodOptions {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  owner: KubeObject;
  containers: ContainerSpec[];
  serviceAccountName?: string;
  restartPolicy?: 'Always' | 'Never' | 'OnFailure';
  nodeName?: string;
  extraSpec?: Record<string, unknown>;
}

/** A core/v1 Pod owned by `owner`, without status (the kubelet's part is {@link podStatus}). */
export function buildPod(options: PodOptions): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: options.labels,
      ...(options.annotations ? { annotations: options.annotations } : {}),
      ownerReferences: [controllerRef(options.owner)],
    },
    spec: {
      ...options.extraSpec,
      containers: options.containers,
      restartPolicy: options.restartPolicy ?? 'Always',
      serviceAccountName: options.serviceAccountName ?? 'default',
      nodeName: options.nodeName ?? 'sandbox-node-1',
    },
  };
}

/** Phases the sandbox moves pods through. */
export type PodStage =
  | 'Pending'
  | 'ContainerCreating'
  | 'Running'
  | 'Succeeded'
  | 'Failed'
  | 'ErrImagePull'
  | 'ImagePullBackOff';

/** Whether an image is one the sandbox cannot pull (convention: `:does-not-exist` or `invalid`). */
export function isUnpullableImage(image: string): boolean {
  return image.includes(':does-not-exist') || image.includes('invalid');
}

function condition(
  type: string,
  ok: boolean,
  at: string,
  reason?: string,
  message?: string,
) {
  return {
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: at,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

/**
 * The pod status the kubelet would report at `stage` for these containers (`since` = when the
 * stage began; `startTime` = when the pod was scheduled).
 */
export function podStatus(
  containers: ContainerSpec[],
  stage: PodStage,
  since: string,
  startTime: string = since,
  podIndex = 1,
): Record<string, unknown> {
  const podIP = `10.244.${1 + ((podIndex >> 8) % 250)}.${2 + (podIndex % 250)}`;
  const running = stage === 'Running';
  const done = stage === 'Succeeded' || stage === 'Failed';
  const waitingReason =
    stage === 'ErrImagePull' || stage === 'ImagePullBackOff'
      ? stage
      : 'ContainerCreating';
  const containerStatuses = containers.map(c => {
    let state: Record<string, unknown>;
    if (running) state = { running: { startedAt: since } };
    else if (done) {
      state = {
        terminated: {
          exitCode: stage === 'Succeeded' ? 0 : 1,
          reason: stage === 'Succeeded' ? 'Completed' : 'Error',
          startedAt: startTime,
          finishedAt: since,
        },
      };
    } else {
      state = {
        waiting: {
          reason: waitingReason,
          ...(waitingReason === 'ContainerCreating'
            ? {}
            : {
                message:
                  waitingReason === 'ErrImagePull'
                    ? `failed to pull and unpack image "${c.image}": not found`
                    : `Back-off pulling image "${c.image}"`,
              }),
        },
      };
    }
    return {
      name: c.name,
      image: c.image,
      imageID:
        running || done
          ? `${c.image.split(':')[0]}@sha256:${fakeDigest(c.image)}`
          : '',
      ready: running,
      started: running,
      restartCount: 0,
      state,
    };
  });
  if (stage === 'Pending') {
    return {
      phase: 'Pending',
      conditions: [condition('PodScheduled', true, since)],
      qosClass: 'Burstable',
    };
  }
  const notReady = running ? undefined : 'ContainersNotReady';
  const notReadyMessage = running
    ? undefined
    : `containers with unready status: [${containers
        .map(c => c.name)
        .join(' ')}]`;
  const ready = running;
  let phase: string = 'Pending';
  if (running) phase = 'Running';
  else if (done) phase = stage;
  return {
    phase,
    conditions: [
      condition('PodReadyToStartContainers', true, startTime),
      condition('Initialized', true, startTime),
      condition(
        'Ready',
        ready,
        since,
        done ? 'PodCompleted' : notReady,
        done ? undefined : notReadyMessage,
      ),
      condition(
        'ContainersReady',
        ready,
        since,
        done ? 'PodCompleted' : notReady,
        done ? undefined : notReadyMessage,
      ),
      condition('PodScheduled', true, startTime),
    ],
    hostIP: '172.18.0.2',
    hostIPs: [{ ip: '172.18.0.2' }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime,
    containerStatuses,
    qosClass: 'Burstable',
  };
}

function fakeDigest(image: string): string {
  let h = 2166136261;
  for (let i = 0; i < image.length; i++)
    h = Math.imul(h ^ image.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0').repeat(8);
}

/** Creates the pod if absent and gives it the status of `stage`; returns the stored pod. */
export function ensurePod(
  store: ObjectStore,
  pod: KubeObject,
  stage: PodStage,
  podIndex = 1,
): KubeObject {
  const { namespace, name } = pod.metadata;
  let existing = store.get('pods', namespace, name!);
  if (!existing) existing = store.create('pods', pod);
  if ((existing.status as any)?.phase) return existing;
  const containers = (existing.spec as any).containers as ContainerSpec[];
  const now = nowRfc3339();
  return (
    store.mutate('pods', namespace, name!, p => {
      p.status = podStatus(containers, stage, now, now, podIndex);
      writeLog(p);
    }) ?? existing
  );
}

/** Moves an existing pod to `stage` (no-op if already there). */
export function setPodStage(
  store: ObjectStore,
  namespace: string,
  name: string,
  stage: PodStage,
  podIndex = 1,
): KubeObject | undefined {
  return store.mutate('pods', namespace, name, p => {
    const status = (p.status ?? {}) as any;
    if (currentStage(p) === stage) return;
    const containers = (p.spec as any).containers as ContainerSpec[];
    const now = nowRfc3339();
    p.status = podStatus(
      containers,
      stage,
      now,
      status.startTime ?? now,
      podIndex,
    );
    writeLog(p);
  });
}

/** Stores the pod's log text (for `kubectl logs`) in the annotation the core serves. */
export function writeLog(pod: KubeObject): void {
  const text = renderPodLog(pod);
  if (!text) return;
  pod.metadata.annotations = {
    ...pod.metadata.annotations,
    [POD_LOG_ANNOTATION]: text,
  };
}

/** The sandbox stage a pod is in, read back from its status. */
export function currentStage(pod: KubeObject): PodStage | undefined {
  const status = pod.status as any;
  if (!status?.phase) return undefined;
  if (status.phase !== 'Pending') return status.phase;
  const waiting = status.containerStatuses?.[0]?.state?.waiting?.reason;
  if (waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff')
    return waiting;
  return status.containerStatuses ? 'ContainerCreating' : 'Pending';
}
