import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { RecurringRunDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { formatDuration } from './format';

/** Recurring runs of a pipeline or experiment, each with its trigger and an on/off switch. */
export const RecurringRunsCard = ({
  cluster,
  namespace,
  pipelineId,
  experimentId,
}: {
  cluster: string;
  namespace: string;
  pipelineId?: string;
  experimentId?: string;
}) => {
  const api = useApi(kubeflowApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.getRecurringRuns({ cluster, namespace, pipelineId, experimentId }),
    [api, cluster, namespace, pipelineId, experimentId],
  );
  const [actionError, setActionError] = useState<Error>();
  const [changed, setChanged] = useState<Record<string, boolean>>({});
  const toggle = async (run: RecurringRunDto, enabled: boolean) => {
    setActionError(undefined);
    try {
      const updated = await api.setRecurringRunEnabled({
        cluster,
        namespace,
        id: run.id,
        enabled,
      });
      setChanged({ ...changed, [run.id]: updated.enabled });
    } catch (e) {
      setActionError(e as Error);
      retry();
    }
  };
  const columns: TableColumn<RecurringRunDto>[] = [
    { title: 'Recurring run', field: 'name' },
    {
      title: 'Trigger',
      render: r =>
        r.cron
          ? `cron ${r.cron}`
          : `every ${formatDuration(r.intervalSeconds)}`,
    },
    {
      title: 'Enabled',
      render: r => (
        <Switch
          color="primary"
          checked={changed[r.id] ?? r.enabled}
          onChange={e => toggle(r, e.target.checked)}
          inputProps={{ 'aria-label': `Enable ${r.name}` }}
        />
      ),
    },
  ];
  return (
    <InfoCard title="Recurring runs">
      {(actionError ?? error) && (
        <ResponseErrorPanel error={(actionError ?? error)!} />
      )}
      {loading && !value && <Progress />}
      {value && !value.length && (
        <Typography>No recurring run is scheduled.</Typography>
      )}
      {value && value.length > 0 && (
        <Table<RecurringRunDto>
          options={{
            paging: false,
            search: false,
            toolbar: false,
            padding: 'dense',
          }}
          columns={columns}
          data={value}
        />
      )}
    </InfoCard>
  );
};
