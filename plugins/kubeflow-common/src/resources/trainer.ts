import { Condition, KubeResource, ResourceRequirements } from './kubernetes';

/** TrainJob spec (trainer.kubeflow.org/v1alpha1). @public */
export interface TrainJobSpec {
  runtimeRef: { name: string; kind?: string; apiGroup?: string };
  trainer?: {
    image?: string;
    numNodes?: number;
    resourcesPerNode?: ResourceRequirements;
  };
  suspend?: boolean;
}

/** TrainJob status. @public */
export interface TrainJobStatus {
  conditions?: Condition[];
  jobsStatus?: Array<{
    name: string;
    ready?: number;
    succeeded?: number;
    failed?: number;
    active?: number;
    suspended?: number;
  }>;
}

/** A Kubeflow Trainer TrainJob. @public */
export type TrainJob = KubeResource<TrainJobSpec, TrainJobStatus>;
