import { NotFoundError } from '@backstage/errors';
import {
  InferenceService,
  ModelArtifact,
  ModelDto,
  ModelVersion,
  ModelVersionDto,
  RegisteredModel,
  RegistrySnapshot,
  inferenceServiceDisplayState,
  kubeflowEntityName,
  kubeflowModelReadPermission,
  kubeflowModelUpdatePermission,
  metadataValuePlain,
  modelEntityName,
  modelVersionProducers,
  registryNamespaceOf,
  servedVersion,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KubeflowClusterConfig,
  KubeflowClusters,
  ResourceOperation,
  listModelRegistry,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Caller, CallerResolver } from '../services/CallerResolver';
import { namespacedTarget, parseBody } from './params';

const MR_API = '/api/model_registry/v1alpha3';

/** The Model Registry's own namespace: models without a profile belong to it. */
const REGISTRY_NAMESPACE = 'kubeflow';

/**
 * The Model Registry does no per-user authorization, so the portal decides from the cluster's
 * RBAC on the model's profile: whoever may list its endpoints may read its models, whoever may
 * deploy (create endpoints) there may change them. Shared models (no profile) take the rules of
 * the registry's namespace, which only platform admins hold.
 */
function modelOperation(
  namespace: string,
  access: 'read' | 'write',
): ResourceOperation {
  return {
    verb: access === 'read' ? 'list' : 'create',
    group: 'serving.kserve.io',
    resource: 'inferenceservices',
    namespace,
  };
}

const stateBody = z.object({ state: z.enum(['LIVE', 'ARCHIVED']) });

const iso = (epochMs?: string) =>
  epochMs ? new Date(Number(epochMs)).toISOString() : undefined;

function plainProperties(object: {
  customProperties?: RegisteredModel['customProperties'];
}) {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(object.customProperties ?? {})) {
    const plain = metadataValuePlain(value);
    if (key !== 'namespace' && plain !== undefined) out[key] = plain;
  }
  return out;
}

/**
 * Artifacts of model versions, read once per version change: the registry lists them per version
 * only, so the page reads them at most when a version's update time moved.
 */
class ArtifactsByVersion {
  private readonly known = new Map<
    string,
    { stamp?: string; artifacts: ModelArtifact[] }
  >();

  constructor(private readonly clusters: KubeflowClusters) {}

  async of(
    cluster: KubeflowClusterConfig,
    versions: ModelVersion[],
  ): Promise<Map<string, ModelArtifact[]>> {
    const client = this.clusters.client(cluster.name);
    await Promise.all(
      versions.map(async v => {
        const key = `${cluster.name}\u0000${v.id}`;
        if (this.known.get(key)?.stamp === v.lastUpdateTimeSinceEpoch) return;
        const artifacts = await listModelRegistry<ModelArtifact>(client, {
          url: `${
            cluster.modelRegistryUrl
          }${MR_API}/model_versions/${encodeURIComponent(v.id!)}/artifacts`,
        });
        this.known.set(key, { stamp: v.lastUpdateTimeSinceEpoch, artifacts });
      }),
    );
    return new Map(
      versions.map(v => [
        v.id!,
        this.known.get(`${cluster.name}\u0000${v.id}`)?.artifacts ?? [],
      ]),
    );
  }
}

function modelDto(
  cluster: KubeflowClusterConfig,
  model: RegisteredModel,
  registry: RegistrySnapshot,
  endpoints: InferenceService[],
): ModelDto {
  const served = endpoints.map(isvc => ({
    isvc,
    served: servedVersion(isvc, registry),
  }));
  const versions: ModelVersionDto[] = registry.versions
    .filter((v: ModelVersion) => v.registeredModelId === model.id)
    .sort(
      (a, b) =>
        Number(b.createTimeSinceEpoch ?? 0) -
        Number(a.createTimeSinceEpoch ?? 0),
    )
    .map(version => ({
      id: version.id!,
      name: version.name!,
      state: version.state ?? 'LIVE',
      author: version.author,
      description: version.description,
      createdAt: iso(version.createTimeSinceEpoch),
      updatedAt: iso(version.lastUpdateTimeSinceEpoch),
      properties: plainProperties(version),
      artifacts: (registry.artifactsByVersion.get(version.id!) ?? []).map(
        a => ({
          name: a.name,
          uri: a.uri,
          format: a.modelFormatName,
          formatVersion: a.modelFormatVersion,
          sourceKind: a.modelSourceKind,
          sourceId: a.modelSourceId,
        }),
      ),
      deployments: served
        .filter(s => s.served?.version.id === version.id)
        .map(({ isvc }) => ({
          cluster: cluster.name,
          namespace: isvc.metadata.namespace!,
          name: isvc.metadata.name,
          state: inferenceServiceDisplayState(isvc),
          url: isvc.status?.url,
          entityRef: `component:${cluster.name}/${kubeflowEntityName(
            isvc.metadata.namespace!,
            isvc.metadata.name,
          )}`,
        })),
      producedBy: modelVersionProducers(
        cluster.name,
        registryNamespaceOf(version),
        version,
      ),
      entityRef: `resource:${cluster.name}/${modelEntityName(model, version)}`,
    }));
  return {
    cluster: cluster.name,
    id: model.id!,
    name: model.name!,
    namespace: registryNamespaceOf(model),
    owner: model.owner,
    description: model.description,
    state: model.state ?? 'LIVE',
    createdAt: iso(model.createTimeSinceEpoch),
    updatedAt: iso(model.lastUpdateTimeSinceEpoch),
    versions,
    entityRef: `resource:${cluster.name}/${modelEntityName(model)}`,
  };
}

