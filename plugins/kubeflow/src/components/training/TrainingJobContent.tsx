import {
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  TrainingJobDto,
  isTrainingOperatorKind,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import {
  JobConditionsTable,
  SuspendableJobCard,
  resourcesText,
} from './SuspendableJobCard';
import { useLiveEntityData } from '../entity/useKubeflowEntity';
import { formatTime } from '../pipelines/format';

type Role = TrainingJobDto['roles'][number];

const JobCard = ({
  job,
  onChange,
}: {
  job: TrainingJobDto;
  onChange: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  return (
    <SuspendableJobCard
      title={`${job.kind} ${job.name}`}
      state={job.state}
      suspended={job.suspended}
      setSuspended={suspended =>
        api.setTrainingJobSuspended({ ...job, suspended })
      }
      onChange={onChange}
    >
      <StructuredMetadataTable
        metadata={{
          Framework: `${job.framework} (Training Operator ${job.kind})`,
          Replicas: job.roles.map(r => `${r.replicas} ${r.role}`).join(', '),
          GPUs: job.roles.reduce((n, r) => n + r.gpus * r.replicas, 0),
          ...job.details,
          Created: formatTime(job.createdAt),
          Started: formatTime(job.startTime),
          ...(job.completionTime
            ? { Completed: formatTime(job.completionTime) }
            : {}),
        }}
      />
      <Typography variant="caption" color="textSecondary">
        The job&apos;s pods and their logs are on the Kubernetes tab.
      </Typography>
    </SuspendableJobCard>
  );
};

/**
 * A Training Operator v1 job's page (PyTorchJob, TFJob, MPIJob, XGBoostJob, JAXJob, PaddleJob):
 * framework and settings, each role's replicas, image, command and resources with the replicas
 * the operator reports, conditions, suspend/resume.
 */
export const TrainingJobContent = () => {
  const { value, loading, error, retry } = useLiveEntityData((api, o) => {
    if (!isTrainingOperatorKind(o.kind))
      throw new Error(`${o.kind} is not a Training Operator job`);
    return api.getTrainingJob({ ...o, kind: o.kind });
  });
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={5}>
        <JobCard job={value} onChange={retry} />
      </Grid>
      <Grid item xs={12} lg={7}>
        <Table<Role>
          title="Roles"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={[
            { title: 'Role', field: 'role' },
            { title: 'Replicas', field: 'replicas' },
            { title: 'Image', render: r => r.image ?? '—' },
            {
              title: 'Command',
              render: r => (r.command.length ? r.command.join(' ') : '—'),
            },
            { title: 'Requests', render: r => resourcesText(r.requests) },
            { title: 'Limits', render: r => resourcesText(r.limits) },
            {
              title: 'Active / succeeded / failed',
              render: r => `${r.active} / ${r.succeeded} / ${r.failed}`,
            },
          ]}
          data={value.roles}
          emptyContent={
            <div style={{ padding: 16 }}>The job states no replicas.</div>
          }
        />
      </Grid>
      <Grid item xs={12}>
        <JobConditionsTable
          conditions={value.conditions}
          empty="No condition yet: the operator has not created the job."
        />
      </Grid>
    </Grid>
  );
};
