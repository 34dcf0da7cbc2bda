import Grid from '@material-ui/core/Grid';
import { EmptyState } from '@backstage/core-components';
import { useKubeflowEntityObject } from '../entity/useKubeflowEntity';
import { RecurringRunsCard } from './RecurringRunsCard';
import { RunView } from './RunView';
import { RunsTable } from './RunsTable';
import { useDashboardUrl, useRunParam } from './useRunParam';

/** A KFP experiment entity's page: its runs (paged by KFP), a run's view, its recurring runs. */
export const PipelineExperimentContent = () => {
  const { cluster, namespace, id } = useKubeflowEntityObject();
  const [runId, setRunId] = useRunParam();
  const dashboardUrl = useDashboardUrl(cluster);
  if (!namespace || !id) {
    return (
      <EmptyState
        missing="info"
        title="No profile for this experiment"
        description="KFP experiments outside a profile have no runs the portal can show."
      />
    );
  }
  if (runId) {
    return (
      <RunView
        cluster={cluster}
        namespace={namespace}
        runId={runId}
        dashboardUrl={dashboardUrl}
        onBack={() => setRunId(undefined)}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <RunsTable
          cluster={cluster}
          namespace={namespace}
          experimentId={id}
          onOpen={run => setRunId(run.id)}
        />
      </Grid>
      <Grid item xs={12}>
        <RecurringRunsCard
          cluster={cluster}
          namespace={namespace}
          experimentId={id}
        />
      </Grid>
    </Grid>
  );
};
