export interface Config {
  /** Connections of the Kubeflow plugins. */
  kubeflow?: {
    /** How a Backstage user maps to a Kubeflow identity (the name RBAC binds). */
    identity?: {
      /** `email`: the User entity's spec.profile.email (Kubeflow's default); `name`: the entity name. */
      from?: 'email' | 'name';
      /** With `from: name`, appended to the entity name (e.g. `@example.com`). */
      nameSuffix?: string;
    };
    /**
     * The Kubeflow clusters the portal talks to. A cluster already configured for the Kubernetes
     * plugin (`kubernetes.clusterLocatorMethods[].clusters[]` of type `config`) with the same name
     * lends its URL, token and CA, so no secret is written twice.
     */
    clusters?: Array<{
      /** Unique name; also the name of the Kubernetes plugin cluster it reuses, if any. */
      name: string;
      /** Human title shown in the portal. Default: the name. */
      title?: string;
      /** Kubernetes API URL. Default: the Kubernetes plugin cluster of the same name. */
      url?: string;
      /**
       * How the portal authenticates: `serviceAccount` (a configured bearer token), `inCluster`
       * (the pod's service account: `KUBERNETES_SERVICE_HOST`/`_PORT`, the mounted token, re-read
       * every minute, and CA; `url` is not used) or `none` (the sandbox). Default:
       * `serviceAccount` when a token is known; `inCluster` when the Kubernetes plugin cluster of
       * the same name has `authProvider: serviceAccount` and no token (the rule by which that
       * plugin connects in-cluster); else `none`.
       */
      authProvider?: 'serviceAccount' | 'inCluster' | 'none';
      /**
       * Service account token of the portal's identity.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /**
       * Base64 PEM of the cluster CA.
       * @visibility secret
       */
      caData?: string;
      /**
       * Link to the cluster's Kubeflow Central Dashboard, shown on pages.
       * @visibility frontend
       */
      dashboardUrl?: string;
      /** KFP API base URL. Default: the in-cluster service proxy path to `kubeflow/ml-pipeline:8888`. */
      pipelinesUrl?: string;
      /**
       * A file holding a token KFP accepts, sent (re-read every minute) to a `pipelinesUrl` that is
       * not below the cluster URL: in a pod, a projected service account token with audience
       * `pipelines.kubeflow.org`, for multi-user KFP at its in-cluster Service. Default: none.
       */
      pipelinesTokenFile?: string;
      /** Model Registry base URL. Default: the service proxy path to `kubeflow/model-registry-service:8080`. */
      modelRegistryUrl?: string;
    }>;
  };
}
