import {
  Content,
  ContentHeader,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { KubeflowClusterSummary } from '@kubeflow-backstage/plugin-kubeflow-common';
import useAsync from 'react-use/esm/useAsync';
import { kubeflowApiRef } from '../../api/KubeflowApi';

const columns: TableColumn<KubeflowClusterSummary>[] = [
  { title: 'Cluster', field: 'title', highlight: true },
  { title: 'Name', field: 'name' },
  {
    title: 'Kubeflow dashboard',
    render: cluster =>
      cluster.dashboardUrl ? (
        <Link to={cluster.dashboardUrl}>{cluster.dashboardUrl}</Link>
      ) : (
        '—'
      ),
  },
];

/** The Kubeflow home page: today, the clusters the portal is connected to. */
export const KubeflowPage = () => {
  const kubeflowApi = useApi(kubeflowApiRef);
  const { value, loading, error } = useAsync(
    () => kubeflowApi.getClusters(),
    [kubeflowApi],
  );

  let body: JSX.Element;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else {
    body = (
      <Table<KubeflowClusterSummary>
        title="Clusters"
        options={{ search: false, paging: false }}
        columns={columns}
        data={value ?? []}
        emptyContent={
          <div style={{ padding: 16 }}>
            No Kubeflow cluster is configured. Add one under kubeflow.clusters
            in app-config.yaml.
          </div>
        }
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Kubeflow"
        subtitle="Notebooks, pipelines, experiments, models and endpoints of your team"
      />
      <Content>
        <ContentHeader title="Connected clusters" />
        {body}
      </Content>
    </Page>
  );
};
