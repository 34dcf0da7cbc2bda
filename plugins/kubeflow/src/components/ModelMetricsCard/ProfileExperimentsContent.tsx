import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useLiveEntityData } from '../entity/useKubeflowEntity';
import { MetricsComparison } from './MetricsComparison';

/**
 * A profile's experiments: its recent pipeline runs, Katib experiments and training jobs with
 * their metrics in one table and one chart.
 */
export const ProfileExperimentsContent = () => {
  const { value, loading, error } = useLiveEntityData((api, o) =>
    api.getProfileExperimentMetrics(o),
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <InfoCard
      title={value.title}
      subheader="Recent pipeline runs (with the model versions they registered), Katib experiments (best trial) and training jobs"
    >
      {value.rows.length ? (
        <MetricsComparison value={value} />
      ) : (
        <EmptyState
          missing="data"
          title="No experiments in this profile yet"
          description="Pipeline runs, Katib experiments and training jobs of this profile show here with their metrics."
        />
      )}
    </InfoCard>
  );
};
