import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useState } from 'react';
import { kubeflowApiRef } from '../api/KubeflowApi';

/**
 * A key that changes whenever the live channel reports a change in the namespace (debounced), so
 * data hooks that depend on it re-read the backend's cache instead of polling the cluster.
 */
export function useLiveRefresh(
  cluster?: string,
  namespace?: string,
  name?: string,
): number {
  const api = useApi(kubeflowApiRef);
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (!cluster || !namespace) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = api.subscribe({ cluster, namespace }, change => {
      if (name && change.name !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => setKey(k => k + 1), 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [api, cluster, namespace, name]);
  return key;
}
