import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CustomResourcesByEntity,
  KubernetesObjectsByEntity,
  KubernetesObjectsProvider,
} from '@backstage/plugin-kubernetes-node';
import { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import {
  Impersonation,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';

const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

/**
 * The Kubernetes plugin reads clusters as the portal's own identity, for whatever namespace an
 * entity's annotations name (any entity: a registered one too) or, without a namespace, for the
 * whole cluster. On a Kubeflow cluster this wrapper keeps a cluster's answer only when the
 * signed-in user may list those objects in the entity's namespace there (SubjectAccessReview, as
 * kubeflow-backend checks); otherwise that cluster answers nothing. Other clusters pass unchanged.
 */
export class KubeflowTenancyObjectsProvider
  implements KubernetesObjectsProvider
{
  private readonly identities = new Map<
    string,
    { identity?: Impersonation; at: number }
  >();

  constructor(
    private readonly options: {
      inner: KubernetesObjectsProvider;
      clusters: KubeflowClusters;
      catalog: CatalogService;
      auth: AuthService;
    },
  ) {}

  async getKubernetesObjectsByEntity(
    request: KubernetesObjectsByEntity,
    options: { credentials: BackstageCredentials },
  ): Promise<ObjectsByEntityResponse> {
    const response = await this.options.inner.getKubernetesObjectsByEntity(
      request,
      options,
    );
    return this.filter(response, request.entity, options.credentials, [
      { group: '', resource: 'pods' },
    ]);
  }

  async getCustomResourcesByEntity(
    request: CustomResourcesByEntity,
    options: { credentials: BackstageCredentials },
  ): Promise<ObjectsByEntityResponse> {
    const response = await this.options.inner.getCustomResourcesByEntity(
      request,
      options,
    );
    return this.filter(
      response,
      request.entity,
      options.credentials,
      request.customResources.map(r => ({
        group: r.group,
        resource: r.plural,
      })),
    );
  }

  private async filter(
    response: ObjectsByEntityResponse,
    entity: Entity,
    credentials: BackstageCredentials,
    resources: Array<{ group: string; resource: string }>,
  ): Promise<ObjectsByEntityResponse> {
    const kubeflow = new Set(this.options.clusters.clusters.map(c => c.name));
    if (!response.items.some(item => kubeflow.has(item.cluster.name))) {
      return response;
    }
    const namespace = entity.metadata.annotations?.[NAMESPACE_ANNOTATION];
    const identity = await this.identityOf(credentials);
    const items = [];
    for (const item of response.items) {
      if (!kubeflow.has(item.cluster.name)) {
        items.push(item);
        continue;
      }
      // No namespace means the whole cluster: never on a Kubeflow cluster.
      if (!namespace || !identity) continue;
      const allowed = await Promise.all(
        resources.map(r =>
          this.options.clusters.tenancy.can(item.cluster.name, identity, {
            verb: 'list',
            ...r,
            namespace,
          }),
        ),
      );
      if (allowed.every(Boolean)) items.push(item);
    }
    return { ...response, items };
  }

  private async identityOf(
    credentials: BackstageCredentials,
  ): Promise<Impersonation | undefined> {
    const ref = (credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    if (!ref) return undefined;
    const hit = this.identities.get(ref);
    if (hit && Date.now() - hit.at < 60_000) return hit.identity;
    const user = await this.options.catalog.getEntityByRef(ref, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    const identity = user
      ? this.options.clusters.tenancy.identityOf(user as any)
      : undefined;
    this.identities.set(ref, { identity, at: Date.now() });
    return identity;
  }
}
