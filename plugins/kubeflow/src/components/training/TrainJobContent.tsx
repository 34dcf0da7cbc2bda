import {
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  TrainJobDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import {
  JobConditionsTable,
  SuspendableJobCard,
  resourcesText,
} from './SuspendableJobCard';
import { useLiveEntityData } from '../entity/useKubeflowEntity';
import { formatDuration, formatTime } from '../pipelines/format';

const JobCard = ({
  job,
  onChange,
}: {
  job: TrainJobDto;
  onChange: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const finished = ['succeeded', 'error'].includes(job.state.phase);
  const progress = job.progress;
  return (
    <SuspendableJobCard
      title={`TrainJob ${job.name}`}
      state={job.state}
      suspended={job.suspended}
      setSuspended={suspended =>
        api.setTrainJobSuspended({ ...job, suspended })
      }
      onChange={onChange}
    >
      {progress?.percentage !== undefined && (
        <Box mb={2}>
          <Typography variant="body2">
            {progress.percentage}% done
            {progress.estimatedRemainingSeconds !== undefined && !finished
              ? `, about ${formatDuration(
                  progress.estimatedRemainingSeconds,
                )} left`
              : ''}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={progress.percentage}
            aria-label={`Training progress ${progress.percentage}%`}
          />
        </Box>
      )}
      <StructuredMetadataTable
        metadata={{
          Runtime: `${job.runtime.name} (${job.runtime.kind})`,
          Image: job.image ?? 'from the runtime',
          Command: job.command?.join(' ') ?? 'from the runtime',
          Nodes: job.numNodes,
          'Processes per node': job.numProcPerNode ?? 'from the runtime',
          'Requests per node': resourcesText(job.resourcesPerNode.requests),
          'Limits per node': resourcesText(job.resourcesPerNode.limits),
          ...(progress && Object.keys(progress.metrics).length
            ? {
                'Reported metrics': Object.entries(progress.metrics)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', '),
              }
            : {}),
          Created: formatTime(job.createdAt),
        }}
      />
      <Typography variant="caption" color="textSecondary">
        The job&apos;s pods and their logs are on the Kubernetes tab.
      </Typography>
    </SuspendableJobCard>
  );
};

/** A TrainJob entity's page: runtime, nodes and resources, progress, conditions, suspend/resume. */
export const TrainJobContent = () => {
  const { value, loading, error, retry } = useLiveEntityData((api, o) =>
    api.getTrainJob(o),
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={7}>
        <JobCard job={value} onChange={retry} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <Table
          title="Replicated jobs"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={[
            { title: 'Job', field: 'name' },
            { title: 'Active', field: 'active' },
            { title: 'Ready', field: 'ready' },
            { title: 'Succeeded', field: 'succeeded' },
            { title: 'Failed', field: 'failed' },
            { title: 'Suspended', field: 'suspended' },
          ]}
          data={value.jobs}
          emptyContent={
            <div style={{ padding: 16 }}>No job has started yet.</div>
          }
        />
      </Grid>
      <Grid item xs={12}>
        <JobConditionsTable
          conditions={value.conditions}
          empty="No condition yet: the job is running (Trainer reports Suspended, Complete or Failed)."
        />
      </Grid>
    </Grid>
  );
};
