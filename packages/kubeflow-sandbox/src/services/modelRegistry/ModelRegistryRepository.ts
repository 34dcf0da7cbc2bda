import { RegistryError } from './listing';

type Entity = Record<string, any>;

/** The entity kinds the sandbox's Model Registry stores. */
export type RegistryKind =
  | 'registered_models'
  | 'model_versions'
  | 'model_artifacts'
  | 'serving_environments'
  | 'inference_services';

const LABELS: Record<RegistryKind, string> = {
  registered_models: 'RegisteredModel',
  model_versions: 'ModelVersion',
  model_artifacts: 'ModelArtifact',
  serving_environments: 'ServingEnvironment',
  inference_services: 'InferenceService',
};

/** Fields a client may set per kind (everything else is server-owned or unknown → 400). */
const WRITABLE: Record<RegistryKind, string[]> = {
  registered_models: [
    'name',
    'description',
    'externalId',
    'customProperties',
    'readme',
    'maturity',
    'language',
    'tasks',
    'provider',
    'logo',
    'license',
    'licenseLink',
    'libraryName',
    'owner',
    'state',
  ],
  model_versions: [
    'name',
    'description',
    'externalId',
    'customProperties',
    'state',
    'author',
    'registeredModelId',
  ],
  model_artifacts: [
    'name',
    'description',
    'externalId',
    'customProperties',
    'artifactType',
    'modelFormatName',
    'storageKey',
    'storagePath',
    'modelFormatVersion',
    'serviceAccountName',
    'modelSourceKind',
    'modelSourceClass',
    'modelSourceGroup',
    'modelSourceId',
    'modelSourceName',
    'uri',
    'state',
    'experimentId',
    'experimentRunId',
  ],
  serving_environments: [
    'name',
    'description',
    'externalId',
    'customProperties',
  ],
  inference_services: [
    'name',
    'description',
    'externalId',
    'customProperties',
    'modelVersionId',
    'runtime',
    'desiredState',
    'registeredModelId',
    'servingEnvironmentId',
  ],
};

/** Serialisable state. */
export interface RegistrySnapshot {
  nextContextId: number;
  nextArtifactId: number;
  entities: Record<RegistryKind, Entity[]>;
  artifactParents: Record<string, string[]>;
}

/**
 * The Model Registry's data (MLMD-like: contexts share one id sequence, artifacts another),
 * with validation of required fields, parents and unique names.
 */
export class ModelRegistryRepository {
  private nextContextId = 1;
  private nextArtifactId = 1;
  private readonly tables = new Map<RegistryKind, Map<string, Entity>>(
    (Object.keys(LABELS) as RegistryKind[]).map(k => [k, new Map()]),
  );
  /** artifact id → model version ids it belongs to. */
  private readonly artifactParents = new Map<string, Set<string>>();

  all(kind: RegistryKind): Entity[] {
    return [...this.tables.get(kind)!.values()];
  }

  get(kind: RegistryKind, id: string): Entity {
    const entity = this.tables.get(kind)!.get(id);
    if (!entity)
      throw new RegistryError(404, `${LABELS[kind]} with id ${id} not found`);
    return entity;
  }

  /** Artifacts of a model version. */
  artifactsOf(versionId: string): Entity[] {
    return this.all('model_artifacts').filter(a =>
      this.artifactParents.get(a.id)?.has(versionId),
    );
  }

  create(
    kind: RegistryKind,
    input: Entity,
    options: { parentVersionId?: string; now?: number } = {},
  ): Entity {
    this.checkFields(kind, input);
    const now = String(options.now ?? Date.now());
    const name = input.name;
    if (kind !== 'model_artifacts' || !options.parentVersionId) {
      if (typeof name !== 'string' || !name)
        throw new RegistryError(400, `${LABELS[kind]} name is required`);
    }
    if (kind === 'model_versions')
      this.get('registered_models', String(input.registeredModelId ?? ''));
    if (kind === 'inference_services') {
      if (!input.registeredModelId || !input.servingEnvironmentId) {
        throw new RegistryError(
          400,
          'registeredModelId and servingEnvironmentId are required',
        );
      }
      this.get('registered_models', String(input.registeredModelId));
      this.get('serving_environments', String(input.servingEnvironmentId));
      if (input.modelVersionId)
        this.get('model_versions', String(input.modelVersionId));
    }
    if (options.parentVersionId)
      this.get('model_versions', options.parentVersionId);
    this.checkUnique(kind, input, undefined, options.parentVersionId);
    const isArtifact = kind === 'model_artifacts';
    const id = String(
      isArtifact ? this.nextArtifactId++ : this.nextContextId++,
    );
    const entity: Entity = {
      ...defaults(kind),
      ...input,
      ...(isArtifact && !input.name ? { name: `${id}` } : {}),
      customProperties: input.customProperties ?? {},
      id,
      createTimeSinceEpoch: now,
      lastUpdateTimeSinceEpoch: now,
    };
    this.tables.get(kind)!.set(id, entity);
    if (isArtifact && options.parentVersionId) {
      this.artifactParents.set(id, new Set([options.parentVersionId]));
    }
    return entity;
  }

