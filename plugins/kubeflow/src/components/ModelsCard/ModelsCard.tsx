import {
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ModelDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import useAsync from 'react-use/esm/useAsync';
import { NamespaceRef, kubeflowApiRef } from '../../api/KubeflowApi';
import { DeployVersionButton } from '../entity/DeployVersionButton';
import { StateLabel } from '../StateLabel';

/** Where to deploy a version from: the "Deploy a model version" template. */
export const DEPLOY_MODEL_TEMPLATE =
  '/create/templates/default/kubeflow-deploy-model';

/**
 * The registered models of a profile: latest live version (with Deploy for those who may change
 * the profile), versions, where they are served.
 */
export const ModelsCard = (
  props: NamespaceRef & { refreshKey: number; canChange?: boolean },
) => {
  const { cluster, namespace, refreshKey, canChange = false } = props;
  const api = useApi(kubeflowApiRef);
  const { value, loading, error } = useAsync(
    () => api.getModels({ cluster, namespace }),
    [api, cluster, namespace, refreshKey],
  );
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Table<ModelDto>
      title={`Models in ${namespace}`}
      options={{ search: false, paging: false, padding: 'dense' }}
      columns={[
        {
          title: 'Model',
          highlight: true,
          render: m => (
            <EntityRefLink entityRef={m.entityRef} title={m.name} hideIcon />
          ),
        },
        { title: 'Description', render: m => m.description ?? '' },
        {
          title: 'Latest live version',
          render: m => {
            const live = m.versions.find(v => v.state === 'LIVE');
            if (!live) return '—';
            return (
              <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                {live.name}
                {canChange && <DeployVersionButton model={m} version={live} />}
              </div>
            );
          },
        },
        { title: 'Versions', render: m => m.versions.length },
        {
          title: 'Served by',
          render: m => {
            const deployments = m.versions.flatMap(v =>
              v.deployments.map(d => ({ ...d, version: v.name })),
            );
            return deployments.length
              ? deployments.map(d => (
                  <div key={d.entityRef}>
                    <EntityRefLink
                      entityRef={d.entityRef}
                      title={`${d.name} (${d.version})`}
                      hideIcon
                    />{' '}
                    <StateLabel state={d.state} />
                  </div>
                ))
              : 'not deployed';
          },
        },
      ]}
      data={value ?? []}
      emptyContent={
        <div style={{ padding: 16 }}>
          No registered models in {namespace}. Register a model version from a
          notebook or a pipeline, then{' '}
          <Link to={DEPLOY_MODEL_TEMPLATE}>deploy it</Link>.
        </div>
      }
    />
  );
};
