import {
  EndpointDto,
  LiveChangeDto,
  ModelDto,
  ModelVersionDto,
  NotebookDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowApi } from '../api/KubeflowApi';
import { experimentsFakeApi } from './experimentsFake';

export const notebook = (name: string, stopped: boolean): NotebookDto => ({
  cluster: 'sandbox',
  namespace: 'team-vision',
  name,
  serverType: 'Jupyter',
  image: 'kubeflownotebookswg/jupyter-scipy:v1.10.0',
  cpu: '1',
  memory: '2Gi',
  stopped,
  state: stopped
    ? {
        phase: 'stopped',
        message: 'No pods are running for this notebook server.',
      }
    : { phase: 'ready', message: 'Running' },
});

export const endpoint: EndpointDto = {
  cluster: 'sandbox',
  namespace: 'team-vision',
  name: 'resnet50-vision',
  state: { phase: 'ready', message: 'Ready' },
  url: 'http://resnet50-vision.team-vision.example.com',
  predictorForm: 'model',
  modelFormat: 'onnx',
  deploymentMode: 'Serverless',
  deploymentModeSource: 'default',
  canaryTrafficPercent: 10,
  traffic: [
    { revision: 'r2', percent: 10, latest: true },
    { revision: 'r1', percent: 90, latest: false, tag: 'prev' },
  ],
  conditions: [],
};

const version = (
  name: string,
  state: 'LIVE' | 'ARCHIVED',
  deployed: boolean,
): ModelVersionDto => ({
  id: name,
  name,
  state,
  author: 'alice@example.com',
  createdAt: '2026-11-20T10:00:00.000Z',
  properties: { accuracy: name === '2.0.0' ? 0.951 : 0.912 },
  artifacts: [
    {
      name: `resnet50-vision-${name}`,
      uri: `s3://models/team-vision/resnet50-vision/${name}/`,
      format: 'onnx',
      formatVersion: '1',
    },
  ],
  deployments: deployed
    ? [
        {
          cluster: 'sandbox',
          namespace: 'team-vision',
          name: 'resnet50-vision',
          state: { phase: 'ready', message: 'Ready' },
          entityRef: 'component:sandbox/team-vision.resnet50-vision',
        },
      ]
    : [],
  producedBy: [
    {
      kind: 'Notebook',
      name: 'resnet-finetune',
      entityRef: 'resource:sandbox/team-vision.resnet-finetune',
    },
    { kind: 'Pipeline run', name: 'run-1' },
  ],
  entityRef: `resource:sandbox/team-vision.resnet50-vision.${name.replace(
    /\./g,
    '-',
  )}`,
});

export const model = (archived = false): ModelDto => ({
  cluster: 'sandbox',
  id: '1',
  name: 'resnet50-vision',
  namespace: 'team-vision',
  owner: 'alice@example.com',
  description: 'ResNet-50 defect classifier',
  state: 'LIVE',
  versions: [
    version('2.0.0', 'LIVE', true),
    version('1.0.0', archived ? 'ARCHIVED' : 'LIVE', false),
  ],
  entityRef: 'resource:sandbox/team-vision.resnet50-vision',
});

/** A fake API whose notebooks live in memory, with a live channel the test can fire. */
export function fakeApi(overrides: Partial<KubeflowApi> = {}) {
  let notebooks = [notebook('defect-eda', false), notebook('vscode-dev', true)];
  const listeners: Array<(c: LiveChangeDto) => void> = [];
  const api: KubeflowApi = {
    getClusters: async () => [
      {
        name: 'sandbox',
        title: 'Local sandbox',
        state: 'synced',
        components: {
          notebooks: true,
          serving: true,
          pipelines: true,
          modelRegistry: true,
          katib: true,
          training: false,
          spark: true,
        },
      },
    ],
    getProfiles: async () => [
      { name: 'team-vision', owner: 'alice@example.com', role: 'edit' },
      { name: 'team-nlp', owner: 'bob@example.com', role: 'view' },
    ],
    getProfile: async () => ({
      name: 'team-vision',
      owner: 'alice@example.com',
      contributors: [
        { user: 'dave@example.com', role: 'edit' },
        { user: 'erin@example.com', role: 'view' },
      ],
      counts: { notebooks: 3, endpoints: 1 },
      quota: { cpu: '32', 'requests.nvidia.com/gpu': 4 },
    }),
    getNotebooks: async () => notebooks,
    getNotebook: async ({ name }) => notebooks.find(n => n.name === name)!,
    getEndpoint: async () => endpoint,
    getNotebookEvents: async ({ name }) => [
      {
        type: 'Warning',
        reason: 'FailedScheduling',
        message: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.',
        count: 2,
        lastSeen: '2026-11-30T10:01:00Z',
        object: `Pod/${name}-0`,
      },
      {
        type: 'Normal',
        reason: 'Started',
        message: 'Started container',
        count: 1,
        lastSeen: '2026-11-30T10:00:00Z',
        object: `Notebook/${name}`,
      },
    ],
    deleteNotebook: jest.fn(async ({ name }) => {
      notebooks = notebooks.filter(n => n.name !== name);
    }),
    setNotebookRunning: jest.fn(async ({ name, running }) => {
      notebooks = notebooks.map(n =>
        n.name === name ? notebook(name, !running) : n,
      );
      return notebooks.find(n => n.name === name)!;
    }),
    getEndpoints: async () => [endpoint],
    getModels: async () => [model()],
    getModel: async () => model(),
    setModelVersionState: jest.fn(async ({ state }) =>
      model(state === 'ARCHIVED'),
    ),
    getServingRuntimes: async ({ format, formatVersion }) => ({
      format,
      formatVersion,
      automatic: 'kserve-tritonserver',
      runtimes: [
        {
          name: 'vision-onnx',
          clusterScoped: false,
          disabled: true,
          autoSelect: true,
        },
        {
          name: 'kserve-tritonserver',
          clusterScoped: true,
          disabled: false,
          autoSelect: true,
          priority: 1,
        },
      ],
    }),
    moveCanary: jest.fn(async () => ({
      ...endpoint,
      canaryTrafficPercent: undefined,
    })),
    subscribe: (_ref, onChange) => {
      listeners.push(onChange);
      return () => {};
    },
    ...experimentsFakeApi(),
    ...overrides,
  };
  const cluster = {
    change(name: string, stopped: boolean) {
      notebooks = notebooks.map(n =>
        n.name === name ? notebook(name, stopped) : n,
      );
      listeners.forEach(l =>
        l({
          cluster: 'sandbox',
          resource: 'notebooks',
          type: 'MODIFIED',
          namespace: 'team-vision',
          name,
        }),
      );
    },
  };
  return { api, cluster };
}
