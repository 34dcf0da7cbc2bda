import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogCollatorExtensionPoint,
  defaultCatalogCollatorEntityTransformer,
} from '@backstage/plugin-search-backend-module-catalog';
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBEFLOW_CLUSTER,
  ANNOTATION_KUBEFLOW_PROPERTIES,
} from '@kubeflow-backstage/plugin-kubeflow-common';

/**
 * The catalog's search document, with what the default loses for Kubeflow entities: tags
 * (framework, format), the model version's custom properties and metrics, and the object's own
 * name, so "fraud", "onnx" or "auc" find the models and versions they describe.
 *
 * @public
 */
export function kubeflowSearchTransformer(entity: Entity) {
  const document = defaultCatalogCollatorEntityTransformer(entity);
  const annotations = entity.metadata.annotations ?? {};
  if (!annotations[ANNOTATION_KUBEFLOW_CLUSTER]) return document;
  const extra = [
    entity.metadata.title,
    entity.metadata.name,
    (entity.metadata.tags ?? []).join(' '),
    annotations[ANNOTATION_KUBEFLOW_PROPERTIES],
  ].filter(Boolean);
  return { ...document, text: [document.text, ...extra].join('\n') };
}

/**
 * Makes catalog search index Kubeflow entities with their model fields.
 *
 * @public
 */
export const searchModuleKubeflowCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'kubeflow-catalog-collator',
  register(env) {
    env.registerInit({
      deps: { collator: catalogCollatorExtensionPoint },
      async init({ collator }) {
        collator.setEntityTransformer(kubeflowSearchTransformer);
      },
    });
  },
});
