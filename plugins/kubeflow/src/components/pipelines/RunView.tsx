import {
  CodeSnippet,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  RunDetailsDto,
  RunTaskDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { StateLabel } from '../StateLabel';
import { PipelineDag } from './PipelineDag';
import { formatDuration, formatTime, formatValue } from './format';

const FINAL = ['SUCCEEDED', 'SKIPPED', 'FAILED', 'CANCELED'];

const TaskDetails = ({
  run,
  task,
  dashboardUrl,
}: {
  run: RunDetailsDto;
  task: RunTaskDto;
  dashboardUrl?: string;
}) => (
  <>
    {task.error && (
      <WarningPanel
        severity="error"
        title={`Task ${task.name} failed`}
        message={task.error}
        defaultExpanded
      >
        <Typography variant="body2" gutterBottom>
          Pod <code>{task.podName ?? 'unknown'}</code> in {run.namespace}: its
          events and logs are in the KFP UI
          {dashboardUrl ? (
            <>
              {' '}
              (
              <Link
                href={`${dashboardUrl.replace(
                  /\/$/,
                  '',
                )}/pipeline/#/runs/details/${run.id}`}
                target="_blank"
                rel="noopener"
              >
                open this run there
              </Link>
              )
            </>
          ) : null}{' '}
          and with kubectl:
        </Typography>
        <CodeSnippet
          language="bash"
          text={`kubectl -n ${run.namespace} describe pod ${task.podName}\nkubectl -n ${run.namespace} logs ${task.podName} -c main`}
        />
      </WarningPanel>
    )}
    <StructuredMetadataTable
      metadata={{
        Task: task.name,
        State: <StateLabel state={{ ...task.display, message: '' }} />,
        Started: formatTime(task.startedAt),
        Duration: formatDuration(task.durationSeconds),
        Pod: task.podName ?? '—',
      }}
    />
  </>
);

/**
 * A run's page: its DAG coloured by task state (re-read every few seconds until the run ends),
 * task durations, the failing task's error with where to find its pod's events and logs, the
 * parameters it ran with and what it registered; terminate, retry, archive.
 */
export const RunView = ({
  cluster,
  namespace,
  runId,
  dashboardUrl,
  onBack,
}: {
  cluster: string;
  namespace: string;
  runId: string;
  dashboardUrl?: string;
  onBack: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const {
    value: run,
    loading,
    error,
    retry,
  } = useAsyncRetry(
    () => api.getRun({ cluster, namespace, runId }),
    [api, cluster, namespace, runId],
  );
  const [selected, setSelected] = useState<string>();
  const [actionError, setActionError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const running = run && !FINAL.includes(run.state);
  useEffect(() => {
    if (!running || loading) return undefined;
    // KFP has no watch: while the run moves, its page re-reads it.
    const timer = setTimeout(retry, 2_000);
    return () => clearTimeout(timer);
  }, [running, loading, retry, run]);

  if (!run && loading) return <Progress />;
  if (!run) return <ResponseErrorPanel error={error ?? new Error('No run')} />;

  const act = async (
    action: 'terminate' | 'retry' | 'archive' | 'unarchive',
  ) => {
    setActionError(undefined);
    setBusy(true);
    try {
      await api.changeRun({ cluster, namespace, runId, action });
      retry();
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const failing = run.tasks.find(t => t.error);
  const shown =
    run.tasks.find(t => t.name === selected) ??
    (selected ? undefined : failing);
  const taskColumns: TableColumn<RunTaskDto>[] = [
    {
      title: 'Task',
      render: t => (
        <Link
          component="button"
          variant="body2"
          onClick={() => setSelected(t.name)}
        >
          {t.name}
        </Link>
      ),
    },
    {
      title: 'State',
      render: t => <StateLabel state={{ ...t.display, message: '' }} />,
    },
    { title: 'Started', render: t => formatTime(t.startedAt) },
    { title: 'Duration', render: t => formatDuration(t.durationSeconds) },
    {
      title: 'Pod',
      render: t => (
        <Typography variant="caption" style={{ wordBreak: 'break-all' }}>
          {t.podName ?? '—'}
        </Typography>
      ),
    },
  ];

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title={`Run ${run.name}`}
          subheader={<StateLabel state={run.display} />}
          action={
            <>
              <Button onClick={onBack}>All runs</Button>
              {running && (
                <Button disabled={busy} onClick={() => act('terminate')}>
                  Terminate
                </Button>
              )}
              {(run.state === 'FAILED' || run.state === 'CANCELED') && (
                <Button disabled={busy} onClick={() => act('retry')}>
                  Retry
                </Button>
              )}
              <Button
                disabled={busy}
                onClick={() =>
                  act(run.storageState === 'ARCHIVED' ? 'unarchive' : 'archive')
                }
              >
                {run.storageState === 'ARCHIVED' ? 'Restore' : 'Archive'}
              </Button>
            </>
          }
        >
          {(actionError ?? (error && run ? error : undefined)) && (
            <ResponseErrorPanel error={(actionError ?? error)!} />
          )}
          <PipelineDag
            graph={run.graph}
            tasks={run.tasks}
            selected={shown?.name}
            onSelect={setSelected}
          />
          <Typography variant="body2" color="textSecondary">
            Created {formatTime(run.createdAt)} ·{' '}
            {run.finishedAt ? `finished ${formatTime(run.finishedAt)} · ` : ''}
            {formatDuration(run.durationSeconds)}
            {running ? ' so far' : ''}
            {run.storageState === 'ARCHIVED' ? ' · archived' : ''}
          </Typography>
        </InfoCard>
      </Grid>
      {shown && (
        <Grid item xs={12}>
          <InfoCard title={`Task ${shown.name}`}>
            <TaskDetails run={run} task={shown} dashboardUrl={dashboardUrl} />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12}>
        <Table<RunTaskDto>
          title="Tasks"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={taskColumns}
          data={run.tasks}
          emptyContent={
            <Typography style={{ padding: 16 }}>
              No task has started yet.
            </Typography>
          }
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Parameters">
          {Object.keys(run.parameters).length ? (
            <StructuredMetadataTable
              options={{ titleFormat: (key: string) => key }}
              metadata={Object.fromEntries(
                Object.entries(run.parameters).map(([k, v]) => [
                  k,
                  formatValue(v),
                ]),
              )}
            />
          ) : (
            <Typography>This run has no parameters.</Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Outputs">
          {run.outputs.length ? (
            run.outputs.map(o => (
              <StructuredMetadataTable
                key={`${o.model}/${o.version}`}
                options={{ titleFormat: (key: string) => key }}
                metadata={{
                  'Model version': `${o.model} ${o.version}`,
                  Artifact: o.uri ?? '—',
                  ...Object.fromEntries(
                    Object.entries(o.metrics).map(([k, v]) => [
                      k,
                      formatValue(v),
                    ]),
                  ),
                }}
              />
            ))
          ) : (
            <Typography>
              No model version in the registry comes from this run
              {running ? ' yet' : ''}.
              {run.pipelineRoot
                ? ` Its artifacts are under ${run.pipelineRoot}.`
                : ''}
            </Typography>
          )}
        </InfoCard>
      </Grid>
    </Grid>
  );
};
