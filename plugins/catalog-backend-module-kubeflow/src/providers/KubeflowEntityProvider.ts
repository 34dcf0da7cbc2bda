import {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  CachedResource,
  KubeflowClusterConfig,
  KubeflowClusters,
  listKfp,
  listModelRegistry,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import {
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_STALE_SINCE,
  TRAINING_OPERATOR_KINDS,
  ModelArtifact,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { TransformContext } from '../transforms/context';
import { ClusterSnapshot, buildEntities } from './buildEntities';
import { IngestibleKind, KubeflowProviderConfig } from './config';

const TRAINING_JOB_SOURCES: CachedResource[] = Object.values(
  TRAINING_OPERATOR_KINDS,
).map(k => k.plural);

const SOURCES: Record<IngestibleKind, CachedResource[]> = {
  profiles: ['profiles', 'rolebindings'],
  notebooks: ['notebooks'],
  katibExperiments: ['experiments'],
  trainJobs: ['trainjobs'],
  trainingJobs: TRAINING_JOB_SOURCES,
  sparkApplications: ['sparkapplications', 'scheduledsparkapplications'],
  inferenceServices: [
    'inferenceservices',
    'inferencegraphs',
    'llminferenceservices',
  ],
  pipelines: ['kfp.pipelines'],
  pipelineExperiments: ['kfp.experiments'],
  models: [
    'modelregistry.models',
    'modelregistry.versions',
    'modelregistry.inferenceservices',
  ],
};

/** Which cache source an entity's kind comes from, for stale marking. */
const KIND_SOURCE: Record<string, CachedResource> = {
  Profile: 'profiles',
  Notebook: 'notebooks',
  Experiment: 'experiments',
  InferenceService: 'inferenceservices',
  InferenceGraph: 'inferencegraphs',
  LLMInferenceService: 'llminferenceservices',
  TrainJob: 'trainjobs',
  ...Object.fromEntries(
    Object.entries(TRAINING_OPERATOR_KINDS).map(([k, v]) => [k, v.plural]),
  ),
  SparkApplication: 'sparkapplications',
  ScheduledSparkApplication: 'scheduledsparkapplications',
  Pipeline: 'kfp.pipelines',
  PipelineExperiment: 'kfp.experiments',
  RegisteredModel: 'modelregistry.models',
  ModelVersion: 'modelregistry.versions',
};

/**
 * Turns one cluster's Kubeflow resources into catalog entities. A full read runs on the schedule
 * (and at start-up) and replaces the provider's entities — but only when every source answered, so
 * an unreachable cluster never deletes entities. Between full reads, every change the shared watch
 * cache sees becomes a delta mutation within about a second.
 */
export class KubeflowEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private emitted = new Map<string, string>();
  private active: CachedResource[] = [];
  private users = new Map<string, string>();
  /** E-mails the last build named (profile people, model owners) that no User entity has. */
  private unresolved = new Set<string>();
  private artifacts = new Map<
    string,
    { version: string; artifacts: ModelArtifact[] }
  >();
  private pipelineVersions = new Map<string, { at: number; versions: any[] }>();
  private deltaTimer?: NodeJS.Timeout;
  private usersTimer?: NodeJS.Timeout;
  private healthTimer?: NodeJS.Timeout;
  private lastStale = '';
  private unsubscribe?: () => void;

  constructor(
    private readonly cluster: KubeflowClusterConfig,
    private readonly options: {
      clusters: KubeflowClusters;
      config: KubeflowProviderConfig;
      taskRunner: SchedulerServiceTaskRunner;
      logger: LoggerService;
      catalog?: CatalogService;
      auth?: AuthService;
      deltaDelayMs?: number;
      usersRetryMs?: number;
      healthCheckMs?: number;
    },
  ) {}

  getProviderName(): string {
    return `kubeflow-${this.cluster.name}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.unsubscribe = this.options.clusters.cache.subscribe(event => {
      if (
        event.cluster === this.cluster.name &&
        this.active.includes(event.resource as CachedResource)
      ) {
        this.scheduleDelta();
      }
    });
    this.watchHealth();
    await this.options.taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.read(),
    });
  }

  /** Stops listening to the cache (tests, shutdown). */
  close(): void {
    this.unsubscribe?.();
    clearTimeout(this.deltaTimer);
    clearTimeout(this.usersTimer);
    clearInterval(this.healthTimer);
  }

  /** A full read: replaces every entity of this provider, or nothing at all. */
  async read(): Promise<void> {
    const { logger, clusters } = this.options;
    const started = Date.now();
    try {
      const components = await clusters.components(this.cluster.name);
      if (components.error) throw new Error(components.error);
      const active = this.activeSources(components);
      const vanished = this.active.filter(r => !active.includes(r));
      if (vanished.length) {
        // A component that answered before and does not now is an outage until proven otherwise.
        throw new Error(`components no longer found: ${vanished.join(', ')}`);
      }
      this.active = active;
      await Promise.all(
        this.active.map(r => clusters.cache.list(this.cluster.name, r, 60_000)),
      );
      const failing = this.active
        .map(r => clusters.cache.source(this.cluster.name, r).health())
        .filter(h => h.state !== 'synced');
      if (failing.length) {
        throw new Error(
          failing
            .map(h => `${h.resource}: ${h.lastError ?? h.state}`)
            .join('; '),
        );
      }
      await this.refreshUsers();
      await this.refreshArtifacts();
      await this.refreshPipelineVersions(true);
      const entities = this.build();
      await this.guardRemovals(entities);
      await this.connection!.applyMutation({
        type: 'full',
        entities: entities.map(entity => ({
          entity,
          locationKey: this.getProviderName(),
        })),
      });
      this.emitted = new Map(
        entities.map(e => [stringifyEntityRef(e), JSON.stringify(e)]),
      );
      logger.info(
        `Read ${entities.length} Kubeflow entities from ${
          this.cluster.name
        } in ${Date.now() - started} ms`,
      );
      this.awaitUsers();
    } catch (error) {
      // Keep every entity: a source that failed to answer is not a source that is empty.
      logger.warn(
        `Kubeflow full read of ${this.cluster.name} skipped, entities kept`,
        {
          cluster: this.cluster.name,
          reason: (error as Error).message,
        },
      );
    }
  }

  /**
   * Refuses a full read that would remove more than the configured share of this cluster's
   * entities (compared with what it last sent, or after a restart with what the catalog holds).
   */
  private async guardRemovals(entities: Entity[]): Promise<void> {
    const next = new Set(entities.map(e => stringifyEntityRef(e)));
    let previous = [...this.emitted.keys()];
    if (!previous.length) previous = await this.catalogRefs();
    const removed = previous.filter(ref => !next.has(ref)).length;
    const share = this.options.config.maxRemovalShare;
    if (previous.length && removed / previous.length > share) {
      throw new Error(
        `it would remove ${removed} of ${
          previous.length
        } entities, more than the allowed ${Math.round(share * 100)} %`,
      );
    }
  }

  /** Refs of the entities the catalog holds from this provider. */
  private async catalogRefs(): Promise<string[]> {
    const { catalog, auth } = this.options;
    if (!catalog || !auth) return [];
    try {
      const { items } = await catalog.getEntities(
        {
          filter: {
            [`metadata.annotations.${ANNOTATION_LOCATION}`]: `kubeflow:${this.cluster.name}`,
          },
          fields: ['kind', 'metadata.name', 'metadata.namespace'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      return items.map(e => stringifyEntityRef(e));
    } catch {
      return [];
    }
  }

  private activeSources(components: {
    resources: Record<string, boolean>;
    pipelines: boolean;
    modelRegistry: boolean;
  }): CachedResource[] {
    const available = (r: CachedResource) => {
      if (r.startsWith('kfp.')) return components.pipelines;
      if (r.startsWith('modelregistry.')) return components.modelRegistry;
      return components.resources[r] === true;
    };
    const wanted = new Set<CachedResource>();
    for (const kind of this.options.config.kinds) {
      SOURCES[kind].forEach(r => wanted.add(r));
    }
    if (wanted.has('inferenceservices')) {
      SOURCES.models.forEach(r => wanted.add(r));
    }
    return [...wanted].filter(available);
  }

  private scheduleDelta(): void {
    if (this.deltaTimer || !this.emitted.size) return;
    this.deltaTimer = setTimeout(() => {
      this.deltaTimer = undefined;
      this.applyDelta().catch(error =>
        this.options.logger.warn(
          `Kubeflow delta for ${this.cluster.name} failed`,
          {
            cluster: this.cluster.name,
            reason: (error as Error).message,
          },
        ),
      );
    }, this.options.deltaDelayMs ?? 500);
  }

  /** Rebuilds from the cache and sends only what changed. */
  private async applyDelta(): Promise<void> {
    await this.refreshArtifacts();
    await this.refreshPipelineVersions(false);
    const entities = this.build();
    const next = new Map(
      entities.map(e => [stringifyEntityRef(e), JSON.stringify(e)]),
    );
    const added = entities.filter(
      e =>
        this.emitted.get(stringifyEntityRef(e)) !==
        next.get(stringifyEntityRef(e)),
    );
    const removed = [...this.emitted.keys()].filter(ref => !next.has(ref));
    if (!added.length && !removed.length) return;
    await this.connection!.applyMutation({
      type: 'delta',
      added: added.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
      removed: removed.map(entityRef => ({
        entityRef,
        locationKey: this.getProviderName(),
      })),
    });
    this.emitted = next;
  }

  private build(): Entity[] {
    const { cache } = this.options.clusters;
    const values = (r: CachedResource) =>
      this.active.includes(r)
        ? cache.source(this.cluster.name, r).values()
        : [];
    const profiles = values('profiles');
    const snapshot: ClusterSnapshot = {
      profiles,
      rolebindings: values('rolebindings'),
      notebooks: values('notebooks'),
      experiments: values('experiments'),
      inferenceservices: values('inferenceservices'),
      inferencegraphs: values('inferencegraphs'),
      llminferenceservices: values('llminferenceservices'),
      trainjobs: values('trainjobs'),
      trainingjobs: TRAINING_JOB_SOURCES.flatMap(values),
      sparkapplications: values('sparkapplications'),
      scheduledsparkapplications: values('scheduledsparkapplications'),
      pipelines: values('kfp.pipelines'),
      pipelineVersions: new Map(
        [...this.pipelineVersions].map(([id, v]) => [id, v.versions]),
      ),
      pipelineExperiments: values('kfp.experiments'),
      registry: {
        models: values('modelregistry.models'),
        versions: values('modelregistry.versions'),
        inferenceServices: values('modelregistry.inferenceservices'),
        artifactsByVersion: new Map(
          [...this.artifacts].map(([id, a]) => [id, a.artifacts]),
        ),
      },
    };
    const { config } = this.options;
    const unresolved = new Set<string>();
    const context: TransformContext = {
      cluster: this.cluster.name,
      dashboardUrl: this.cluster.dashboardUrl,
      profiles: new Set(profiles.map(p => p.metadata.name)),
      defaultOwner: config.defaultOwner,
      userRefOf: email => {
        if (!email) return undefined;
        const ref = this.users.get(email.toLowerCase());
        if (!ref) unresolved.add(email.toLowerCase());
        return ref;
      },
    };
    const entities = buildEntities(snapshot, context, {
      kinds: config.kinds,
      namespaceAllowed: ns =>
        !ns ||
        ((!config.includeNamespaces || config.includeNamespaces.includes(ns)) &&
          !config.excludeNamespaces.includes(ns)),
      onSkip: (object: any, reason) =>
        this.options.logger.warn(
          'Skipped a Kubeflow object that cannot become an entity',
          {
            cluster: this.cluster.name,
            namespace: object?.metadata?.namespace ?? object?.namespace,
            name:
              object?.metadata?.name ?? object?.name ?? object?.display_name,
            reason,
          },
        ),
    });
    const staleSince = this.staleSources();
    for (const entity of entities) {
      const since = staleSince.get(
        KIND_SOURCE[
          entity.metadata.annotations?.[ANNOTATION_KUBEFLOW_KIND] ?? ''
        ],
      );
      entity.metadata.annotations = {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: `kubeflow:${this.cluster.name}`,
        [ANNOTATION_ORIGIN_LOCATION]: `kubeflow:${this.cluster.name}`,
        ...(since ? { [ANNOTATION_KUBEFLOW_STALE_SINCE]: since } : {}),
      };
    }
    this.lastStale = [...staleSince.keys()].sort().join(',');
    this.unresolved = unresolved;
    return entities;
  }

  /**
   * At start-up the org's users may not all be in the catalog yet: the catalog adds the entities
   * of a location a few at a time, so a read can find alice but not yet guest. While an e-mail the
   * entities name has no User (a profile's owner or contributor, a model's owner), look again
   * every few seconds, for a minute at most, and rebuild whenever the users changed, so profile
   * groups get all their members without waiting for the next full read. Stopping at the first
   * user found would leave the others out of their profiles until then.
   */
  private awaitUsers(attempt = 0): void {
    clearTimeout(this.usersTimer);
    if (!this.unresolved.size || !this.options.catalog || attempt >= 20) return;
    this.usersTimer = setTimeout(async () => {
      const before = JSON.stringify([...this.users]);
      await this.refreshUsers();
      if (JSON.stringify([...this.users]) !== before) this.scheduleDelta();
      this.awaitUsers(attempt + 1);
    }, this.options.usersRetryMs ?? 3_000);
    this.usersTimer.unref?.();
  }

  /** Sources that stopped answering, with since when; their entities are kept but marked. */
  private staleSources(): Map<string, string> {
    const stale = new Map<string, string>();
    for (const resource of this.active) {
      const health = this.options.clusters.cache
        .source(this.cluster.name, resource)
        .health();
      if (health.state === 'stale' || health.state === 'absent') {
        stale.set(resource, health.staleSince ?? new Date().toISOString());
      }
    }
    return stale;
  }

  /** Rebuilds when a source goes stale or recovers, so entities say so within seconds. */
  private watchHealth(): void {
    this.healthTimer = setInterval(() => {
      if (!this.emitted.size) return;
      const now = [...this.staleSources().keys()].sort().join(',');
      if (now !== this.lastStale) this.scheduleDelta();
    }, this.options.healthCheckMs ?? 5_000);
    this.healthTimer.unref?.();
  }

  /** The catalog's users by e-mail, so profile members and model owners resolve. */
  private async refreshUsers(): Promise<void> {
    const { catalog, auth, logger } = this.options;
    if (!catalog || !auth) return;
    try {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: 'User' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'spec.profile.email',
          ],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const users = new Map<string, string>();
      for (const user of items) {
        const email = (user.spec as any)?.profile?.email;
        if (email)
          users.set(String(email).toLowerCase(), stringifyEntityRef(user));
      }
      this.users = users;
    } catch (error) {
      logger.warn(
        'Could not read users from the catalog; profile members keep their last value',
        {
          cluster: this.cluster.name,
          reason: (error as Error).message,
        },
      );
    }
  }

  /**
   * The versions of each pipeline (one paged KFP call per pipeline): all of them on a full read,
   * only new pipelines' on a delta.
   */
  private async refreshPipelineVersions(all: boolean): Promise<void> {
    if (!this.active.includes('kfp.pipelines')) return;
    const { clusters } = this.options;
    const client = clusters.client(this.cluster.name);
    const pipelines = clusters.cache
      .source(this.cluster.name, 'kfp.pipelines')
      .values();
    const todo = pipelines.filter(
      p => all || !this.pipelineVersions.has(p.pipeline_id),
    );
    for (let i = 0; i < todo.length; i += 8) {
      await Promise.all(
        todo.slice(i, i + 8).map(async p => {
          const versions = await listKfp(client, {
            url: `${
              this.cluster.pipelinesUrl
            }/apis/v2beta1/pipelines/${encodeURIComponent(
              p.pipeline_id,
            )}/versions`,
            itemsKey: 'pipeline_versions',
            query: { sort_by: 'created_at desc' },
          });
          // The IR is large and the entity needs none of it.
          this.pipelineVersions.set(p.pipeline_id, {
            at: Date.now(),
            versions: versions.map(
              ({ pipeline_spec: _spec, ...rest }: any) => rest,
            ),
          });
        }),
      );
    }
    const ids = new Set(pipelines.map(p => p.pipeline_id));
    for (const id of this.pipelineVersions.keys())
      if (!ids.has(id)) this.pipelineVersions.delete(id);
  }

  /** Artifacts of model versions new or changed since the last look (one paged call each). */
  private async refreshArtifacts(): Promise<void> {
    if (!this.active.includes('modelregistry.versions')) return;
    const { clusters } = this.options;
    const client = clusters.client(this.cluster.name);
    const versions = clusters.cache
      .source(this.cluster.name, 'modelregistry.versions')
      .values();
    const stale = versions.filter(
      v => this.artifacts.get(v.id)?.version !== v.lastUpdateTimeSinceEpoch,
    );
    for (let i = 0; i < stale.length; i += 8) {
      await Promise.all(
        stale.slice(i, i + 8).map(async v => {
          const artifacts = await listModelRegistry<ModelArtifact>(client, {
            url: `${
              this.cluster.modelRegistryUrl
            }/api/model_registry/v1alpha3/model_versions/${encodeURIComponent(
              v.id,
            )}/artifacts`,
          });
          this.artifacts.set(v.id, {
            version: v.lastUpdateTimeSinceEpoch,
            artifacts,
          });
        }),
      );
    }
    const ids = new Set(versions.map(v => v.id));
    for (const id of this.artifacts.keys())
      if (!ids.has(id)) this.artifacts.delete(id);
  }
}
