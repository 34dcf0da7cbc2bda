import { Condition, Container, KubeResource } from './kubernetes';

/** core/v1 ContainerState, as a Notebook's status copies it. @public */
export interface ContainerState {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: { exitCode: number; reason?: string; message?: string };
}

/** Notebook spec (kubeflow.org): a pod template. @public */
export interface NotebookSpec {
  template: {
    spec: {
      containers: Container[];
      serviceAccountName?: string;
    };
  };
}

/** Notebook status, as the notebook controller writes it. @public */
export interface NotebookStatus {
  readyReplicas: number;
  containerState: ContainerState;
  conditions: Condition[];
}

/** A Kubeflow Notebook server. @public */
export type Notebook = KubeResource<NotebookSpec, NotebookStatus>;

/** The annotation the Jupyter web app sets to stop a notebook (value: RFC 3339 time). @public */
export const NOTEBOOK_STOPPED_ANNOTATION = 'kubeflow-resource-stopped';
/** The annotation the culler maintains with the notebook's last activity. @public */
export const NOTEBOOK_LAST_ACTIVITY_ANNOTATION =
  'notebooks.kubeflow.org/last-activity';
