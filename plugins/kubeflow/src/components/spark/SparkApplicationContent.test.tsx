import { screen } from '@testing-library/react';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { sparkApplication } from '../../__testUtils__/experimentsFake';
import {
  kubeflowEntity,
  renderEntityPage,
} from '../../__testUtils__/renderEntity';
import { KubeflowApi } from '../../api/KubeflowApi';
import { SparkApplicationContent } from './SparkApplicationContent';

jest.setTimeout(40_000);

const render = (api: KubeflowApi) =>
  renderEntityPage(
    <SparkApplicationContent />,
    kubeflowEntity('SparkApplication', sparkApplication.name, {
      namespace: 'team-forecasting',
    }),
    api,
  );

describe('SparkApplicationContent', () => {
  it('shows state, driver, executors, attempts, UI link and the schedule with its runs', async () => {
    await render(fakeApi().api);
    expect(
      await screen.findByText(`Spark application ${sparkApplication.name}`),
    ).toBeInTheDocument();
    expect(screen.getByText('daily-sales-exec-2')).toBeInTheDocument();
    expect(screen.getByText('1 submission, 1 execution')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Spark UI' })).toHaveAttribute(
      'href',
      'http://10.0.0.12:4040',
    );
    expect(
      screen.getByText('Scheduled by daily-sales-aggregation'),
    ).toBeInTheDocument();
    expect(screen.getByText('cron 0 1 * * *')).toBeInTheDocument();
  });

  it('shows a ScheduledSparkApplication as the application it runs, with its schedule and runs', async () => {
    const { api } = fakeApi({
      getSparkApplication: async () => {
        throw new Error('a schedule is not read as an application');
      },
      getScheduledSparkApplication: async () => ({
        ...sparkApplication,
        name: 'daily-sales-aggregation',
        state: { phase: 'ready', message: 'Scheduled' },
      }),
    });
    await renderEntityPage(
      <SparkApplicationContent />,
      kubeflowEntity('ScheduledSparkApplication', 'daily-sales-aggregation', {
        namespace: 'team-forecasting',
      }),
      api,
    );
    expect(
      await screen.findByText(
        'Scheduled Spark application daily-sales-aggregation',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Schedule and runs')).toBeInTheDocument();
    expect(screen.getByText('cron 0 1 * * *')).toBeInTheDocument();
    expect(screen.queryByText('daily-sales-exec-2')).toBeNull();
    expect(screen.queryByText('1 submission, 1 execution')).toBeNull();
  });

  it('says when no executor has reported, without a schedule or UI', async () => {
    await render(
      fakeApi({
        getSparkApplication: async () => ({
          ...sparkApplication,
          executors: [],
          schedule: undefined,
          uiUrl: undefined,
        }),
      }).api,
    );
    expect(
      await screen.findByText('No executor reported yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Scheduled by/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Spark UI' })).toBeNull();
  });

  it('shows a progress bar while loading', async () => {
    await render(
      fakeApi({ getSparkApplication: () => new Promise(() => {}) }).api,
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says what went wrong', async () => {
    await render(
      fakeApi({
        getSparkApplication: async () => {
          throw new Error('No Spark application team-forecasting/x on sandbox');
        },
      }).api,
    );
    expect(
      await screen.findByText(
        'Error: No Spark application team-forecasting/x on sandbox',
        {
          selector: 'h6',
        },
      ),
    ).toBeInTheDocument();
  });
});
