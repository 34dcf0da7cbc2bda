import { useApi } from '@backstage/frontend-plugin-api';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { kubeflowApiRef } from '../../api/KubeflowApi';

/** The run open on the page (`?run=<id>`), so a run view has a link of its own. */
export function useRunParam(): [string | undefined, (id?: string) => void] {
  const [params, setParams] = useSearchParams();
  const run = params.get('run') ?? undefined;
  const setRun = (id?: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set('run', id);
    else next.delete('run');
    setParams(next);
  };
  return [run, setRun];
}

/** The Kubeflow dashboard URL of a cluster, for links into the KFP UI. */
export function useDashboardUrl(cluster: string): string | undefined {
  const api = useApi(kubeflowApiRef);
  const { value } = useAsync(() => api.getClusters(), [api]);
  return value?.find(c => c.name === cluster)?.dashboardUrl;
}
