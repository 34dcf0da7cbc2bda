import { Entity } from '@backstage/catalog-model';
import { TransformContext } from '../transforms/context';
import {
  RegistrySnapshot,
  inferenceServiceToEntities,
  registryToEntities,
} from '../transforms/models';
import { kfpExperimentToEntity, kfpPipelineToEntity } from '../transforms/pipelines';
import { contributorsOf, profileToEntity } from '../transforms/profiles';
import {
  katibExperimentToEntity,
  notebookToEntity,
  sparkApplicationToEntity,
  trainJobToEntity,
} from '../transforms/workloads';
import { IngestibleKind } from './config';

/** Everything the provider read from one cluster. Absent sources are empty. */
export interface ClusterSnapshot {
  profiles: any[];
  rolebindings: any[];
  notebooks: any[];
  experiments: any[];
  inferenceservices: any[];
  trainjobs: any[];
  sparkapplications: any[];
  pipelines: any[];
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
  options: { kinds: Set<IngestibleKind>; namespaceAllowed: (ns?: string) => boolean },
): Entity[] {
  const { kinds, namespaceAllowed } = options;
  const inScope = <T extends { metadata?: { namespace?: string } }>(items: T[]) =>
    items.filter(i => namespaceAllowed(i.metadata?.namespace));
  const entities: Entity[] = [];
  if (kinds.has('profiles')) {
    for (const profile of snapshot.profiles.filter(p => namespaceAllowed(p.metadata.name))) {
      entities.push(
        profileToEntity(profile, contributorsOf(snapshot.rolebindings, profile.metadata.name), context),
      );
    }
  }
  if (kinds.has('notebooks')) {
    entities.push(...inScope(snapshot.notebooks).map(n => notebookToEntity(n, context)));
  }
  if (kinds.has('katibExperiments')) {
    entities.push(...inScope(snapshot.experiments).map(e => katibExperimentToEntity(e, context)));
  }
  if (kinds.has('trainJobs')) {
    entities.push(...inScope(snapshot.trainjobs).map(j => trainJobToEntity(j, context)));
  }
  if (kinds.has('sparkApplications')) {
    entities.push(
      ...inScope(snapshot.sparkapplications).map(a => sparkApplicationToEntity(a, context)),
    );
  }
  if (kinds.has('inferenceServices')) {
    for (const isvc of inScope(snapshot.inferenceservices)) {
      entities.push(...inferenceServiceToEntities(isvc, snapshot.registry, context));
    }
  }
  const restInScope = (ns?: string) => !ns || namespaceAllowed(ns);
  if (kinds.has('pipelines')) {
    entities.push(
      ...snapshot.pipelines.filter(p => restInScope(p.namespace)).map(p => kfpPipelineToEntity(p, context)),
    );
  }
  if (kinds.has('pipelineExperiments')) {
    entities.push(
      ...snapshot.pipelineExperiments
        .filter(e => restInScope(e.namespace) && e.storage_state !== 'ARCHIVED')
        .map(e => kfpExperimentToEntity(e, context)),
    );
  }
  if (kinds.has('models')) {
    entities.push(
      ...registryToEntities(snapshot.registry, context).filter(e =>
        restInScope(e.metadata.annotations?.['kubeflow.org/namespace']),
      ),
    );
  }
  return entities;
}
