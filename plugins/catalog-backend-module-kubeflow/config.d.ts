export interface Config {
  catalog?: {
    providers?: {
      /** Ingestion of Kubeflow resources as catalog entities. */
      kubeflow?: {
        /** Names of `kubeflow.clusters` to ingest. Default: all of them. */
        clusters?: string[];
      };
    };
  };
}