  update(
    kind: RegistryKind,
    id: string,
    patch: Entity,
    now = Date.now(),
  ): Entity {
    const entity = this.get(kind, id);
    this.checkFields(kind, patch);
    for (const immutable of ['registeredModelId', 'servingEnvironmentId']) {
      if (
        patch[immutable] !== undefined &&
        patch[immutable] !== entity[immutable]
      ) {
        throw new RegistryError(400, `${immutable} cannot be changed`);
      }
    }
    if (patch.name !== undefined && patch.name !== entity.name)
      this.checkUnique(kind, patch, id);
    Object.assign(entity, patch, {
      lastUpdateTimeSinceEpoch: String(
        Math.max(now, Number(entity.createTimeSinceEpoch)),
      ),
    });
    return entity;
  }

  /** Links an existing artifact to a model version (POST /model_versions/{id}/artifacts with an id). */
  link(versionId: string, artifactId: string): Entity {
    this.get('model_versions', versionId);
    const artifact = this.get('model_artifacts', artifactId);
    const parents = this.artifactParents.get(artifactId) ?? new Set<string>();
    parents.add(versionId);
    this.artifactParents.set(artifactId, parents);
    return artifact;
  }

  /** Finds one entity by name / externalId (+ parent), as the singular endpoints do. */
  find(
    kind: RegistryKind,
    query: { name?: string; externalId?: string; parentResourceId?: string },
  ): Entity {
    if (!query.name && !query.externalId) {
      throw new RegistryError(
        400,
        'either name or externalId must be provided',
      );
    }
    const match = this.all(kind).find(e => {
      if (query.externalId && e.externalId !== query.externalId) return false;
      if (query.name && e.name !== query.name) return false;
      if (query.parentResourceId) {
        if (kind === 'model_versions')
          return e.registeredModelId === query.parentResourceId;
        if (kind === 'inference_services')
          return e.servingEnvironmentId === query.parentResourceId;
        if (kind === 'model_artifacts')
          return (
            this.artifactParents.get(e.id)?.has(query.parentResourceId) ?? false
          );
      }
      return true;
    });
    if (!match) {
      throw new RegistryError(
        404,
        `no ${LABELS[kind]} found for name=${query.name ?? ''}, externalId=${
          query.externalId ?? ''
        }, parentResourceId=${query.parentResourceId ?? ''}`,
      );
    }
    return match;
  }

  snapshot(): RegistrySnapshot {
    return JSON.parse(
      JSON.stringify({
        nextContextId: this.nextContextId,
        nextArtifactId: this.nextArtifactId,
        entities: Object.fromEntries(
          [...this.tables].map(([k, t]) => [k, [...t.values()]]),
        ),
        artifactParents: Object.fromEntries(
          [...this.artifactParents].map(([k, v]) => [k, [...v]]),
        ),
      }),
    );
  }

  restore(state: RegistrySnapshot | undefined): void {
    for (const t of this.tables.values()) t.clear();
    this.artifactParents.clear();
    this.nextContextId = state?.nextContextId ?? 1;
    this.nextArtifactId = state?.nextArtifactId ?? 1;
    for (const [kind, list] of Object.entries(state?.entities ?? {})) {
      for (const e of list) this.tables.get(kind as RegistryKind)?.set(e.id, e);
    }
    for (const [id, parents] of Object.entries(state?.artifactParents ?? {})) {
      this.artifactParents.set(id, new Set(parents));
    }
  }

  private checkFields(kind: RegistryKind, input: Entity): void {
    for (const key of Object.keys(input)) {
      if (!WRITABLE[kind].includes(key)) {
        throw new RegistryError(
          400,
          `json: unknown field "${key}" in ${LABELS[kind]}`,
        );
      }
    }
    if (input.customProperties !== undefined) {
      for (const [key, value] of Object.entries(input.customProperties ?? {})) {
        if (
          !value ||
          typeof value !== 'object' ||
          typeof (value as Entity).metadataType !== 'string'
        ) {
          throw new RegistryError(
            400,
            `customProperties.${key} must be a MetadataValue with metadataType`,
          );
        }
      }
    }
  }

  private checkUnique(
    kind: RegistryKind,
    input: Entity,
    selfId?: string,
    parentVersionId?: string,
  ): void {
    if (!input.name) return;
    const clash = this.all(kind).find(e => {
      if (e.id === selfId || e.name !== input.name) return false;
      if (kind === 'model_versions')
        return (
          e.registeredModelId ===
          (input.registeredModelId ?? this.get(kind, selfId!).registeredModelId)
        );
      if (kind === 'inference_services')
        return (
          e.servingEnvironmentId ===
          (input.servingEnvironmentId ??
            this.get(kind, selfId!).servingEnvironmentId)
        );
      if (kind === 'model_artifacts') {
        return (
          !!parentVersionId &&
          (this.artifactParents.get(e.id)?.has(parentVersionId) ?? false)
        );
      }
      return true;
    });
    if (clash) {
      throw new RegistryError(
        409,
        `${LABELS[kind]} with name ${input.name} already exists`,
      );
    }
  }
}

function defaults(kind: RegistryKind): Entity {
  switch (kind) {
    case 'registered_models':
    case 'model_versions':
      return { state: 'LIVE' };
    case 'model_artifacts':
      return { artifactType: 'model-artifact', state: 'UNKNOWN' };
    case 'inference_services':
      return { desiredState: 'DEPLOYED' };
    default:
      return {};
  }
}
