import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import {
  ScheduledSparkDto,
  SparkApplicationDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { StateLabel } from '../StateLabel';
import { useLiveEntityData } from '../entity/useKubeflowEntity';
import { formatTime } from '../pipelines/format';

const ScheduleCard = ({
  schedule,
  title,
}: {
  schedule: ScheduledSparkDto;
  title: string;
}) => (
  <InfoCard
    title={title}
    subheader={`cron ${schedule.schedule}${
      schedule.timeZone ? ` (${schedule.timeZone})` : ''
    }${schedule.suspended ? ' — suspended' : ''}`}
  >
    <StructuredMetadataTable
      metadata={{
        'Concurrency policy': schedule.concurrencyPolicy ?? 'Allow',
        'Schedule state': schedule.scheduleState ?? '—',
        'Last run': formatTime(schedule.lastRun),
        'Next run': formatTime(schedule.nextRun),
      }}
    />
    <Table
      title="Last runs"
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={[
        { title: 'Application', field: 'name' },
        {
          title: 'State',
          render: (r: ScheduledSparkDto['runs'][number]) => (
            <StateLabel state={r.state} />
          ),
        },
        {
          title: 'Submitted',
          render: (r: ScheduledSparkDto['runs'][number]) =>
            formatTime(r.submittedAt),
        },
      ]}
      data={schedule.runs}
    />
  </InfoCard>
);

const AppCard = ({
  app,
  scheduled,
}: {
  app: SparkApplicationDto;
  scheduled: boolean;
}) => (
  <InfoCard
    title={`${
      scheduled ? 'Scheduled Spark application' : 'Spark application'
    } ${app.name}`}
    subheader={<StateLabel state={app.state} />}
    action={
      app.uiUrl && (
        <Button
          variant="outlined"
          href={app.uiUrl}
          target="_blank"
          rel="noopener"
        >
          Spark UI
        </Button>
      )
    }
  >
    <StructuredMetadataTable
      metadata={{
        State: app.applicationState,
        Type: `${app.type ?? '?'} on Spark ${app.sparkVersion ?? '?'} (${
          app.mode ?? 'cluster'
        } mode)`,
        Image: app.image ?? '—',
        Main:
          [app.mainClass, app.mainApplicationFile]
            .filter(Boolean)
            .join(' in ') || '—',
        Arguments: app.arguments.join(' ') || '—',
        Driver: `${app.driver.cores ?? '?'} cores, ${app.driver.memory ?? '?'}${
          app.driver.podName ? ` — pod ${app.driver.podName}` : ''
        }`,
        Executors: `${app.executor.instances ?? 1} × ${
          app.executor.cores ?? '?'
        } cores, ${app.executor.memory ?? '?'}`,
        // A schedule's template has no run of its own: each run has its page.
        ...(scheduled
          ? {}
          : {
              Attempts: `${app.submissionAttempts ?? 0} submission, ${
                app.executionAttempts ?? 0
              } execution`,
              Submitted: formatTime(app.submittedAt),
              Terminated: formatTime(app.terminatedAt),
              'Application id': app.sparkApplicationId ?? '—',
            }),
      }}
    />
  </InfoCard>
);

/**
 * A SparkApplication entity's page: state, driver and executors, attempts, times, UI, schedule.
 * A ScheduledSparkApplication's page is the same, for the application it runs, with its runs.
 */
export const SparkApplicationContent = () => {
  const { value, loading, error, object } = useLiveEntityData((api, o) =>
    o.kind === 'ScheduledSparkApplication'
      ? api.getScheduledSparkApplication(o)
      : api.getSparkApplication(o),
  );
  const scheduled = object.kind === 'ScheduledSparkApplication';
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <AppCard app={value} scheduled={scheduled} />
      </Grid>
      {!scheduled && (
        <Grid item xs={12} md={5}>
          <Table
            title="Executors"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={[
              { title: 'Pod', field: 'pod' },
              { title: 'State', field: 'state' },
            ]}
            data={value.executors}
            emptyContent={
              <div style={{ padding: 16 }}>No executor reported yet.</div>
            }
          />
        </Grid>
      )}
      {value.schedule && (
        <Grid item xs={12}>
          <ScheduleCard
            schedule={value.schedule}
            title={
              scheduled
                ? 'Schedule and runs'
                : `Scheduled by ${value.schedule.name}`
            }
          />
        </Grid>
      )}
    </Grid>
  );
};
