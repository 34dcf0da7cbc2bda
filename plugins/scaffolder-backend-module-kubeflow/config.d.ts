export interface Config {
  kubeflow?: {
    scaffolder?: {
      /**
       * The embedded default's publish target (`kubeflow:project:publish`): projects are copied
       * to `<directory>/<name>/`; a catalog `file` location should glob
       * `<directory>/*\/catalog-info.yaml`. Unset: the action refuses and templates publish to an SCM.
       */
      localProjects?: {
        /** Directory, relative to the backend's working directory. */
        directory?: string;
      };
      /** Notebook spawner settings of `kubeflow:notebook:create`, like the Jupyter web app's. */
      notebooks?: {
        /** Images offered; the first is the default. Default: the Kubeflow notebook images. */
        images?: string[];
        /** Accept an image outside `images` (default true). */
        allowCustomImage?: boolean;
        /** Default CPU request (default "0.5"). */
        cpu?: string;
        /** Default memory request (default "1.0Gi"). */
        memory?: string;
        /** CPU limit = request × factor, or "none" (default "1.2"). */
        cpuLimitFactor?: string;
        /** Memory limit = request × factor, or "none" (default "1.2"). */
        memoryLimitFactor?: string;
      };
    };
  };
}
