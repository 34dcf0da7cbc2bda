import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { fakeApi } from '../../__testUtils__/fakeApi';
import {
  EntityKubeflowContent,
  isKubeflowLiveEntity,
} from './EntityKubeflowContent';

const entity = (kind: string, name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: kind === 'Notebook' ? 'Resource' : 'Component',
  metadata: {
    name: `team-vision.${name}`,
    namespace: 'sandbox',
    annotations: {
      'kubeflow.org/cluster': 'sandbox',
      'kubeflow.org/namespace': 'team-vision',
      'kubeflow.org/name': name,
      'kubeflow.org/kind': kind,
    },
  },
  spec: {},
});

function render(kind: string, name: string, api = fakeApi().api) {
  renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <EntityProvider entity={entity(kind, name)}>
        <EntityKubeflowContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('EntityKubeflowContent', () => {
  it('shows a notebook live, with Stop', async () => {
    const api = render('Notebook', 'defect-eda');
    expect(await screen.findByText('Notebook defect-eda')).toBeInTheDocument();
    expect(
      screen.getByText('kubeflownotebookswg/jupyter-scipy:v1.10.0'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() =>
      expect(api.setNotebookRunning).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'defect-eda', running: false }),
      ),
    );
  });

  it('shows an endpoint with its URL, traffic split and canary promotion', async () => {
    const api = render('InferenceService', 'resnet50-vision');
    expect(
      await screen.findByText('Endpoint resnet50-vision'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('http://resnet50-vision.team-vision.example.com'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: '10% of traffic on the latest revision',
      }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Promote canary' }));
    await waitFor(() => expect(api.moveCanary).toHaveBeenCalled());
  });

  it('says what went wrong when the backend refuses', async () => {
    render(
      'Notebook',
      'defect-eda',
      fakeApi({
        getNotebook: async () => {
          throw new Error(
            'erin@example.com may not get notebooks in team-vision',
          );
        },
      }).api,
    );
    expect(
      await screen.findByText(
        'Error: erin@example.com may not get notebooks in team-vision',
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });

  it('shows a profile’s owner, contributors with roles, counts and quota', async () => {
    render('Profile', 'team-vision');
    expect(await screen.findByText('Profile team-vision')).toBeInTheDocument();
    expect(screen.getByText('alice@example.com')).toBeInTheDocument();
    expect(screen.getByText('erin@example.com')).toBeInTheDocument();
    expect(screen.getByText('view')).toBeInTheDocument();
    expect(screen.getByText('32')).toBeInTheDocument();
    // Quota keys as Kubernetes names them, not prettified.
    expect(screen.getByText('requests.nvidia.com/gpu')).toBeInTheDocument();
  });

  it('applies to the Kubeflow kinds that have a live page only', () => {
    expect(isKubeflowLiveEntity(entity('Notebook', 'x'))).toBe(true);
    expect(isKubeflowLiveEntity(entity('TrainJob', 'x'))).toBe(true);
    expect(isKubeflowLiveEntity(entity('Tensorboard', 'x'))).toBe(false);
  });
});
