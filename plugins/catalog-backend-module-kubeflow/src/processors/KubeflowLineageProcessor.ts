import {
  Entity,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import { ANNOTATION_KUBEFLOW_PART_OF } from '@kubeflow-backstage/plugin-kubeflow-common';

/**
 * Emits the `partOf`/`hasPart` relation between a model version and its model. A Resource's spec
 * has no field for it, so the provider records the model in an annotation and this turns it into
 * the relation the catalog graph walks.
 */
export class KubeflowLineageProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'KubeflowLineageProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const whole = entity.metadata.annotations?.[ANNOTATION_KUBEFLOW_PART_OF];
    if (whole) {
      const self = getCompoundEntityRef(entity);
      const target = parseEntityRef(whole);
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_PART_OF,
          target,
        }),
      );
      emit(
        processingResult.relation({
          source: target,
          type: RELATION_HAS_PART,
          target: self,
        }),
      );
    }
    return entity;
  }
}
