import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_ID,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { useLiveRefresh } from '../useLiveRefresh';

/** The Kubeflow object an entity stands for, from the annotations the catalog provider sets. */
export interface KubeflowEntityObject {
  cluster: string;
  namespace: string;
  name: string;
  kind: string;
  /** Registry and KFP objects are addressed by id. */
  id?: string;
}

/** Where an object without a namespace annotation lives: a profile in itself, shared models in the registry's namespace. */
function defaultNamespace(kind: string, name: string): string {
  if (kind === 'Profile') return name;
  if (kind === 'RegisteredModel') return 'kubeflow';
  return '';
}

export function useKubeflowEntityObject(): KubeflowEntityObject {
  const { entity } = useEntity();
  const annotations = entity.metadata.annotations ?? {};
  const kind = annotations[ANNOTATION_KUBEFLOW_KIND] ?? '';
  const name = annotations[ANNOTATION_KUBEFLOW_NAME] ?? '';
  return {
    cluster: annotations[ANNOTATION_KUBEFLOW_CLUSTER] ?? '',
    namespace:
      annotations[ANNOTATION_KUBEFLOW_NAMESPACE] ??
      defaultNamespace(kind, name),
    name,
    kind,
    id: annotations[ANNOTATION_KUBEFLOW_ID],
  };
}

/**
 * Loads the entity's object through the backend and loads it again whenever the live channel
 * reports a change to it (or, with `wholeNamespace`, to anything in its namespace).
 */
export function useLiveEntityData<T>(
  load: (api: KubeflowApi, object: KubeflowEntityObject) => Promise<T>,
  options: { wholeNamespace?: boolean } = {},
) {
  const api = useApi(kubeflowApiRef);
  const object = useKubeflowEntityObject();
  const refreshKey = useLiveRefresh(
    object.cluster,
    object.namespace,
    options.wholeNamespace ? undefined : object.name,
  );
  const state = useAsyncRetry(
    () => load(api, object),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, object.cluster, object.namespace, object.name, object.id, refreshKey],
  );
  return { ...state, object };
}
