import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  PipelineDto,
  PipelineVersionDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Link from '@material-ui/core/Link';
import Radio from '@material-ui/core/Radio';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useLiveEntityData } from '../entity/useKubeflowEntity';
import { CreateRunDialog } from './CreateRunDialog';
import { PipelineDag } from './PipelineDag';
import { RecurringRunsCard } from './RecurringRunsCard';
import { RunView } from './RunView';
import { RunsTable } from './RunsTable';
import { formatTime, formatValue } from './format';
import { useDashboardUrl, useRunParam } from './useRunParam';

const VersionsCard = ({
  pipeline,
  selected,
  onSelect,
}: {
  pipeline: PipelineDto;
  selected: PipelineVersionDto;
  onSelect: (v: PipelineVersionDto) => void;
}) => {
  const columns: TableColumn<PipelineVersionDto>[] = [
    {
      title: '',
      width: '48px',
      render: v => (
        <Radio
          checked={v.id === selected.id}
          onChange={() => onSelect(v)}
          inputProps={{ 'aria-label': `Show version ${v.displayName}` }}
        />
      ),
    },
    { title: 'Version', field: 'displayName' },
    { title: 'Description', render: v => v.description ?? '—' },
    { title: 'Created', render: v => formatTime(v.createdAt) },
    { title: 'Steps', render: v => v.tasks.length },
    {
      title: 'Source',
      render: v =>
        v.codeSourceUrl ? (
          <Link href={v.codeSourceUrl} target="_blank" rel="noopener">
            code
          </Link>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<PipelineVersionDto>
      title="Versions"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={pipeline.versions}
    />
  );
};

const VersionCard = ({
  version,
  onStart,
}: {
  version: PipelineVersionDto;
  onStart?: () => void;
}) => (
  <InfoCard
    title={`Version ${version.displayName}`}
    subheader="The compiled graph and the inputs a run takes"
    action={
      onStart && (
        <Button color="primary" variant="contained" onClick={onStart}>
          Start run
        </Button>
      )
    }
  >
    <PipelineDag graph={version.tasks} />
    <Typography variant="subtitle2" style={{ marginTop: 16 }}>
      Parameters
    </Typography>
    {version.parameters.length ? (
      <Table
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={[
          { title: 'Name', field: 'name' },
          { title: 'Type', field: 'type' },
          {
            title: 'Default',
            render: (p: any) => {
              if (p.defaultValue !== undefined)
                return formatValue(p.defaultValue);
              return p.optional ? 'optional' : 'required';
            },
          },
        ]}
        data={version.parameters}
      />
    ) : (
      <Typography variant="body2">This version takes no parameters.</Typography>
    )}
  </InfoCard>
);

/**
 * A pipeline entity's page: its versions, the selected version's compiled DAG and inputs, its
 * runs (paged, filtered and sorted by KFP), its recurring runs, a run's own view (`?run=`), and
 * a form to start a run.
 */
export const PipelineContent = () => {
  const { value, loading, error, object } = useLiveEntityData((api, o) =>
    api.getPipeline({ cluster: o.cluster, id: o.id ?? '' }),
  );
  const [selectedId, setSelectedId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [runId, setRunId] = useRunParam();
  const [refresh, setRefresh] = useState(0);
  const dashboardUrl = useDashboardUrl(object.cluster);
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  const namespace = value.namespace;
  if (runId && namespace) {
    return (
      <RunView
        cluster={value.cluster}
        namespace={namespace}
        runId={runId}
        dashboardUrl={dashboardUrl}
        onBack={() => setRunId(undefined)}
      />
    );
  }
  const version =
    value.versions.find(v => v.id === selectedId) ?? value.versions[0];
  if (!version) {
    return (
      <EmptyState
        missing="content"
        title="This pipeline has no version"
        description="Upload a compiled pipeline as a version in KFP; it then shows here with its graph and inputs."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <VersionsCard
          pipeline={value}
          selected={version}
          onSelect={v => setSelectedId(v.id)}
        />
      </Grid>
      <Grid item xs={12}>
        <VersionCard
          version={version}
          onStart={namespace ? () => setCreating(true) : undefined}
        />
      </Grid>
      {namespace ? (
        <>
          <Grid item xs={12}>
            <RunsTable
              cluster={value.cluster}
              namespace={namespace}
              pipelineId={value.id}
              refreshKey={refresh}
              onOpen={run => setRunId(run.id)}
            />
          </Grid>
          <Grid item xs={12}>
            <RecurringRunsCard
              cluster={value.cluster}
              namespace={namespace}
              pipelineId={value.id}
            />
          </Grid>
          <CreateRunDialog
            pipeline={value}
            version={version}
            cluster={value.cluster}
            namespace={namespace}
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={run => {
              setCreating(false);
              setRefresh(refresh + 1);
              setRunId(run.id);
            }}
          />
        </>
      ) : (
        <Grid item xs={12}>
          <EmptyState
            missing="info"
            title="A shared pipeline"
            description="Runs of a shared pipeline belong to the profiles that start them: open the pipeline's KFP experiment in your profile to see and start its runs."
          />
        </Grid>
      )}
    </Grid>
  );
};
