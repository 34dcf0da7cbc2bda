import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ClusterStatusDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';

const COMPONENT_NAMES: Record<string, string> = {
  notebooks: 'Notebooks',
  serving: 'KServe',
  pipelines: 'Pipelines',
  modelRegistry: 'Model Registry',
  katib: 'Katib',
  training: 'Trainer',
  spark: 'Spark',
};

function ClusterState({ cluster }: { cluster: ClusterStatusDto }) {
  switch (cluster.state) {
    case 'synced':
      return <StatusOK>Synced</StatusOK>;
    case 'initializing':
      return <StatusPending>Connecting</StatusPending>;
    case 'stale':
      return (
        <StatusWarning>
          Stale since {cluster.staleSince ?? 'recently'}
          {cluster.lastError ? ` — ${cluster.lastError}` : ''}
        </StatusWarning>
      );
    default:
      return (
        <StatusError>
          Unreachable{cluster.lastError ? ` — ${cluster.lastError}` : ''}. Pages
          show what was last seen.
        </StatusError>
      );
  }
}

/** Each connected cluster: its state, and which Kubeflow components it has. */
export const ClustersCard = (props: {
  clusters?: ClusterStatusDto[];
  loading: boolean;
  error?: Error;
}) => {
  const { clusters, loading, error } = props;
  let content: JSX.Element;
  if (loading) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (!clusters?.length) {
    content = (
      <Typography>
        No Kubeflow cluster is configured. Add one under kubeflow.clusters in
        app-config.yaml.
      </Typography>
    );
  } else {
    content = (
      <>
        {clusters.map(cluster => (
          <div key={cluster.name} style={{ marginBottom: 12 }}>
            <Typography variant="subtitle1">
              {cluster.dashboardUrl ? (
                <Link to={cluster.dashboardUrl}>{cluster.title}</Link>
              ) : (
                cluster.title
              )}
            </Typography>
            <ClusterState cluster={cluster} />
            <div>
              {Object.entries(cluster.components ?? {}).map(
                ([key, present]) => (
                  <Chip
                    key={key}
                    size="small"
                    label={`${COMPONENT_NAMES[key] ?? key}${
                      present ? '' : ': not installed'
                    }`}
                    color={present ? 'primary' : 'default'}
                    variant={present ? 'default' : 'outlined'}
                  />
                ),
              )}
            </div>
          </div>
        ))}
      </>
    );
  }
  return <InfoCard title="Clusters">{content}</InfoCard>;
};
