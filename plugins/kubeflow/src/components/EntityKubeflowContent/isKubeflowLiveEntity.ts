import { ANNOTATION_KUBEFLOW_KIND } from '@kubeflow-backstage/plugin-kubeflow-common';

/** Whether an entity came from a Kubeflow object the live Kubeflow tab can show. */
export function isKubeflowLiveEntity(entity: {
  metadata: { annotations?: Record<string, string> };
}): boolean {
  const kind = entity.metadata.annotations?.[ANNOTATION_KUBEFLOW_KIND];
  return (
    kind === 'Notebook' || kind === 'InferenceService' || kind === 'Profile'
  );
}
