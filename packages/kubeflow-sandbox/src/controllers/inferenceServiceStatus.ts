import type { KubeObject } from '../store/types';
import { setCondition, type Condition } from './conditions';
import { podStatus } from './pods';

/** What the controller concluded about an InferenceService in this reconcile. */
export interface IsvcState {
  name: string;
  latestRevision: string;
  ready: boolean;
  failed: boolean;
  failure?: string;
  stopped: boolean;
  /** Whether some revision was ready before (route and ingress stay up on a failed rollout). */
  hadReadyRevision: boolean;
}

/**
 * The knative-style conditions of an InferenceService (Ready, PredictorReady, IngressReady, …,
 * Stopped), sorted by type; transition times only move when a status changes.
 */
export function isvcConditions(
  previous: Condition[] | undefined,
  s: IsvcState,
): Condition[] {
  const name = s.name;
  let conditions: Condition[] = previous ?? [];
  const set = (
    type: string,
    status: Condition['status'],
    reason?: string,
    message?: string,
  ) => {
    conditions = setCondition(conditions, {
      type,
      status,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
      ...(type === 'Stopped' || status === 'True'
        ? {}
        : { severity: type === 'Ready' ? undefined : 'Info' }),
    });
  };
  if (s.stopped) {
    set('Stopped', 'True', 'Stopped', 'InferenceService is stopped');
    for (const t of [
      'PredictorReady',
      'PredictorConfigurationReady',
      'PredictorRouteReady',
      'IngressReady',
    ]) {
      set(t, 'False', 'Stopped', 'InferenceService is stopped');
    }
    set('Ready', 'False', 'Stopped', 'InferenceService is stopped');
  } else if (s.failed) {
    const message = `Revision "${s.latestRevision}" failed with message: ${s.failure}.`;
    set('Stopped', 'False');
    set('PredictorConfigurationReady', 'False', 'RevisionFailed', message);
    set('PredictorReady', 'False', 'RevisionFailed', message);
    set(
      'PredictorRouteReady',
      s.hadReadyRevision ? 'True' : 'False',
      s.hadReadyRevision ? undefined : 'RevisionFailed',
      s.hadReadyRevision ? undefined : message,
    );
    set(
      'IngressReady',
      s.hadReadyRevision ? 'True' : 'False',
      s.hadReadyRevision ? undefined : 'RevisionFailed',
      s.hadReadyRevision ? undefined : message,
    );
    set('Ready', 'False', 'RevisionFailed', message);
  } else if (s.ready) {
    set('Stopped', 'False');
    for (const t of [
      'PredictorConfigurationReady',
      'PredictorRouteReady',
      'PredictorReady',
      'IngressReady',
      'Ready',
    ]) {
      set(t, 'True');
    }
  } else {
    set('Stopped', 'False');
    set(
      'PredictorConfigurationReady',
      'Unknown',
      'RevisionMissing',
      `Configuration "${name}-predictor" is waiting for a Revision to become ready.`,
    );
    set(
      'PredictorReady',
      'Unknown',
      'RevisionMissing',
      `Configuration "${name}-predictor" is waiting for a Revision to become ready.`,
    );
    set(
      'PredictorRouteReady',
      'Unknown',
      'RevisionMissing',
      `Configuration "${name}-predictor" is waiting for a Revision to become ready.`,
    );
    set(
      'IngressReady',
      'Unknown',
      'RevisionMissing',
      'Ingress has not yet been reconciled.',
    );
    set(
      'Ready',
      'Unknown',
      'RevisionMissing',
      `Configuration "${name}-predictor" is waiting for a Revision to become ready.`,
    );
  }
  return conditions.sort((a, b) => a.type.localeCompare(b.type));
}

/** The `status.modelStatus` block. */
export function modelStatus(
  s: { ready: boolean; failed: boolean; stopped: boolean },
  old: any,
  replicas: number,
) {
  if (s.failed) {
    return {
      transitionStatus: 'BlockedByFailedLoad',
      states: { activeModelState: '', targetModelState: 'FailedToLoad' },
      copies: {
        failedCopies: Math.max(replicas, 1),
        totalCopies: Math.max(replicas, 1),
      },
      ...(old?.lastFailureInfo ? { lastFailureInfo: old.lastFailureInfo } : {}),
    };
  }
  if (s.stopped) {
    return {
      transitionStatus: 'UpToDate',
      states: { activeModelState: '', targetModelState: '' },
    };
  }
  if (s.ready) {
    return {
      transitionStatus: 'UpToDate',
      states: { activeModelState: 'Loaded', targetModelState: 'Loaded' },
      copies: { failedCopies: 0, totalCopies: replicas },
    };
  }
  return {
    transitionStatus: 'InProgress',
    states: {
      activeModelState:
        old?.states?.activeModelState === 'Loaded' ? 'Loaded' : 'Pending',
      targetModelState: 'Loading',
    },
  };
}

/** A predictor pod whose storage-initializer keeps failing (Init:CrashLoopBackOff). */
export function initFailedStatus(
  pod: KubeObject,
  failure: string,
  now: string,
) {
  const containers = (pod.spec as any).containers;
  const base = podStatus(
    containers,
    'ContainerCreating',
    now,
    (pod.status as any)?.startTime ?? now,
  ) as any;
  base.initContainerStatuses = [
    {
      name: 'storage-initializer',
      image: 'kserve/storage-initializer:v0.16.0',
      imageID: '',
      ready: false,
      restartCount: 3,
      started: false,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message:
            'back-off 40s restarting failed container=storage-initializer',
        },
      },
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          message: failure,
          startedAt: now,
          finishedAt: now,
        },
      },
    },
  ];
  base.containerStatuses = base.containerStatuses.map((c: any) => ({
    ...c,
    state: { waiting: { reason: 'PodInitializing' } },
  }));
  base.conditions = base.conditions.map((c: any) =>
    c.type === 'Initialized'
      ? {
          ...c,
          status: 'False',
          reason: 'ContainersNotInitialized',
          message: 'containers with incomplete status: [storage-initializer]',
        }
      : c,
  );
  return base;
}

/** A short stable hash (16 hex chars). */
export function hash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 16777619);
    h2 = Math.imul(h2 + text.charCodeAt(i), 2246822507);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0)
    .toString(16)
    .padStart(8, '0')}`;
}

/** A pod-name suffix like the ReplicaSet's (5 consonant/digit chars). */
export function randomSuffix(seed: string, i: number): string {
  return hash(`${seed}/${i}`)
    .slice(0, 5)
    .replace(/[0-9]/g, d => 'bcdfghjkmn'[Number(d)]);
}
