import { screen, within } from '@testing-library/react';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { modelMetrics } from '../../__testUtils__/experimentsFake';
import {
  kubeflowEntity,
  renderEntityPage,
} from '../../__testUtils__/renderEntity';
import { KubeflowApi } from '../../api/KubeflowApi';
import { ModelMetricsCard } from './ModelMetricsCard';
import { ProfileExperimentsContent } from './ProfileExperimentsContent';

jest.setTimeout(40_000);

const render = (api: KubeflowApi) =>
  renderEntityPage(
    <ModelMetricsCard />,
    kubeflowEntity('RegisteredModel', 'resnet50-vision', { id: '1' }),
    api,
  );

describe('ModelMetricsCard', () => {
  it('compares the runs, trials and training jobs behind the versions, linking each', async () => {
    const api = fakeApi().api;
    const getModelMetrics = jest.spyOn(api, 'getModelMetrics');
    await render(api);
    const link = await screen.findByRole('link', {
      name: 'train-resnet50-lr-0005',
    });
    expect(getModelMetrics).toHaveBeenCalledWith({
      cluster: 'sandbox',
      modelId: '1',
    });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/sandbox/resource/team-vision.image-classifier-training/kubeflow?run=run-1',
    );
    expect(
      screen.getByRole('link', { name: 'resnet-lr-tuning' }),
    ).toHaveAttribute(
      'href',
      '/catalog/sandbox/resource/team-vision.resnet-lr-tuning',
    );
    const row = link.closest('tr')!;
    expect(within(row).getByText('0.951')).toBeInTheDocument();
    expect(within(row).getByText('learning_rate=0.0005')).toBeInTheDocument();
    expect(screen.getAllByText('Katib best trial').length).toBeGreaterThan(0);
    expect(
      screen.getByRole('img', { name: 'accuracy by source' }),
    ).toBeInTheDocument();
  });

  it('says how to link producers when nothing recorded them', async () => {
    await render(
      fakeApi({
        getModelMetrics: async () => ({
          ...modelMetrics,
          rows: [],
          metricNames: [],
        }),
      }).api,
    );
    expect(
      await screen.findByText('Nothing recorded what produced these versions'),
    ).toBeInTheDocument();
  });

  it('shows a progress bar while loading', async () => {
    await render(fakeApi({ getModelMetrics: () => new Promise(() => {}) }).api);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says what went wrong', async () => {
    await render(
      fakeApi({
        getModelMetrics: async () => {
          throw new Error(
            'bob@example.com may not see the experiments of team-vision',
          );
        },
      }).api,
    );
    expect(
      await screen.findByText(
        'Error: bob@example.com may not see the experiments of team-vision',
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });

  it('shows a profile’s experiments with the same comparison', async () => {
    await renderEntityPage(
      <ProfileExperimentsContent />,
      kubeflowEntity('Profile', 'team-vision'),
      fakeApi().api,
    );
    expect(
      await screen.findByText('Experiments in team-vision'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'resnet50-ddp' }),
    ).toBeInTheDocument();
  });
});
