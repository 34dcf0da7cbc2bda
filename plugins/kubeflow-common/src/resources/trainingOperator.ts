import { Condition, KubeResource, ResourceRequirements } from './kubernetes';

/**
 * The Training Operator v1 jobs (kubeflow.org/v1) that Kubeflow 1.10 still installs beside
 * Trainer v2 and Katib uses as trials: for each kind, its plural, the spec field holding its
 * replica specs, and the framework it runs.
 *
 * @public
 */
export const TRAINING_OPERATOR_KINDS = {
  PyTorchJob: {
    plural: 'pytorchjobs',
    replicaSpecs: 'pytorchReplicaSpecs',
    framework: 'PyTorch',
  },
  TFJob: {
    plural: 'tfjobs',
    replicaSpecs: 'tfReplicaSpecs',
    framework: 'TensorFlow',
  },
  MPIJob: {
    plural: 'mpijobs',
    replicaSpecs: 'mpiReplicaSpecs',
    framework: 'MPI',
  },
  XGBoostJob: {
    plural: 'xgboostjobs',
    replicaSpecs: 'xgbReplicaSpecs',
    framework: 'XGBoost',
  },
  JAXJob: {
    plural: 'jaxjobs',
    replicaSpecs: 'jaxReplicaSpecs',
    framework: 'JAX',
  },
  PaddleJob: {
    plural: 'paddlejobs',
    replicaSpecs: 'paddleReplicaSpecs',
    framework: 'PaddlePaddle',
  },
} as const;

/** A Training Operator v1 job kind. @public */
export type TrainingOperatorKind = keyof typeof TRAINING_OPERATOR_KINDS;

/** Whether `kind` is a Training Operator v1 job kind. @public */
export function isTrainingOperatorKind(
  kind: string | undefined,
): kind is TrainingOperatorKind {
  return !!kind && Object.hasOwn(TRAINING_OPERATOR_KINDS, kind);
}

/** One role's replicas (`Master`, `Worker`, `Chief`, `PS`, `Launcher`, …). @public */
export interface TrainingReplicaSpec {
  replicas?: number;
  restartPolicy?: string;
  template?: {
    spec?: {
      containers?: Array<{
        name: string;
        image?: string;
        command?: string[];
        args?: string[];
        resources?: ResourceRequirements;
      }>;
    };
  };
}

/** The spec every Training Operator v1 job shares, and the kind-specific fields the portal reads. @public */
export interface TrainingOperatorJobSpec {
  runPolicy?: {
    suspend?: boolean;
    backoffLimit?: number;
    cleanPodPolicy?: string;
    ttlSecondsAfterFinished?: number;
    activeDeadlineSeconds?: number;
    schedulingPolicy?: { queue?: string; priorityClass?: string };
  };
  /** PyTorchJob */
  nprocPerNode?: string;
  elasticPolicy?: { minReplicas?: number; maxReplicas?: number };
  /** MPIJob */
  slotsPerWorker?: number;
  pytorchReplicaSpecs?: Record<string, TrainingReplicaSpec>;
  tfReplicaSpecs?: Record<string, TrainingReplicaSpec>;
  mpiReplicaSpecs?: Record<string, TrainingReplicaSpec>;
  xgbReplicaSpecs?: Record<string, TrainingReplicaSpec>;
  jaxReplicaSpecs?: Record<string, TrainingReplicaSpec>;
  paddleReplicaSpecs?: Record<string, TrainingReplicaSpec>;
}

/** The status the Training Operator writes. @public */
export interface TrainingOperatorJobStatus {
  conditions?: Condition[];
  replicaStatuses?: Record<
    string,
    { active?: number; succeeded?: number; failed?: number }
  >;
  startTime?: string;
  completionTime?: string;
}

/** A Training Operator v1 job (PyTorchJob, TFJob, MPIJob, XGBoostJob, JAXJob, PaddleJob). @public */
export type TrainingOperatorJob = KubeResource<
  TrainingOperatorJobSpec,
  TrainingOperatorJobStatus
>;

/** What one role of a job runs. @public */
export interface TrainingRoleSummary {
  role: string;
  replicas: number;
  image?: string;
  /** The first container's command and args, as one list. */
  command: string[];
  requests: Record<string, string>;
  limits: Record<string, string>;
  /** GPUs per replica: the sum of the `…/gpu` limits (nvidia.com/gpu, amd.com/gpu, …). */
  gpus: number;
}

/** What a Training Operator job states, in the terms the catalog and the pages show. @public */
export interface TrainingOperatorJobSummary {
  kind: TrainingOperatorKind;
  framework: string;
  roles: TrainingRoleSummary[];
  /** Replicas over all roles. */
  replicas: number;
  suspended: boolean;
  /** PyTorch processes per node, MPI slots per worker, elastic min–max: as the spec says them. */
  details: Record<string, string>;
}

const strings = (record: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(record ?? {}).map(([k, v]) => [k, String(v)]),
  );

/** The job's replica specs, whatever its kind (`pytorchReplicaSpecs`, `xgbReplicaSpecs`, …). @public */
export function trainingReplicaSpecs(
  job: TrainingOperatorJob,
): Record<string, TrainingReplicaSpec> {
  const kind = isTrainingOperatorKind(job.kind) ? job.kind : 'PyTorchJob';
  const field = TRAINING_OPERATOR_KINDS[kind].replicaSpecs;
  return job.spec?.[field] ?? {};
}

/** Reads a Training Operator job: roles with replicas, image, command, resources, GPUs. @public */
export function trainingOperatorJobSummary(
  job: TrainingOperatorJob,
): TrainingOperatorJobSummary {
  const kind = isTrainingOperatorKind(job.kind) ? job.kind : 'PyTorchJob';
  const roles = Object.entries(trainingReplicaSpecs(job)).map(
    ([role, spec]) => {
      const container = spec.template?.spec?.containers?.[0];
      const limits = strings(container?.resources?.limits);
      return {
        role,
        replicas: spec.replicas ?? 1,
        image: container?.image,
        command: [...(container?.command ?? []), ...(container?.args ?? [])],
        requests: strings(container?.resources?.requests),
        limits,
        gpus: Object.entries(limits)
          .filter(([k]) => k.endsWith('/gpu'))
          .reduce((n, [, v]) => n + (Number(v) || 0), 0),
      };
    },
  );
  const spec = job.spec ?? {};
  const details: Record<string, string> = {};
  if (spec.nprocPerNode) details['Processes per node'] = spec.nprocPerNode;
  if (spec.slotsPerWorker !== undefined)
    details['Slots per worker'] = String(spec.slotsPerWorker);
  if (spec.elasticPolicy)
    details.Elastic = `${spec.elasticPolicy.minReplicas ?? '?'}–${
      spec.elasticPolicy.maxReplicas ?? '?'
    } replicas`;
  const run = spec.runPolicy ?? {};
  if (run.backoffLimit !== undefined)
    details['Backoff limit'] = String(run.backoffLimit);
  if (run.cleanPodPolicy) details['Clean pod policy'] = run.cleanPodPolicy;
  if (run.activeDeadlineSeconds !== undefined)
    details['Active deadline'] = `${run.activeDeadlineSeconds} s`;
  if (run.schedulingPolicy?.queue) details.Queue = run.schedulingPolicy.queue;
  return {
    kind,
    framework: TRAINING_OPERATOR_KINDS[kind].framework,
    roles,
    replicas: roles.reduce((n, r) => n + r.replicas, 0),
    suspended: !!run.suspend,
    details,
  };
}
