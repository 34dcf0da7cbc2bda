import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi } from '../../__testUtils__/fakeApi';
import {
  dartsExperiment,
  katibExperiment,
} from '../../__testUtils__/experimentsFake';
import {
  kubeflowEntity,
  renderEntityPage,
} from '../../__testUtils__/renderEntity';
import { KubeflowApi } from '../../api/KubeflowApi';
import { KatibExperimentContent } from './KatibExperimentContent';

jest.setTimeout(40_000);

const render = (api: KubeflowApi) =>
  renderEntityPage(
    <KatibExperimentContent />,
    kubeflowEntity('Experiment', 'resnet-augment-search'),
    api,
  );

describe('KatibExperimentContent', () => {
  it('shows objective, algorithm, parameter space and trials with the best highlighted', async () => {
    const { api } = fakeApi();
    await render(api);
    expect(
      await screen.findByText('Katib experiment resnet-augment-search'),
    ).toBeInTheDocument();
    expect(screen.getByText('maximize accuracy')).toBeInTheDocument();
    expect(
      screen.getByText('none, flip, randaugment, mixup'),
    ).toBeInTheDocument();
    const trials = screen
      .getByText('Trials (3)')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const bestRow = within(trials)
      .getByText('resnet-augment-search-b')
      .closest('tr')!;
    expect(within(bestRow).getByText('best')).toBeInTheDocument();
    expect(within(bestRow).getByText('0.95')).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'accuracy per trial' }),
    ).toBeInTheDocument();
  });

  it('shows a DARTS experiment: its architecture space, operations, and the genotype as text', async () => {
    const { api } = fakeApi({
      getKatibExperiment: async () => dartsExperiment,
    });
    await render(api);
    expect(
      await screen.findByText(
        'DARTS neural architecture search over 2 layers with 2 operations',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Architecture search space')).toBeInTheDocument();
    expect(screen.getByText('32 × 32 × 3')).toBeInTheDocument();
    const operations = screen
      .getByText('Operations (2)')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const dilated = within(operations)
      .getByText('dilated_convolution')
      .closest('tr')!;
    expect(
      within(dilated).getByText('filter_size (categorical): 3, 5'),
    ).toBeInTheDocument();
    expect(within(operations).getByText('skip_connection')).toBeInTheDocument();
    expect(screen.queryByText('Parameter space')).toBeNull();
    expect(
      screen.getByText('StdOut: ([\\w-]+)=(Genotype.*)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Job')).toBeInTheDocument();

    // The genotype is text: shown as Katib recorded it, never NaN, and not plotted.
    const genotype = dartsExperiment.trials[0].objective!;
    const trials = screen
      .getByText('Trials (1)')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const row = within(trials).getByText('darts-search-x').closest('tr')!;
    expect(within(row).getByText(genotype)).toBeInTheDocument();
    expect(within(row).getByText('0.9123')).toBeInTheDocument();
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(screen.queryByText(/NaN/)).toBeNull();
    expect(
      screen.getByText(`darts-search-x: Best-Genotype ${genotype}`),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Best-Genotype is not numeric (Katib recorded text), so it is not plotted.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('img', { name: 'Best-Genotype per trial' }),
    ).toBeNull();
  });

  it('hides and shows a parameter in the scatter view', async () => {
    const { api } = fakeApi();
    await render(api);
    expect(
      await screen.findByRole('img', { name: 'lr against accuracy' }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Hide parameter lr' }));
    expect(
      screen.queryByRole('img', { name: 'lr against accuracy' }),
    ).toBeNull();
    expect(
      screen.getByRole('img', { name: 'augmentation against accuracy' }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show parameter lr' }));
    expect(
      screen.getByRole('img', { name: 'lr against accuracy' }),
    ).toBeInTheDocument();
  });

  it('stops the experiment as the user', async () => {
    const { api } = fakeApi();
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    await waitFor(() =>
      expect(api.setKatibExperimentRunning).toHaveBeenCalledWith(
        expect.objectContaining({
          name: 'resnet-augment-search',
          running: false,
        }),
      ),
    );
  });

  it('says when no trial exists yet', async () => {
    const { api } = fakeApi({
      getKatibExperiment: async () => ({ ...katibExperiment, trials: [] }),
    });
    await render(api);
    expect(
      await screen.findByText('No trial has been created yet.'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('No trial has reported accuracy yet.').length,
    ).toBe(2);
  });

  it('shows a progress bar while loading, and what went wrong', async () => {
    await render(
      fakeApi({ getKatibExperiment: () => new Promise(() => {}) }).api,
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says what went wrong', async () => {
    const { api } = fakeApi({
      getKatibExperiment: async () => {
        throw new Error('No Katib experiment team-vision/x on sandbox');
      },
    });
    await render(api);
    expect(
      await screen.findByText(
        'Error: No Katib experiment team-vision/x on sandbox',
        {
          selector: 'h6',
        },
      ),
    ).toBeInTheDocument();
  });
});
