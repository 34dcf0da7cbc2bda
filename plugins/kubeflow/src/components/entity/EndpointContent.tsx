import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EndpointDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { TrafficBar } from '../EndpointsCard';
import { StateLabel } from '../StateLabel';
import { EndpointServingTable } from './EndpointServingTable';
import { useLiveEntityData } from './useKubeflowEntity';

const EndpointDetails = ({
  endpoint,
  onChange,
}: {
  endpoint: EndpointDto;
  onChange: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const [error, setError] = useState<Error>();
  const move = async (to: 'promote' | 'rollback') => {
    setError(undefined);
    try {
      await api.moveCanary({ ...endpoint, to });
      onChange();
    } catch (e) {
      setError(e as Error);
    }
  };
  const canary =
    endpoint.canaryTrafficPercent !== undefined &&
    endpoint.canaryTrafficPercent < 100;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard
          title={`Endpoint ${endpoint.name}`}
          subheader={<StateLabel state={endpoint.state} />}
        >
          {error && <ResponseErrorPanel error={error} />}
          <EndpointServingTable endpoint={endpoint} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Traffic"
          actions={
            canary ? (
              <>
                <Button
                  color="primary"
                  variant="contained"
                  onClick={() => move('promote')}
                >
                  Promote canary
                </Button>{' '}
                <Button variant="outlined" onClick={() => move('rollback')}>
                  Roll back
                </Button>
              </>
            ) : undefined
          }
        >
          <TrafficBar endpoint={endpoint} />
          <Table
            options={{
              search: false,
              paging: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={[
              { title: 'Revision', field: 'revision' },
              {
                title: 'Tag',
                render: t => t.tag ?? (t.latest ? 'latest' : ''),
              },
              { title: 'Traffic', render: t => `${t.percent}%` },
            ]}
            data={endpoint.traffic}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table
          title="Conditions"
          options={{ search: false, paging: false, padding: 'dense' }}
          columns={[
            { title: 'Type', field: 'type' },
            { title: 'Status', field: 'status' },
            { title: 'Reason', render: c => c.reason ?? '' },
            { title: 'Message', render: c => c.message ?? '' },
          ]}
          data={endpoint.conditions}
        />
      </Grid>
    </Grid>
  );
};

/**
 * An endpoint entity's live page: what it serves and how, traffic split with canary actions,
 * conditions.
 */
export const EndpointContent = () => {
  const { value, loading, error, retry } = useLiveEntityData((api, o) =>
    api.getEndpoint(o),
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <EndpointDetails endpoint={value} onChange={retry} /> : null;
};
