import { Link, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EndpointDto,
  inferenceServiceModelSource,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { NamespaceRef, kubeflowApiRef } from '../../api/KubeflowApi';
import { NamespaceTable, useRowAction } from '../NamespaceTable/NamespaceTable';
import { StateLabel } from '../StateLabel';
import { formatText, servingLine } from './endpointText';

/** The traffic split of an endpoint as a bar: the latest revision in colour, the previous grey. */
export const TrafficBar = ({ endpoint }: { endpoint: EndpointDto }) => {
  const latest = endpoint.traffic
    .filter(t => t.latest)
    .reduce((s, t) => s + t.percent, 0);
  const shown = endpoint.traffic.length ? latest : 100;
  return (
    <Tooltip
      title={
        endpoint.traffic
          .map(t => `${t.revision ?? '?'}: ${t.percent}%`)
          .join(', ') || 'no traffic yet'
      }
    >
      <div>
        <div
          role="img"
          aria-label={`${shown}% of traffic on the latest revision`}
          style={{
            display: 'flex',
            width: 140,
            height: 14,
            borderRadius: 3,
            overflow: 'hidden',
            background: '#bdbdbd',
          }}
        >
          <div style={{ width: `${shown}%`, background: '#1e88e5' }} />
        </div>
        <span style={{ fontSize: 12 }}>{shown}% latest</span>
      </div>
    </Tooltip>
  );
};

/**
 * The endpoints of a namespace: state, URL, served model (format and storage or image, with mode,
 * runtime and GPU beneath), traffic, canary promote / rollback.
 */
export const EndpointsCard = (
  props: NamespaceRef & { refreshKey: number; canChange?: boolean },
) => {
  const { cluster, namespace, refreshKey, canChange = true } = props;
  const api = useApi(kubeflowApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEndpoints({ cluster, namespace }),
    [api, cluster, namespace, refreshKey],
  );
  const { busy, actionError, run } = useRowAction(retry);
  const move = (endpoint: EndpointDto, to: 'promote' | 'rollback') =>
    run(endpoint.name, () =>
      api.moveCanary({ cluster, namespace, name: endpoint.name, to }),
    );

  const columns: TableColumn<EndpointDto>[] = [
    { title: 'Name', field: 'name', highlight: true },
    { title: 'Status', render: e => <StateLabel state={e.state} /> },
    {
      title: 'URL',
      render: e => (e.url ? <Link to={e.url}>{e.url}</Link> : '—'),
    },
    {
      title: 'Model',
      render: e => {
        const serving = servingLine(e);
        return (
          <>
            {[formatText(e), inferenceServiceModelSource(e)]
              .filter(Boolean)
              .join(' · ') || '—'}
            {serving && (
              <Typography
                variant="caption"
                display="block"
                color="textSecondary"
              >
                {serving}
              </Typography>
            )}
          </>
        );
      },
    },
    { title: 'Traffic', render: e => <TrafficBar endpoint={e} /> },
    {
      title: 'Canary',
      render: e =>
        e.canaryTrafficPercent !== undefined && e.canaryTrafficPercent < 100 ? (
          <>
            <Button
              size="small"
              color="primary"
              variant="outlined"
              disabled={busy === e.name}
              onClick={() => move(e, 'promote')}
              aria-label={`Promote ${e.name}`}
            >
              Promote
            </Button>{' '}
            <Button
              size="small"
              variant="outlined"
              disabled={busy === e.name}
              onClick={() => move(e, 'rollback')}
              aria-label={`Roll back ${e.name}`}
            >
              Roll back
            </Button>
          </>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <NamespaceTable<EndpointDto>
      title={`Endpoints in ${namespace}`}
      value={value}
      loading={loading}
      error={error}
      actionError={actionError}
      columns={columns}
      canChange={canChange}
      empty={`No model endpoints in ${namespace}. Deploy a registered model version to create one.`}
    />
  );
};
