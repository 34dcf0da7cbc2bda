import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** Ingestion of Kubeflow resources as catalog entities. */
      kubeflow?: {
        /** Names of `kubeflow.clusters` to ingest. Default: all of them. */
        clusters?: string[];
        /**
         * What to ingest. Default: all of profiles, notebooks, pipelines, pipelineExperiments,
         * katibExperiments, models, inferenceServices, trainJobs, trainingJobs (the Training
         * Operator v1 jobs: PyTorchJob, TFJob, MPIJob, XGBoostJob, JAXJob, PaddleJob), sparkApplications.
         */
        kinds?: string[];
        namespaces?: {
          /** Only these namespaces. Default: all. */
          include?: string[];
          /** Never these namespaces. Default: none. */
          exclude?: string[];
        };
        /** Owner of objects outside any profile. Default: group:default/ml-platform. */
        defaultOwner?: string;
        /**
         * A full read that would remove more than this share (0..1) of a cluster's entities is
         * refused and logged. Default: 0.2.
         */
        maxRemovalShare?: number;
        /** Full read (resync) schedule. Default: every 5 minutes. Changes arrive live in between. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
