import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { kubeflowApiRef } from '../../api/KubeflowApi';

/**
 * Whether the signed-in user may change things in a profile (owner or contributor with edit),
 * from their role in it: viewers see no buttons they could not use. The cluster still decides
 * on every action. Undefined while the role is loading; false when it cannot be read.
 */
export function useCanChangeProfile(
  cluster: string,
  namespace: string | undefined,
): boolean | undefined {
  const api = useApi(kubeflowApiRef);
  const profiles = useAsync(
    async () => (namespace ? api.getProfiles(cluster) : []),
    [api, cluster, namespace],
  );
  if (profiles.loading) return undefined;
  const role = profiles.value?.find(p => p.name === namespace)?.role;
  return role !== undefined && role !== 'view';
}
