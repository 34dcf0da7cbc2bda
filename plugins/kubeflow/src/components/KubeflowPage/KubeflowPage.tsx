import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  Select,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { ClustersCard } from '../ClustersCard';
import { EndpointsCard } from '../EndpointsCard';
import { DEPLOY_MODEL_TEMPLATE, ModelsCard } from '../ModelsCard';
import { NotebooksCard } from '../NotebooksCard';
import { RunsTable } from '../pipelines/RunsTable';
import { RunView } from '../pipelines/RunView';
import { useLiveRefresh } from '../useLiveRefresh';

const QUICK_ACTIONS = [
  { title: 'New notebook', to: '/create/templates/default/kubeflow-notebook' },
  { title: 'Deploy a model version', to: DEPLOY_MODEL_TEMPLATE },
  { title: 'New ML project', to: '/create/templates/default/ml-project' },
  {
    title: 'Run or schedule a pipeline',
    to: '/create/templates/default/kubeflow-pipeline-run',
  },
  {
    title: 'Tune hyperparameters (Katib)',
    to: '/create/templates/default/kubeflow-katib-tuning',
  },
  { title: 'All templates', to: '/create' },
];

/**
 * The Kubeflow home page (the Central Dashboard inside the portal): the clusters and their
 * components, a profile picker limited to the profiles the user may see, and the profile's
 * notebooks, endpoints, recent pipeline runs and models, live.
 */
export const KubeflowPage = () => {
  const api = useApi(kubeflowApiRef);
  const clusters = useAsync(() => api.getClusters(), [api]);
  const [cluster, setCluster] = useState<string>();
  const [namespace, setNamespace] = useState<string>();
  const [openRun, setOpenRun] = useState<string>();
  const selectedCluster = cluster ?? clusters.value?.[0]?.name;
  const profiles = useAsync(
    async () =>
      selectedCluster ? api.getProfiles(selectedCluster) : undefined,
    [api, selectedCluster],
  );
  const selectedNamespace =
    namespace && profiles.value?.some(p => p.name === namespace)
      ? namespace
      : profiles.value?.[0]?.name;
  const refreshKey = useLiveRefresh(selectedCluster, selectedNamespace);
  const role = profiles.value?.find(p => p.name === selectedNamespace)?.role;
  // Viewers see no buttons they could not use; the cluster still decides on every action.
  const canChange = role !== 'view';

  let profileContent: JSX.Element | null = null;
  if (profiles.loading) profileContent = <Progress />;
  else if (profiles.error)
    profileContent = <ResponseErrorPanel error={profiles.error} />;
  else if (selectedCluster && profiles.value?.length === 0) {
    profileContent = (
      <Typography>
        You are not a member of any Kubeflow profile on this cluster. Ask a
        profile owner to add you as a contributor.
      </Typography>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Kubeflow"
        subtitle="Notebooks, endpoints, pipeline runs and models of your profiles, live"
      />
      <Content>
        <ContentHeader
          title={
            selectedNamespace ? `Profile ${selectedNamespace}` : 'Kubeflow'
          }
        >
          {(clusters.value?.length ?? 0) > 1 && (
            <Select
              label="Cluster"
              items={clusters.value!.map(c => ({
                label: c.title,
                value: c.name,
              }))}
              selected={selectedCluster}
              onChange={value => setCluster(String(value))}
            />
          )}
          {!!profiles.value?.length && (
            <Select
              label="Profile"
              items={profiles.value.map(p => ({
                label: p.role ? `${p.name} (${p.role})` : p.name,
                value: p.name,
              }))}
              selected={selectedNamespace}
              onChange={value => setNamespace(String(value))}
            />
          )}
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <ClustersCard
              clusters={clusters.value}
              loading={clusters.loading}
              error={clusters.error}
            />
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="Quick actions">
              {QUICK_ACTIONS.map(action => (
                <Typography key={action.title}>
                  <Link to={action.to}>{action.title}</Link>
                </Typography>
              ))}
            </InfoCard>
          </Grid>
          {profileContent && (
            <Grid item xs={12}>
              {profileContent}
            </Grid>
          )}
          {selectedCluster && selectedNamespace && (
            <>
              <Grid item xs={12}>
                <NotebooksCard
                  cluster={selectedCluster}
                  namespace={selectedNamespace}
                  refreshKey={refreshKey}
                  canChange={canChange}
                />
              </Grid>
              <Grid item xs={12}>
                <EndpointsCard
                  cluster={selectedCluster}
                  namespace={selectedNamespace}
                  refreshKey={refreshKey}
                  canChange={canChange}
                />
              </Grid>
              <Grid item xs={12}>
                {openRun ? (
                  <RunView
                    cluster={selectedCluster}
                    namespace={selectedNamespace}
                    runId={openRun}
                    onBack={() => setOpenRun(undefined)}
                  />
                ) : (
                  <RunsTable
                    cluster={selectedCluster}
                    namespace={selectedNamespace}
                    refreshKey={refreshKey}
                    onOpen={run => setOpenRun(run.id)}
                  />
                )}
              </Grid>
              <Grid item xs={12}>
                <ModelsCard
                  cluster={selectedCluster}
                  namespace={selectedNamespace}
                  refreshKey={refreshKey}
                  canChange={canChange}
                />
              </Grid>
            </>
          )}
        </Grid>
      </Content>
    </Page>
  );
};
