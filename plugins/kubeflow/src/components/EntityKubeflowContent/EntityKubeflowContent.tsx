import {
  CopyTextButton,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  EndpointDto,
  NotebookDto,
  ProfileDetailsDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { TrafficBar } from '../EndpointsCard';
import { StateLabel } from '../StateLabel';
import { useLiveRefresh } from '../useLiveRefresh';

export { isKubeflowLiveEntity } from './isKubeflowLiveEntity';

const NotebookDetails = ({
  notebook,
  onChange,
}: {
  notebook: NotebookDto;
  onChange: () => void;
}) => {
  const api = useApi(kubeflowApiRef);
  const [error, setError] = useState<Error>();
  const toggle = async () => {
    setError(undefined);
    try {
      await api.setNotebookRunning({ ...notebook, running: notebook.stopped });
      onChange();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <InfoCard
      title={`Notebook ${notebook.name}`}
      subheader={<StateLabel state={notebook.state} />}
      actions={
        <>
          {notebook.connectUrl && !notebook.stopped && (
            <Button
              color="primary"
              variant="contained"
              href={notebook.connectUrl}
              target="_blank"
            >
              Connect
            </Button>
          )}{' '}
          <Button variant="outlined" onClick={toggle}>
            {notebook.stopped ? 'Start' : 'Stop'}
          </Button>
        </>
      }
    >
      {error && <ResponseErrorPanel error={error} />}
      <StructuredMetadataTable
        metadata={{
          Cluster: notebook.cluster,
          Profile: notebook.namespace,
          Type: notebook.serverType,
          Image: notebook.image ?? '—',
          CPU: notebook.cpu ?? '—',
          Memory: notebook.memory ?? '—',
          GPUs: notebook.gpus ?? 'none',
          'Last activity': notebook.lastActivity ?? 'unknown',
          Created: notebook.createdAt ?? 'unknown',
        }}
      />
    </InfoCard>
  );
};

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
          <StructuredMetadataTable
            metadata={{
              URL: endpoint.url ? (
                <>
                  <Link to={endpoint.url}>{endpoint.url}</Link>
                  <CopyTextButton text={endpoint.url} />
                </>
              ) : (
                'not ready yet'
              ),
              'Model format': endpoint.modelFormat ?? '—',
              Runtime: endpoint.runtime ?? 'auto-selected',
              'Storage URI': endpoint.storageUri ?? '—',
              Replicas: `${endpoint.minReplicas ?? 1} – ${
                endpoint.maxReplicas ?? endpoint.minReplicas ?? 1
              }`,
            }}
          />
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

const COUNT_LABELS: Record<string, string> = {
  notebooks: 'Notebooks',
  endpoints: 'Endpoints',
  katibExperiments: 'Katib experiments',
  trainJobs: 'Training jobs',
  sparkApplications: 'Spark applications',
};

const ProfileDetails = ({ profile }: { profile: ProfileDetailsDto }) => (
  <Grid container spacing={3}>
    <Grid item xs={12} md={6}>
      <InfoCard title={`Profile ${profile.name}`}>
        <StructuredMetadataTable
          metadata={{
            Owner: profile.owner ?? 'nobody',
            ...Object.fromEntries(
              Object.entries(profile.counts).map(([k, v]) => [
                COUNT_LABELS[k] ?? k,
                v,
              ]),
            ),
          }}
        />
      </InfoCard>
    </Grid>
    <Grid item xs={12} md={6}>
      <InfoCard title="Quota">
        {profile.quota ? (
          <StructuredMetadataTable
            metadata={Object.fromEntries(
              Object.entries(profile.quota).map(([k, v]) => [k, String(v)]),
            )}
          />
        ) : (
          'No resource quota is set for this profile.'
        )}
      </InfoCard>
    </Grid>
    <Grid item xs={12}>
      <Table
        title="Contributors"
        options={{ search: false, paging: false, padding: 'dense' }}
        columns={[
          { title: 'User', field: 'user' },
          { title: 'Role', field: 'role' },
        ]}
        data={profile.contributors}
        emptyContent={
          <div style={{ padding: 16 }}>
            Only the owner works in this profile.
          </div>
        }
      />
    </Grid>
  </Grid>
);

/**
 * The Kubeflow tab of a notebook, endpoint or profile entity: the live object from the cluster
 * (through the backend's cache), with its actions; a profile's people, counts and quota.
 */
export const EntityKubeflowContent = () => {
  const { entity } = useEntity();
  const api = useApi(kubeflowApiRef);
  const annotations = entity.metadata.annotations ?? {};
  const ref = {
    cluster: annotations[ANNOTATION_KUBEFLOW_CLUSTER],
    namespace: annotations[ANNOTATION_KUBEFLOW_NAMESPACE],
    name: annotations[ANNOTATION_KUBEFLOW_NAME],
  };
  const kind = annotations[ANNOTATION_KUBEFLOW_KIND];
  const refreshKey = useLiveRefresh(ref.cluster, ref.namespace, ref.name);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    if (kind === 'Notebook') return { notebook: await api.getNotebook(ref) };
    if (kind === 'Profile') {
      return {
        profile: await api.getProfile({
          cluster: ref.cluster,
          namespace: ref.name,
        }),
      };
    }
    return { endpoint: await api.getEndpoint(ref) };
  }, [api, ref.cluster, ref.namespace, ref.name, kind, refreshKey]);

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (value?.notebook)
    return <NotebookDetails notebook={value.notebook} onChange={retry} />;
  if (value?.profile) return <ProfileDetails profile={value.profile} />;
  if (value?.endpoint)
    return <EndpointDetails endpoint={value.endpoint} onChange={retry} />;
  return null;
};
