import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  EndpointDto,
  LiveChangeDto,
  NotebookDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { KubeflowPage } from './KubeflowPage';

const notebook = (name: string, stopped: boolean): NotebookDto => ({
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

const endpoint: EndpointDto = {
  cluster: 'sandbox',
  namespace: 'team-vision',
  name: 'resnet50-vision',
  state: { phase: 'ready', message: 'Ready' },
  url: 'http://resnet50-vision.team-vision.example.com',
  modelFormat: 'onnx',
  canaryTrafficPercent: 10,
  traffic: [
    { revision: 'r2', percent: 10, latest: true },
    { revision: 'r1', percent: 90, latest: false, tag: 'prev' },
  ],
  conditions: [],
};

/** A fake API whose notebooks live in memory, with a live channel the test can fire. */
function fakeApi(overrides: Partial<KubeflowApi> = {}) {
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
    getNotebooks: async () => notebooks,
    setNotebookRunning: jest.fn(async ({ name, running }) => {
      notebooks = notebooks.map(n =>
        n.name === name ? notebook(name, !running) : n,
      );
      return notebooks.find(n => n.name === name)!;
    }),
    getEndpoints: async () => [endpoint],
    moveCanary: jest.fn(async () => ({
      ...endpoint,
      canaryTrafficPercent: undefined,
    })),
    subscribe: (_ref, onChange) => {
      listeners.push(onChange);
      return () => {};
    },
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

function render(api: KubeflowApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <KubeflowPage />
    </TestApiProvider>,
  );
}

describe('KubeflowPage', () => {
  it('shows each cluster with its state and the components it lacks', async () => {
    render(fakeApi().api);
    expect(await screen.findByText('Local sandbox')).toBeInTheDocument();
    expect(screen.getByText('Synced')).toBeInTheDocument();
    expect(screen.getByText('Trainer: not installed')).toBeInTheDocument();
  });

  it('lists the profile’s notebooks and endpoints with their states', async () => {
    render(fakeApi().api);
    expect(
      await screen.findByText('Notebooks in team-vision'),
    ).toBeInTheDocument();
    const running = (await screen.findByText('defect-eda')).closest('tr')!;
    expect(within(running).getByText('Running')).toBeInTheDocument();
    const stopped = screen.getByText('vscode-dev').closest('tr')!;
    expect(within(stopped).getByText(/Stopped/)).toBeInTheDocument();
    expect(
      await screen.findByText('Endpoints in team-vision'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: '10% of traffic on the latest revision',
      }),
    ).toBeInTheDocument();
  });

  it('stops a notebook after confirmation and follows a cluster change live', async () => {
    const { api, cluster } = fakeApi();
    render(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Stop defect-eda' }),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Stop notebook' }),
    );
    await waitFor(() =>
      expect(api.setNotebookRunning).toHaveBeenCalledWith({
        cluster: 'sandbox',
        namespace: 'team-vision',
        name: 'defect-eda',
        running: false,
      }),
    );
    expect(
      await screen.findByRole('button', { name: 'Start defect-eda' }),
    ).toBeInTheDocument();
    // Someone else starts it on the cluster: the page follows without a reload.
    cluster.change('defect-eda', false);
    expect(
      await screen.findByRole(
        'button',
        { name: 'Stop defect-eda' },
        { timeout: 3_000 },
      ),
    ).toBeInTheDocument();
  }, 20_000);

  it('promotes a canary', async () => {
    const { api } = fakeApi();
    render(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Promote resnet50-vision' }),
    );
    await waitFor(() =>
      expect(api.moveCanary).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'resnet50-vision', to: 'promote' }),
      ),
    );
  });

  it('says what to do when no cluster is configured', async () => {
    render(fakeApi({ getClusters: async () => [] }).api);
    expect(
      await screen.findByText(/No Kubeflow cluster is configured/),
    ).toBeInTheDocument();
  });

  it('says what to do when the user is in no profile', async () => {
    render(fakeApi({ getProfiles: async () => [] }).api);
    expect(
      await screen.findByText(/not a member of any Kubeflow profile/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    render(
      fakeApi({
        getNotebooks: async () => {
          throw new Error('notebooks unavailable');
        },
      }).api,
    );
    expect(
      await screen.findByText('Error: notebooks unavailable', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });

  it('says so when a profile has no notebooks', async () => {
    render(fakeApi({ getNotebooks: async () => [] }).api);
    expect(
      await screen.findByText(/No notebooks in team-vision yet/),
    ).toBeInTheDocument();
  });
});
