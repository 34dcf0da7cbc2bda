import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  TRAINING_OPERATOR_KINDS,
  TrainingOperatorKind,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowApi, NamespaceRef } from './KubeflowApi';
import { KubeflowExperimentsApi } from './KubeflowExperimentsApi';

const enc = encodeURIComponent;

const trainingJobPlural = (kind: TrainingOperatorKind) =>
  TRAINING_OPERATOR_KINDS[kind].plural;

function namespacePath({ cluster, namespace }: NamespaceRef) {
  return `/clusters/${enc(cluster)}/namespaces/${enc(namespace)}`;
}

/** Talks to `/api/kubeflow` with the signed-in user's token (through the fetch API). */
export class KubeflowClient implements KubeflowApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getClusters(): Promise<ClusterStatusDto[]> {
    return this.call('/clusters');
  }

  getProfiles(cluster: string): Promise<ProfileDto[]> {
    return this.call(`/clusters/${enc(cluster)}/profiles`);
  }

  getProfile(ref: NamespaceRef): Promise<ProfileDetailsDto> {
    return this.call(
      `/clusters/${enc(ref.cluster)}/profiles/${enc(ref.namespace)}`,
    );
  }

  getNotebooks(ref: NamespaceRef): Promise<NotebookDto[]> {
    return this.call(`${namespacePath(ref)}/notebooks`);
  }

  getNotebook(ref: NamespaceRef & { name: string }): Promise<NotebookDto> {
    return this.call(`${namespacePath(ref)}/notebooks/${enc(ref.name)}`);
  }

  getEndpoint(ref: NamespaceRef & { name: string }): Promise<EndpointDto> {
    return this.call(
      `${namespacePath(ref)}/inferenceservices/${enc(ref.name)}`,
    );
  }

  setNotebookRunning(
    ref: NamespaceRef & { name: string; running: boolean },
  ): Promise<NotebookDto> {
    return this.call(
      `${namespacePath(ref)}/notebooks/${enc(ref.name)}/${
        ref.running ? 'start' : 'stop'
      }`,
      'POST',
    );
  }

  getNotebookEvents(ref: NamespaceRef & { name: string }): Promise<EventDto[]> {
    return this.call(`${namespacePath(ref)}/notebooks/${enc(ref.name)}/events`);
  }

  async deleteNotebook(ref: NamespaceRef & { name: string }): Promise<void> {
    await this.call(
      `${namespacePath(ref)}/notebooks/${enc(ref.name)}`,
      'DELETE',
    );
  }

  getEndpoints(ref: NamespaceRef): Promise<EndpointDto[]> {
    return this.call(`${namespacePath(ref)}/inferenceservices`);
  }

  moveCanary(
    ref: NamespaceRef & { name: string; to: 'promote' | 'rollback' },
  ): Promise<EndpointDto> {
    return this.call(
      `${namespacePath(ref)}/inferenceservices/${enc(ref.name)}/${ref.to}`,
      'POST',
    );
  }

  getModels(ref: NamespaceRef): Promise<ModelDto[]> {
    return this.call(`${namespacePath(ref)}/models`);
  }

  getModel(ref: NamespaceRef & { name: string }): Promise<ModelDto> {
    return this.call(`${namespacePath(ref)}/models/${enc(ref.name)}`);
  }

  getServingRuntimes(
    ref: NamespaceRef & { format: string; formatVersion?: string },
  ): Promise<ServingRuntimesDto> {
    const query = new URLSearchParams({ format: ref.format });
    if (ref.formatVersion) query.set('formatVersion', ref.formatVersion);
    return this.call(`${namespacePath(ref)}/servingruntimes?${query}`);
  }

  setModelVersionState(
    ref: NamespaceRef & {
      name: string;
      version: string;
      state: 'LIVE' | 'ARCHIVED';
    },
  ): Promise<ModelDto> {
    return this.call(
      `${namespacePath(ref)}/models/${enc(ref.name)}/versions/${enc(
        ref.version,
      )}/state`,
      'POST',
      { state: ref.state },
    );
  }

  subscribe(
    ref: NamespaceRef,
    onChange: (change: LiveChangeDto) => void,
  ): () => void {
    const controller = new AbortController();
    const listen = async () => {
      // Reconnect with a pause while the page is open; fetch (not EventSource) carries the token.
      while (!controller.signal.aborted) {
        try {
          const baseUrl = await this.discoveryApi.getBaseUrl('kubeflow');
          const response = await this.fetchApi.fetch(
            `${baseUrl}${namespacePath(ref)}/events`,
            {
              signal: controller.signal,
            },
          );
          if (!response.ok || !response.body)
            throw new Error(`live channel: ${response.status}`);
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const data = buffer
                .slice(0, end)
                .split('\n')
                .find(line => line.startsWith('data: '));
              buffer = buffer.slice(end + 2);
              if (data) onChange(JSON.parse(data.slice(6)));
              end = buffer.indexOf('\n\n');
            }
          }
        } catch {
          // fall through to the pause below
        }
        await new Promise(resolve => setTimeout(resolve, 3_000));
      }
    };
    void listen();
    return () => controller.abort();
  }

  // ---- Experimentation: pipelines and runs, Katib, TrainJobs, Spark, metrics ----

  getPipeline: KubeflowExperimentsApi['getPipeline'] = ref =>
    this.call(`/clusters/${enc(ref.cluster)}/pipelines/${enc(ref.id)}`);

  getRuns: KubeflowExperimentsApi['getRuns'] = ({
    cluster,
    namespace,
    archived,
    ...query
  }) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    if (archived) params.set('archived', 'true');
    return this.call(
      `${namespacePath({ cluster, namespace })}/runs?${params.toString()}`,
    );
  };

  getRun: KubeflowExperimentsApi['getRun'] = ref =>
    this.call(`${namespacePath(ref)}/runs/${enc(ref.runId)}`);

  createRun: KubeflowExperimentsApi['createRun'] = ({
    cluster,
    namespace,
    ...run
  }) => this.call(`${namespacePath({ cluster, namespace })}/runs`, 'POST', run);

  changeRun: KubeflowExperimentsApi['changeRun'] = ref =>
    this.call(
      `${namespacePath(ref)}/runs/${enc(ref.runId)}/${ref.action}`,
      'POST',
    );

  getRecurringRuns: KubeflowExperimentsApi['getRecurringRuns'] = ref => {
    const params = new URLSearchParams();
    if (ref.pipelineId) params.set('pipelineId', ref.pipelineId);
    if (ref.experimentId) params.set('experimentId', ref.experimentId);
    return this.call(`${namespacePath(ref)}/recurringruns?${params}`);
  };

  setRecurringRunEnabled: KubeflowExperimentsApi['setRecurringRunEnabled'] =
    ref =>
      this.call(
        `${namespacePath(ref)}/recurringruns/${enc(ref.id)}/${
          ref.enabled ? 'enable' : 'disable'
        }`,
        'POST',
      );

  getKatibExperiment: KubeflowExperimentsApi['getKatibExperiment'] = ref =>
    this.call(`${namespacePath(ref)}/experiments/${enc(ref.name)}`);

  setKatibExperimentRunning: KubeflowExperimentsApi['setKatibExperimentRunning'] =
    ref =>
      this.call(
        `${namespacePath(ref)}/experiments/${enc(ref.name)}/${
          ref.running ? 'restart' : 'stop'
        }`,
        'POST',
      );

  getTrainJob: KubeflowExperimentsApi['getTrainJob'] = ref =>
    this.call(`${namespacePath(ref)}/trainjobs/${enc(ref.name)}`);

  setTrainJobSuspended: KubeflowExperimentsApi['setTrainJobSuspended'] = ref =>
    this.call(
      `${namespacePath(ref)}/trainjobs/${enc(ref.name)}/${
        ref.suspended ? 'suspend' : 'resume'
      }`,
      'POST',
    );

  getTrainingJob: KubeflowExperimentsApi['getTrainingJob'] = ref =>
    this.call(
      `${namespacePath(ref)}/${trainingJobPlural(ref.kind)}/${enc(ref.name)}`,
    );

  setTrainingJobSuspended: KubeflowExperimentsApi['setTrainingJobSuspended'] =
    ref =>
      this.call(
        `${namespacePath(ref)}/${trainingJobPlural(ref.kind)}/${enc(
          ref.name,
        )}/${ref.suspended ? 'suspend' : 'resume'}`,
        'POST',
      );

  getScheduledSparkApplication: KubeflowExperimentsApi['getScheduledSparkApplication'] =
    ref =>
      this.call(
        `${namespacePath(ref)}/scheduledsparkapplications/${enc(ref.name)}`,
      );

  getSparkApplication: KubeflowExperimentsApi['getSparkApplication'] = ref =>
    this.call(`${namespacePath(ref)}/sparkapplications/${enc(ref.name)}`);

  getModelMetrics: KubeflowExperimentsApi['getModelMetrics'] = ref =>
    this.call(
      `/clusters/${enc(ref.cluster)}/models/${enc(ref.modelId)}/metrics`,
    );

  getProfileExperimentMetrics: KubeflowExperimentsApi['getProfileExperimentMetrics'] =
    ref => this.call(`${namespacePath(ref)}/experiment-metrics`);

  // ---- end of experimentation ----

  private async call<T>(
    path: string,
    method = 'GET',
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('kubeflow');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}
