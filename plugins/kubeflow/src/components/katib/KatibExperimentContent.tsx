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
import { formatTime } from '../pipelines/format';
import { metricText } from './metricText';
import { SearchSpace } from './SearchSpace';
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
          Search: experiment.description,
          Objective: `${objective.type} ${objective.metricName}`,
          Goal: objective.goal ?? 'none',
          'Other metrics': objective.additionalMetricNames.join(', ') || '—',
          'Metric strategies': objective.metricStrategies
            .map(s => `${s.name}: ${s.value}`)
            .join(', '),
          Algorithm: [
            experiment.algorithm,
            ...experiment.algorithmSettings.map(s => `${s.name}=${s.value}`),
          ].join(' '),
          'Early stopping': experiment.earlyStopping
            ? [
                experiment.earlyStopping.algorithm,
                ...experiment.earlyStopping.settings.map(
                  s => `${s.name}=${s.value}`,
                ),
              ].join(' ')
            : 'none',
          'Metrics collector': [
            experiment.metricsCollector.kind,
            experiment.metricsCollector.source,
          ]
            .filter(Boolean)
            .join(': '),
          'Trial runs': experiment.trial.title,
          Trials: `${counts.trials} of ${experiment.maxTrialCount ?? '?'} (${
            experiment.parallelTrialCount ?? 1
          } in parallel): ${counts.succeeded} succeeded, ${
            counts.running
          } running, ${counts.failed} failed, ${counts.killed} killed`,
          'Best trial': best
            ? `${best.name}: ${objective.metricName} ${metricText(
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

/** The parameters of the experiment, or (NAS) the assignment names its trials received. */
function assignmentNames(experiment: KatibExperimentDto): string[] {
  if (experiment.parameters.length)
    return experiment.parameters.map(p => p.name);
  return [
    ...new Set(experiment.trials.flatMap(t => Object.keys(t.parameters))),
  ];
}

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
    // A NAS trial's assignment is what its algorithm hands it (search-space, architecture…).
    ...assignmentNames(experiment).map(name => ({
      title: name,
      render: (t: KatibTrialDto) => (
        <span style={{ wordBreak: 'break-word' }}>
          {t.parameters[name] ?? '—'}
        </span>
      ),
    })),
    ...[
      experiment.objective.metricName,
      ...experiment.objective.additionalMetricNames,
    ].map(m => ({
      title: m,
      render: (t: KatibTrialDto) => (
        <span style={{ wordBreak: 'break-word' }}>
          {metricText(t.metrics[m])}
        </span>
      ),
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
 * A Katib experiment entity's page: objective, algorithm, early stopping, collector and trial
 * kind; the parameter space, or for NAS the architecture space and its operations; trials with
 * the best one highlighted and text metrics (a genotype) shown as text; the objective per trial
 * and each parameter against it, when they are numbers; stop/restart. Live: trial changes reload it.
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
        <SearchSpace experiment={value} />
      </Grid>
      <Grid item xs={12}>
        <ObjectivePlot experiment={value} />
      </Grid>
      {value.parameters.length > 0 && (
        <Grid item xs={12}>
          <ParameterScatter experiment={value} />
        </Grid>
      )}
      <Grid item xs={12}>
        <TrialsTable experiment={value} />
      </Grid>
    </Grid>
  );
};
