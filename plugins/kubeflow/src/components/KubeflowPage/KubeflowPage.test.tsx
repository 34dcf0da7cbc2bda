import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { runs } from '../../__testUtils__/experimentsFake';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { KubeflowPage } from './KubeflowPage';

// Live-update journeys through the whole page: 20 s is too little when suites share two cores.
jest.setTimeout(40_000);

function render(api: KubeflowApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <KubeflowPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
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
    expect(
      await screen.findByText('Models in team-vision'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('resnet50-vision (2.0.0)'),
    ).toBeInTheDocument();
    // The profile's recent pipeline runs, from KFP through the backend.
    expect(await screen.findByText(runs[0].name)).toBeInTheDocument();
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
      await screen.findByRole(
        'button',
        { name: 'Start defect-eda' },
        { timeout: 5_000 },
      ),
    ).toBeInTheDocument();
    // Someone else starts it on the cluster: the page follows without a reload.
    cluster.change('defect-eda', false);
    expect(
      await screen.findByRole(
        'button',
        { name: 'Stop defect-eda' },
        { timeout: 5_000 },
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
