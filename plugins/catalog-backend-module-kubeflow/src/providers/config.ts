import { Config } from '@backstage/config';
import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';

/** Kinds the provider can ingest. */
export const INGESTIBLE_KINDS = [
  'profiles',
  'notebooks',
  'pipelines',
  'pipelineExperiments',
  'katibExperiments',
  'models',
  'inferenceServices',
  'trainJobs',
  'trainingJobs',
  'sparkApplications',
] as const;

/** One of {@link INGESTIBLE_KINDS}. */
export type IngestibleKind = (typeof INGESTIBLE_KINDS)[number];

/** `catalog.providers.kubeflow`, read and defaulted. */
export interface KubeflowProviderConfig {
  clusters?: string[];
  kinds: Set<IngestibleKind>;
  includeNamespaces?: string[];
  excludeNamespaces: string[];
  defaultOwner: string;
  /** A full read that would remove more than this share of the cluster's entities is refused. */
  maxRemovalShare: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/** Reads `catalog.providers.kubeflow`; throws on an unknown kind. */
export function readProviderConfig(config: Config): KubeflowProviderConfig {
  const c = config.getOptionalConfig('catalog.providers.kubeflow');
  const kinds = c?.getOptionalStringArray('kinds') ?? [...INGESTIBLE_KINDS];
  const unknown = kinds.filter(
    k => !INGESTIBLE_KINDS.includes(k as IngestibleKind),
  );
  if (unknown.length) {
    throw new Error(
      `catalog.providers.kubeflow.kinds: unknown ${unknown.join(
        ', ',
      )}; known: ${INGESTIBLE_KINDS.join(', ')}`,
    );
  }
  return {
    clusters: c?.getOptionalStringArray('clusters'),
    kinds: new Set(kinds as IngestibleKind[]),
    includeNamespaces: c?.getOptionalStringArray('namespaces.include'),
    excludeNamespaces: c?.getOptionalStringArray('namespaces.exclude') ?? [],
    defaultOwner:
      c?.getOptionalString('defaultOwner') ?? 'group:default/ml-platform',
    maxRemovalShare: c?.getOptionalNumber('maxRemovalShare') ?? 0.2,
    schedule: c?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        )
      : {
          frequency: { minutes: 5 },
          timeout: { minutes: 3 },
          initialDelay: { seconds: 3 },
        },
  };
}
