import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  ClusterStatusDto,
  EndpointDto,
  EventDto,
  LiveChangeDto,
  ModelDto,
  NotebookDto,
  ProfileDetailsDto,
  ProfileDto,
  ServingRuntimesDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowExperimentsApi } from './KubeflowExperimentsApi';

/** What a page asks of a namespace. @public */
export interface NamespaceRef {
  cluster: string;
  namespace: string;
}

/**
 * The browser's view of the Kubeflow backend plugin.
 *
 * @public
 */
export interface KubeflowApi extends KubeflowExperimentsApi {
  /** The configured clusters with their state and components. */
  getClusters(): Promise<ClusterStatusDto[]>;
  /** The profiles the signed-in user may see on a cluster. */
  getProfiles(cluster: string): Promise<ProfileDto[]>;
  /** One profile: owner, contributors with roles, counts and quota. */
  getProfile(ref: NamespaceRef): Promise<ProfileDetailsDto>;
  getNotebooks(ref: NamespaceRef): Promise<NotebookDto[]>;
  getNotebook(ref: NamespaceRef & { name: string }): Promise<NotebookDto>;
  /** Stops or starts a notebook as the signed-in user; answers its new state. */
  setNotebookRunning(
    ref: NamespaceRef & { name: string; running: boolean },
  ): Promise<NotebookDto>;
  /** The notebook's and its pod's events, newest first. */
  getNotebookEvents(ref: NamespaceRef & { name: string }): Promise<EventDto[]>;
  /** Deletes a notebook as the signed-in user. */
  deleteNotebook(ref: NamespaceRef & { name: string }): Promise<void>;
  getEndpoints(ref: NamespaceRef): Promise<EndpointDto[]>;
  getEndpoint(ref: NamespaceRef & { name: string }): Promise<EndpointDto>;
  /** Promotes the canary (all traffic to the latest revision) or rolls it back. */
  moveCanary(
    ref: NamespaceRef & { name: string; to: 'promote' | 'rollback' },
  ): Promise<EndpointDto>;
  /** The registered models of a profile. */
  getModels(ref: NamespaceRef): Promise<ModelDto[]>;
  /** A registered model with its versions, artifacts, producers and deployments. */
  getModel(ref: NamespaceRef & { name: string }): Promise<ModelDto>;
  /** Archives or restores a model version as the signed-in user; answers the model. */
  setModelVersionState(
    ref: NamespaceRef & {
      name: string;
      version: string;
      state: 'LIVE' | 'ARCHIVED';
    },
  ): Promise<ModelDto>;
  /**
   * The serving runtimes a model format can be deployed with in a namespace, and the one the
   * deploy action picks by itself.
   */
  getServingRuntimes(
    ref: NamespaceRef & { format: string; formatVersion?: string },
  ): Promise<ServingRuntimesDto>;
  /** Calls `onChange` for every change in the namespace until the returned function is called. */
  subscribe(
    ref: NamespaceRef,
    onChange: (change: LiveChangeDto) => void,
  ): () => void;
}

/** @public */
export const kubeflowApiRef = createApiRef<KubeflowApi>({
  id: 'plugin.kubeflow.api',
});
