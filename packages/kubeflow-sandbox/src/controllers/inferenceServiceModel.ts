import type { KubeObject } from '../store/types';

/** Storage URI schemes the sandbox's storage initializer "can fetch". */
const FETCHABLE_SCHEMES = ['s3', 'gs', 'pvc', 'hf', 'oci', 'https', 'http'];

/** The predictor's model storage URI (model.storageUri, a framework shortcut, or none). */
export function predictorStorageUri(isvc: KubeObject): string | undefined {
  const predictor = ((isvc.spec as any)?.predictor ?? {}) as Record<
    string,
    any
  >;
  if (predictor.model?.storageUri) return predictor.model.storageUri;
  for (const value of Object.values(predictor)) {
    if (
      value &&
      typeof value === 'object' &&
      typeof value.storageUri === 'string'
    ) {
      return value.storageUri;
    }
  }
  return undefined;
}

/** The model format the predictor serves (`model.modelFormat.name` or the shortcut key). */
export function predictorModelFormat(isvc: KubeObject): string {
  const predictor = ((isvc.spec as any)?.predictor ?? {}) as Record<
    string,
    any
  >;
  if (predictor.model?.modelFormat?.name)
    return predictor.model.modelFormat.name;
  const shortcuts = [
    'sklearn',
    'xgboost',
    'tensorflow',
    'pytorch',
    'triton',
    'onnx',
    'huggingface',
    'lightgbm',
    'paddle',
    'pmml',
  ];
  return shortcuts.find(s => predictor[s]) ?? 'custom';
}

/**
 * Why the model cannot be fetched, or undefined if it can (convention: the URI contains
 * `does-not-exist`, or its scheme is not one the storage initializer supports).
 */
export function storageFailure(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const scheme = uri.includes('://') ? uri.slice(0, uri.indexOf('://')) : '';
  if (!FETCHABLE_SCHEMES.includes(scheme)) {
    return `Failed to fetch model. Cannot recognize storage type for ${uri}`;
  }
  if (uri.includes('does-not-exist')) {
    return `Failed to fetch model. No model found in ${uri}`;
  }
  return undefined;
}

/** The serving runtime KServe would pick for a model format. */
export function servingRuntimeFor(format: string): string {
  const runtimes: Record<string, string> = {
    sklearn: 'kserve-sklearnserver',
    xgboost: 'kserve-xgbserver',
    lightgbm: 'kserve-lgbserver',
    tensorflow: 'kserve-tensorflow-serving',
    pytorch: 'kserve-torchserve',
    onnx: 'kserve-tritonserver',
    triton: 'kserve-tritonserver',
    huggingface: 'kserve-huggingfaceserver',
    paddle: 'kserve-paddleserver',
    pmml: 'kserve-pmmlserver',
  };
  return runtimes[format] ?? 'kserve-custom';
}

/** Image of the runtime (for predictor pods). */
export function runtimeImage(format: string): string {
  const images: Record<string, string> = {
    sklearn: 'kserve/sklearnserver:v0.16.0',
    xgboost: 'kserve/xgbserver:v0.16.0',
    lightgbm: 'kserve/lgbserver:v0.16.0',
    tensorflow: 'tensorflow/serving:2.6.2',
    pytorch: 'pytorch/torchserve-kfs:0.9.0',
    onnx: 'nvcr.io/nvidia/tritonserver:23.05-py3',
    triton: 'nvcr.io/nvidia/tritonserver:23.05-py3',
    huggingface: 'kserve/huggingfaceserver:v0.16.0',
  };
  return images[format] ?? 'kserve/custom-model:latest';
}

/**
 * A stable fingerprint of what makes a new Knative revision: the predictor without the traffic
 * knob (changing only `canaryTrafficPercent` moves traffic, it does not create a revision).
 */
export function predictorFingerprint(isvc: KubeObject): string {
  const predictor = { ...((isvc.spec as any)?.predictor ?? {}) };
  delete predictor.canaryTrafficPercent;
  return stableStringify(predictor);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map(k => `${JSON.stringify(k)}:${stableStringify((value as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Revision name `<name>-predictor-0000N`. */
export function revisionName(isvc: KubeObject, n: number): string {
  return `${isvc.metadata.name}-predictor-${String(n).padStart(5, '0')}`;
}

/** The number N of a revision name, 0 if none. */
export function revisionNumber(revision: string | undefined): number {
  const match = revision?.match(/-(\d{5})$/);
  return match ? Number(match[1]) : 0;
}

/** Desired predictor pod count: minReplicas (default 1), capped by maxReplicas when set. */
export function desiredReplicas(isvc: KubeObject): number {
  const predictor = ((isvc.spec as any)?.predictor ?? {}) as any;
  const min =
    typeof predictor.minReplicas === 'number' ? predictor.minReplicas : 1;
  const max =
    typeof predictor.maxReplicas === 'number' && predictor.maxReplicas > 0
      ? predictor.maxReplicas
      : Math.max(min, 1);
  return Math.min(min, max);
}

/** Traffic routing of a rolled-out predictor (pure). */
export interface RolloutState {
  latestReadyRevision: string;
  latestRolledoutRevision?: string;
  previousRolledoutRevision?: string;
  canaryPercent?: number;
}

/** The Knative traffic block and rollout fields for a ready latest revision. */
export function computeRollout(options: {
  isvc: KubeObject;
  latestReady: string;
  previous: {
    latestRolledoutRevision?: string;
    previousRolledoutRevision?: string;
  };
  host: string;
}) {
  const { isvc, latestReady, previous, host } = options;
  const canary = (isvc.spec as any)?.predictor?.canaryTrafficPercent as
    | number
    | undefined;
  const configurationName = `${isvc.metadata.name}-predictor`;
  const stable = previous.latestRolledoutRevision;
  if (
    canary !== undefined &&
    canary < 100 &&
    stable &&
    stable !== latestReady
  ) {
    return {
      latestRolledoutRevision: stable,
      previousRolledoutRevision: stable,
      traffic: [
        {
          tag: 'latest',
          revisionName: latestReady,
          configurationName,
          latestRevision: true,
          percent: canary,
          url: `http://latest-${host}`,
        },
        {
          tag: 'prev',
          revisionName: stable,
          configurationName,
          latestRevision: false,
          percent: 100 - canary,
          url: `http://prev-${host}`,
        },
      ],
    };
  }
  const previousRolledout =
    stable && stable !== latestReady
      ? stable
      : previous.previousRolledoutRevision;
  return {
    latestRolledoutRevision: latestReady,
    ...(previousRolledout
      ? { previousRolledoutRevision: previousRolledout }
      : {}),
    traffic: [
      {
        revisionName: latestReady,
        configurationName,
        latestRevision: true,
        percent: 100,
      },
    ],
  };
}
