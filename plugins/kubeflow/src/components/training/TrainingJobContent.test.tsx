import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { trainingJob } from '../../__testUtils__/experimentsFake';
import {
  kubeflowEntity,
  renderEntityPage,
} from '../../__testUtils__/renderEntity';
import { KubeflowApi } from '../../api/KubeflowApi';
import { EntityKubeflowContent } from '../EntityKubeflowContent';

jest.setTimeout(40_000);

const render = (api: KubeflowApi, kind = 'PyTorchJob') =>
  renderEntityPage(
    <EntityKubeflowContent />,
    kubeflowEntity(kind, 'mnist-ddp'),
    api,
  );

describe('TrainingJobContent', () => {
  it('shows a PyTorchJob’s roles with image, command, resources and replica counts; suspends', async () => {
    const { api } = fakeApi();
    await render(api);
    expect(await screen.findByText('PyTorchJob mnist-ddp')).toBeInTheDocument();
    expect(
      screen.getByText('PyTorch (Training Operator PyTorchJob)'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 Master, 2 Worker')).toBeInTheDocument();
    expect(
      screen.getByText('python3 /opt/pytorch-mnist/mnist.py --epochs=1'),
    ).toBeInTheDocument();
    expect(screen.getByText('nvidia.com/gpu 1')).toBeInTheDocument();
    expect(screen.getByText('1 / 0 / 1')).toBeInTheDocument();
    expect(screen.getByText('auto')).toBeInTheDocument();
    expect(screen.getByText('PyTorchJobRunning')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    await waitFor(() =>
      expect(api.setTrainingJobSuspended).toHaveBeenCalledWith(
        expect.objectContaining({
          kind: 'PyTorchJob',
          name: 'mnist-ddp',
          suspended: true,
        }),
      ),
    );
  });

  it('serves every Training Operator kind, and offers no action on a finished job', async () => {
    const { api } = fakeApi({
      getTrainingJob: async ref => ({
        ...trainingJob,
        kind: ref.kind,
        framework: 'XGBoost',
        state: { phase: 'succeeded', message: 'done' },
      }),
    });
    await render(api, 'XGBoostJob');
    expect(await screen.findByText('XGBoostJob mnist-ddp')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Suspend|Resume/ })).toBeNull();
  });

  it('says what went wrong', async () => {
    const { api } = fakeApi({
      getTrainingJob: async () => {
        throw new Error(
          'bob@example.com may not get pytorchjobs in team-vision',
        );
      },
    });
    await render(api);
    expect(
      await screen.findByText(
        'Error: bob@example.com may not get pytorchjobs in team-vision',
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });
});
