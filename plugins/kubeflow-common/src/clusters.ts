/** What the backend tells the browser about a configured cluster: never an URL or a credential. @public */
export interface KubeflowClusterSummary {
  /** Cluster name as configured under `kubeflow.clusters[].name`. */
  name: string;
  /** Human title, defaults to the name. */
  title: string;
  /** Link to the cluster's Kubeflow Central Dashboard, when configured. */
  dashboardUrl?: string;
}
