import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { trainJob } from '../../__testUtils__/experimentsFake';
import {
  kubeflowEntity,
  renderEntityPage,
} from '../../__testUtils__/renderEntity';
import { KubeflowApi } from '../../api/KubeflowApi';
import { TrainJobContent } from './TrainJobContent';

jest.setTimeout(40_000);

const render = (api: KubeflowApi) =>
  renderEntityPage(
    <TrainJobContent />,
    kubeflowEntity('TrainJob', 'vit-pretrain'),
    api,
  );

describe('TrainJobContent', () => {
  it('shows runtime, nodes, resources, progress and conditions with reasons; suspends', async () => {
    const { api } = fakeApi();
    await render(api);
    expect(
      await screen.findByText('TrainJob vit-pretrain'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('torch-distributed (ClusterTrainingRuntime)'),
    ).toBeInTheDocument();
    expect(screen.getByText('nvidia.com/gpu 1')).toBeInTheDocument();
    expect(screen.getByText('40% done, about 12s left')).toBeInTheDocument();
    expect(screen.getByText('Resumed')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    await waitFor(() =>
      expect(api.setTrainJobSuspended).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'vit-pretrain', suspended: true }),
      ),
    );
  });

  it('offers Resume on a suspended job and says when no condition is reported', async () => {
    const { api } = fakeApi({
      getTrainJob: async () => ({
        ...trainJob,
        suspended: true,
        state: { phase: 'stopped', message: 'Suspended' },
        conditions: [],
        progress: undefined,
      }),
    });
    await render(api);
    expect(
      await screen.findByRole('button', { name: 'Resume' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/No condition yet/)).toBeInTheDocument();
  });

  it('shows a progress bar while loading', async () => {
    await render(fakeApi({ getTrainJob: () => new Promise(() => {}) }).api);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says what went wrong', async () => {
    const { api } = fakeApi({
      getTrainJob: async () => {
        throw new Error('bob@example.com may not get trainjobs in team-vision');
      },
    });
    await render(api);
    expect(
      await screen.findByText(
        'Error: bob@example.com may not get trainjobs in team-vision',
        {
          selector: 'h6',
        },
      ),
    ).toBeInTheDocument();
  });
});
