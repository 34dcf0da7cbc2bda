import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { failedRun, pipeline } from '../../__testUtils__/experimentsFake';
import {
  kubeflowEntity,
  renderEntityPage,
} from '../../__testUtils__/renderEntity';
import { KubeflowApi } from '../../api/KubeflowApi';
import { PipelineContent } from './PipelineContent';

jest.setTimeout(40_000);

const entity = kubeflowEntity('Pipeline', 'image-classifier-training', {
  id: 'p-1',
});
const render = (api: KubeflowApi, entries?: string[]) =>
  renderEntityPage(<PipelineContent />, entity, api, entries);

describe('PipelineContent', () => {
  it('shows the versions, the DAG and inputs of the latest, and the runs', async () => {
    const { api } = fakeApi();
    await render(api);
    expect(await screen.findByText('Version v2')).toBeInTheDocument();
    expect(screen.getByText('Adds register-model')).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: 'register-model' }),
    ).toBeInTheDocument();
    expect(screen.getByText('learning_rate')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', {
        name: 'Open run train-resnet50-bad-labels',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 1 · 3 runs')).toBeInTheDocument();
    expect(await screen.findByText('nightly-retrain')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Show version v1' }));
    expect(await screen.findByText('Version v1')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'register-model' })).toBeNull();
  });

  it('asks KFP for failed runs only, and says so when none match', async () => {
    const { api } = fakeApi();
    await render(api);
    fireEvent.mouseDown(await screen.findByRole('button', { name: /^State/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Failed' }));
    await waitFor(() =>
      expect(api.getRuns).toHaveBeenLastCalledWith(
        expect.objectContaining({
          state: 'FAILED',
          pipelineId: 'p-1',
          pageSize: 10,
        }),
      ),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Open run train-resnet50-bad-labels',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Open run train-resnet50-v4' }),
    ).toBeNull();
    fireEvent.change(screen.getByLabelText('Search runs by name'), {
      target: { value: 'nothing-like-this' },
    });
    expect(await screen.findByText('No run matches')).toBeInTheDocument();
  });

  it('opens a failed run with its coloured DAG and the failing task’s error', async () => {
    const { api } = fakeApi();
    await render(api);
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Open run train-resnet50-bad-labels',
      }),
    );
    expect(
      await screen.findByText('Run train-resnet50-bad-labels'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'evaluate-model: failed' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'train-resnet: succeeded' }),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/Task evaluate-model failed/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getAllByText(/RuntimeError: evaluate-model failed/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText('s3://datasets/defects/v4-unreviewed'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(api.changeRun).toHaveBeenCalledWith(
        expect.objectContaining({ runId: failedRun.id, action: 'retry' }),
      ),
    );
  });

  it('starts a run with the parameters the version declares', async () => {
    const { api } = fakeApi();
    await render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Start run' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('epochs'), {
      target: { value: '3' },
    });
    fireEvent.change(within(dialog).getByLabelText('learning_rate'), {
      target: { value: '0.01' },
    });
    fireEvent.change(within(dialog).getByLabelText('dataset'), {
      target: { value: 's3://d' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start run' }));
    await waitFor(() =>
      expect(api.createRun).toHaveBeenCalledWith(
        expect.objectContaining({
          pipelineId: 'p-1',
          pipelineVersionId: 'v-2',
          parameters: { epochs: '3', learning_rate: '0.01', dataset: 's3://d' },
          idempotencyKey: expect.any(String),
        }),
      ),
    );
  });

  it('shows a progress bar while loading, and what went wrong', async () => {
    const loading = fakeApi({ getPipeline: () => new Promise(() => {}) }).api;
    await render(loading);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says what went wrong when the backend refuses', async () => {
    const { api } = fakeApi({
      getPipeline: async () => {
        throw new Error('erin@example.com may not get pipelines in team-nlp');
      },
    });
    await render(api);
    expect(
      await screen.findByText(
        'Error: erin@example.com may not get pipelines in team-nlp',
        { selector: 'h6' },
      ),
    ).toBeInTheDocument();
  });

  it('says when a pipeline has no version, and when it has no runs', async () => {
    const empty = fakeApi({
      getPipeline: async () => ({ ...pipeline, versions: [] }),
    }).api;
    await render(empty);
    expect(
      await screen.findByText('This pipeline has no version'),
    ).toBeInTheDocument();
  });

  it('says when there are no runs yet', async () => {
    const { api } = fakeApi({
      getRuns: async () => ({ runs: [], totalSize: 0 }),
    });
    await render(api);
    expect(await screen.findByText('No runs yet')).toBeInTheDocument();
  });
});
