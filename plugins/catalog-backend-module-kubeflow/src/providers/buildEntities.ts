import { Entity } from '@backstage/catalog-model';
import { TransformContext } from '../transforms/context';
import {
  inferenceGraphToEntity,
  inferenceServiceToEntities,
  llmInferenceServiceToEntity,
} from '../transforms/inferenceServices';
import { RegistrySnapshot, registryToEntities } from '../transforms/models';
import {
  kfpExperimentToEntity,
  kfpPipelineToEntity,
} from '../transforms/pipelines';
import { contributorsOf, profileToEntity } from '../transforms/profiles';
import {
  katibExperimentToEntity,
  notebookToEntity,
  scheduledSparkApplicationToEntity,
  sparkApplicationToEntity,
  trainJobToEntity,
  trainingOperatorJobToEntity,
} from '../transforms/workloads';
import { IngestibleKind } from './config';

/** Everything the provider read from one cluster. Absent sources are empty. */
export interface ClusterSnapshot {
  profiles: any[];
  rolebindings: any[];
  notebooks: any[];
  experiments: any[];
  inferenceservices: any[];
  inferencegraphs: any[];
  llminferenceservices: any[];
  trainjobs: any[];
  /** The Training Operator v1 jobs, all six kinds. */
  trainingjobs: any[];
  sparkapplications: any[];
  scheduledsparkapplications: any[];
  pipelines: any[];
  /** Versions per pipeline id. */
  pipelineVersions: Map<string, any[]>;
  pipelineExperiments: any[];
  registry: RegistrySnapshot;
}

/**
 * All entities of a cluster from a snapshot: a pure function, so a full read and a live delta
 * produce exactly the same entities for the same state.
 */
export function buildEntities(
  snapshot: ClusterSnapshot,
  context: TransformContext,
  options: {
    kinds: Set<IngestibleKind>;
    namespaceAllowed: (ns?: string) => boolean;
    /** Called for an object that cannot become an entity; the rest still do. */
    onSkip: (object: unknown, reason: string) => void;
  },
): Entity[] {
  const { kinds, namespaceAllowed, onSkip } = options;
  const inScope = <
    T extends { metadata?: { name?: string; namespace?: string } },
  >(
    items: T[],
  ) =>
    items.filter(
      i => i?.metadata?.name && namespaceAllowed(i.metadata?.namespace),
    );
  const entities: Entity[] = [];
  /** One malformed object is skipped with its reason; it never takes the batch down. */
  const each = <T>(items: T[], transform: (item: T) => Entity | Entity[]) => {
    for (const item of items) {
      try {
        const result = transform(item);
        entities.push(...(Array.isArray(result) ? result : [result]));
      } catch (error) {
        onSkip(item, (error as Error).message);
      }
    }
  };
  if (kinds.has('profiles')) {
    each(
      inScope(snapshot.profiles).filter(p => namespaceAllowed(p.metadata.name)),
      profile =>
        profileToEntity(
          profile,
          contributorsOf(snapshot.rolebindings, profile.metadata.name),
          context,
        ),
    );
  }
  if (kinds.has('notebooks')) {
    each(inScope(snapshot.notebooks), n => notebookToEntity(n, context));
  }
  if (kinds.has('katibExperiments')) {
    each(inScope(snapshot.experiments), e =>
      katibExperimentToEntity(e, context),
    );
  }
  if (kinds.has('trainJobs')) {
    each(inScope(snapshot.trainjobs), j => trainJobToEntity(j, context));
  }
  if (kinds.has('trainingJobs')) {
    each(inScope(snapshot.trainingjobs), j =>
      trainingOperatorJobToEntity(j, context),
    );
  }
  if (kinds.has('sparkApplications')) {
    each(inScope(snapshot.sparkapplications), a =>
      sparkApplicationToEntity(a, context),
    );
    each(inScope(snapshot.scheduledsparkapplications), s =>
      scheduledSparkApplicationToEntity(s, context),
    );
  }
  if (kinds.has('inferenceServices')) {
    each(inScope(snapshot.inferenceservices), isvc =>
      inferenceServiceToEntities(isvc, snapshot.registry, context),
    );
    each(inScope(snapshot.inferencegraphs), g =>
      inferenceGraphToEntity(g, context),
    );
    each(inScope(snapshot.llminferenceservices), l =>
      llmInferenceServiceToEntity(l, context),
    );
  }

  const restInScope = (ns?: string) => !ns || namespaceAllowed(ns);
  if (kinds.has('pipelines')) {
    each(
      snapshot.pipelines.filter(
        p => p?.pipeline_id && restInScope(p.namespace),
      ),
      p =>
        kfpPipelineToEntity(
          p,
          context,
          snapshot.pipelineVersions.get(p.pipeline_id),
        ),
    );
  }
  if (kinds.has('pipelineExperiments')) {
    each(
      snapshot.pipelineExperiments.filter(
        e =>
          e?.experiment_id &&
          restInScope(e.namespace) &&
          e.storage_state !== 'ARCHIVED',
      ),
      e => kfpExperimentToEntity(e, context),
    );
  }
  if (kinds.has('models')) {
    const registry = {
      ...snapshot.registry,
      models: snapshot.registry.models.filter(m => m?.id && m.name),
      versions: snapshot.registry.versions.filter(
        v => v?.id && v.name && v.registeredModelId,
      ),
    };
    each(registry.models, model =>
      registryToEntities({ ...registry, models: [model] }, context).filter(e =>
        restInScope(e.metadata.annotations?.['kubeflow.org/namespace']),
      ),
    );
  }
  return entities;
}
