import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
  ModelDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kubeflowApiRef } from '../../api/KubeflowApi';

/** The form's values the pickers read (all steps of the template). */
export interface DeployFormData {
  model?: string;
  version?: string;
  profile?: string;
}

/** The whole form's data, which the scaffolder hands each field in its form context. */
export function deployFormData(formContext: unknown): DeployFormData {
  const data = (formContext as { formData?: unknown } | undefined)?.formData;
  return data && typeof data === 'object' ? (data as DeployFormData) : {};
}

/**
 * The registered model the form names (a catalog entity ref), with its versions: the catalog
 * entity says where it lives, the Kubeflow backend lists its versions. Undefined until a model is
 * chosen.
 */
export function useSelectedModel(modelRef: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const kubeflowApi = useApi(kubeflowApiRef);
  return useAsyncRetry(async (): Promise<ModelDto | undefined> => {
    if (!modelRef) return undefined;
    const entity = await catalogApi.getEntityByRef(modelRef);
    const annotations = entity?.metadata.annotations ?? {};
    if (
      !entity ||
      annotations[ANNOTATION_KUBEFLOW_KIND] !== 'RegisteredModel'
    ) {
      throw new Error(`${modelRef} is not a registered model in the catalog`);
    }
    const name = annotations[ANNOTATION_KUBEFLOW_NAME];
    return kubeflowApi.getModel({
      cluster: annotations[ANNOTATION_KUBEFLOW_CLUSTER],
      // Models without a profile are shared and live in the registry's namespace.
      namespace: annotations[ANNOTATION_KUBEFLOW_NAMESPACE] ?? 'kubeflow',
      name,
    });
  }, [catalogApi, kubeflowApi, modelRef]);
}