/**
 * Registered models (Model Registry): one model with its versions, artifacts and deployments
 * from the watch cache, and a version's state change (archive / restore) after the caller's
 * rights in the model's profile are checked.
 */
export function modelRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();
  const base = '/clusters/:cluster/namespaces/:namespace/models/:name';

  const artifacts = new ArtifactsByVersion(clusters);

  /** The registry's view of a profile's models: them, their versions with artifacts, deployments. */
  async function snapshot(cluster: KubeflowClusterConfig, namespace: string) {
    const [models, allVersions, inferenceServices] = await Promise.all([
      clusters.cache.list(cluster.name, 'modelregistry.models'),
      clusters.cache.list(cluster.name, 'modelregistry.versions'),
      clusters.cache.list(cluster.name, 'modelregistry.inferenceservices'),
    ]);
    const inProfile: RegisteredModel[] = models.filter(
      m => (registryNamespaceOf(m) ?? REGISTRY_NAMESPACE) === namespace,
    );
    const ids = new Set(inProfile.map(m => m.id));
    const versions = allVersions.filter((v: ModelVersion) =>
      ids.has(v.registeredModelId),
    );
    const registry: RegistrySnapshot = {
      models: inProfile,
      versions,
      inferenceServices,
      artifactsByVersion: await artifacts.of(cluster, versions),
    };
    return registry;
  }

  /** The route's model after the caller's permission and the cluster's RBAC allow `access`. */
  async function authorizedTarget(
    req: { params: unknown },
    caller: Caller,
    access: 'read' | 'write',
  ) {
    const { cluster, namespace, name } = namespacedTarget(clusters, req.params);
    await callers.authorize(
      caller,
      cluster.name,
      access === 'read'
        ? kubeflowModelReadPermission
        : kubeflowModelUpdatePermission,
      modelOperation(namespace, access),
    );
    return { cluster, namespace, name };
  }

  /** The profile's models as their pages show them (one, when `name` is given). */
  const modelsOf = async (
    cluster: KubeflowClusterConfig,
    namespace: string,
    name?: string,
  ) => {
    const registry = await snapshot(cluster, namespace);
    const endpoints = await clusters.cache.list(
      cluster.name,
      'inferenceservices',
    );
    const models = registry.models
      .filter(m => !name || m.name === name)
      .sort((a, b) => a.name!.localeCompare(b.name!));
    if (name && !models.length) {
      throw new NotFoundError(
        `No registered model ${namespace}/${name} on ${cluster.name}`,
      );
    }
    return models.map(m => modelDto(cluster, m, registry, endpoints));
  };

  router.get(
    '/clusters/:cluster/namespaces/:namespace/models',
    async (req, res) => {
      const caller = await callers.caller(req);
      const { cluster, namespace } = await authorizedTarget(
        req,
        caller,
        'read',
      );
      res.json(await modelsOf(cluster, namespace));
    },
  );

  router.get(base, async (req, res) => {
    const caller = await callers.caller(req);
    const { cluster, namespace, name } = await authorizedTarget(
      req,
      caller,
      'read',
    );
    res.json((await modelsOf(cluster, namespace, name))[0]);
  });

  // Archive or restore a version: the registry's PATCH of the desired state (idempotent).
  router.post(`${base}/versions/:version/state`, async (req, res) => {
    const { state } = parseBody(stateBody, req.body);
    const caller = await callers.caller(req);
    const { cluster, namespace, name } = await authorizedTarget(
      req,
      caller,
      'write',
    );
    const [model] = await modelsOf(cluster, namespace, name);
    const version = model.versions.find(v => v.name === req.params.version);
    if (!version) {
      throw new NotFoundError(`${name} has no version '${req.params.version}'`);
    }
    if (version.state !== state) {
      await clusters.client(cluster.name).request({
        method: 'PATCH',
        path: `${
          cluster.modelRegistryUrl
        }${MR_API}/model_versions/${encodeURIComponent(version.id)}`,
        body: { state },
      });
      await clusters.cache
        .source(cluster.name, 'modelregistry.versions')
        .refresh?.();
    }
    res.json((await modelsOf(cluster, namespace, name))[0]);
  });

  return router;
}
