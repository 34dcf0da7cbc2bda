import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { useKubeflowEntityObject } from '../entity/useKubeflowEntity';
import { MetricsComparison } from './MetricsComparison';

/**
 * The metrics of the pipeline runs, Katib experiments (best trial), training jobs and notebooks
 * that produced a registered model's versions, as the Model Registry links them: one table and
 * one chart, each row linking to its source. On a model entity it needs no props.
 *
 * @public
 */
export const ModelMetricsCard = (props: {
  cluster?: string;
  modelId?: string;
}) => {
  const api = useApi(kubeflowApiRef);
  const object = useKubeflowEntityObject();
  const cluster = props.cluster ?? object.cluster;
  const modelId = props.modelId ?? object.id ?? '';
  const { value, loading, error } = useAsync(
    () => api.getModelMetrics({ cluster, modelId }),
    [api, cluster, modelId],
  );
  return (
    <InfoCard
      title="Metrics of what produced this model"
      subheader="Pipeline runs, Katib tuning, training jobs and notebooks behind each version"
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !value.rows.length && (
        <EmptyState
          missing="data"
          title="Nothing recorded what produced these versions"
          description="Register versions with the custom properties kfp_run_id, katib_experiment, trainjob or notebook (the KFP and Katib SDK helpers set them) to compare their metrics here."
        />
      )}
      {value && value.rows.length > 0 && <MetricsComparison value={value} />}
    </InfoCard>
  );
};
