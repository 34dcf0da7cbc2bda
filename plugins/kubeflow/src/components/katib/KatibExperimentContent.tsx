import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  KatibExperimentDto,
  KatibTrialDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { StateLabel } from '../StateLabel';
import { useLiveEntityData } from '../entity/useKubeflowEntity';
import { formatTime, formatValue } from '../pipelines/format';
import { ObjectivePlot, ParameterScatter } from './TrialCharts';

const SummaryCard = ({
  experiment,
  onChange,
}: {
  experiment: KatibExperimentDto;
  onChange: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const finished = ['succeeded', 'error'].includes(experiment.state.phase);
  const set = async (running: boolean) => {
    setError(undefined);
    setBusy(true);
    try {
      await api.setKatibExperimentRunning({ ...experiment, running });
      onChange();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const { objective, counts } = experiment;
  const best = experiment.trials.find(t => t.best);
  return (
    <InfoCard
      title={`Katib experiment ${experiment.name}`}
      subheader={
        <>
          <StateLabel state={experiment.state} />
          {experiment.stopped && !finished
            ? ' — stopping: no new trials start'
            : ''}
        </>
      }
      action={
        <>
          {!finished && !experiment.stopped && (
            <Button
              disabled={busy}
              variant="outlined"
              onClick={() => set(false)}
            >
              Stop
            </Button>
          )}
          {(experiment.stopped || experiment.restartable) && (
            <Button
              disabled={busy}
              variant="outlined"
              onClick={() => set(true)}
            >
              Restart
            </Button>
          )}
        </>
      }
    >
      {error && <ResponseErrorPanel error={error} />}
      <StructuredMetadataTable
        metadata={{
          Objective: `${objective.type} ${objective.metricName}`,
          Goal: objective.goal ?? 'none',
          'Other metrics': objective.additionalMetricNames.join(', ') || '—',
          Algorithm: [
            experiment.algorithm,
            ...experiment.algorithmSettings.map(s => `${s.name}=${s.value}`),
          ].join(' '),
          Trials: `${counts.trials} of ${experiment.maxTrialCount ?? '?'} (${
            experiment.parallelTrialCount ?? 1
          } in parallel): ${counts.succeeded} succeeded, ${
            counts.running
          } running, ${counts.failed} failed, ${counts.killed} killed`,
          'Best trial': best
            ? `${best.name}: ${objective.metricName} ${formatValue(
                best.objective,
              )}`
            : 'none yet',
          'Resume policy': experiment.resumePolicy,
          Started: formatTime(experiment.startTime),
          Completed: formatTime(experiment.completionTime),
        }}
      />
    </InfoCard>
  );
};

const ParameterSpace = ({ experiment }: { experiment: KatibExperimentDto }) => (
  <Table
    title="Parameter space"
    options={{ paging: false, search: false, padding: 'dense' }}
    columns={[
      { title: 'Parameter', field: 'name' },
      { title: 'Type', field: 'type' },
      {
        title: 'Feasible space',
        render: (p: KatibExperimentDto['parameters'][number]) =>
          p.list?.length
            ? p.list.join(', ')
            : `${p.min ?? '?'} … ${p.max ?? '?'}${
                p.step ? ` step ${p.step}` : ''
              }`,
      },
    ]}
    data={experiment.parameters}
  />
);

const TrialsTable = ({ experiment }: { experiment: KatibExperimentDto }) => {
  const columns: TableColumn<KatibTrialDto>[] = [
    {
      title: 'Trial',
      render: t => (
        <>
          {t.name}{' '}
          {t.best && <Chip size="small" color="secondary" label="best" />}
        </>
      ),
    },
    { title: 'State', render: t => <StateLabel state={t.state} /> },
    ...experiment.parameters.map(p => ({
      title: p.name,
      render: (t: KatibTrialDto) => t.parameters[p.name] ?? '—',
    })),
    {
      title: experiment.objective.metricName,
      render: t => (t.objective !== undefined ? formatValue(t.objective) : '—'),
    },
    ...experiment.objective.additionalMetricNames.map(m => ({
      title: m,
      render: (t: KatibTrialDto) =>
        t.metrics[m] !== undefined ? formatValue(t.metrics[m]) : '—',
    })),
  ];
  return (
    <Table<KatibTrialDto>
      title={`Trials (${experiment.trials.length})`}
      options={{
        paging: experiment.trials.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
        rowStyle: (t: KatibTrialDto) =>
          t.best
            ? { backgroundColor: 'rgba(216, 27, 96, 0.08)', fontWeight: 600 }
            : {},
      }}
      columns={columns}
      data={experiment.trials}
      emptyContent={
        <div style={{ padding: 16 }}>No trial has been created yet.</div>
      }
    />
  );
};

/**
 * A Katib experiment entity's page: objective, algorithm, parameter space, trials with the best
 * one highlighted, the objective per trial, each parameter against the objective (hide any), and
 * stop/restart. Live: trial changes reload it.
 */
export const KatibExperimentContent = () => {
  const { value, loading, error, retry } = useLiveEntityData(
    (api, o) => api.getKatibExperiment(o),
    { wholeNamespace: true },
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <SummaryCard experiment={value} onChange={retry} />
      </Grid>
      <Grid item xs={12} md={5}>
        <ParameterSpace experiment={value} />
      </Grid>
      <Grid item xs={12}>
        <ObjectivePlot experiment={value} />
      </Grid>
      <Grid item xs={12}>
        <ParameterScatter experiment={value} />
      </Grid>
      <Grid item xs={12}>
        <TrialsTable experiment={value} />
      </Grid>
    </Grid>
  );
};
