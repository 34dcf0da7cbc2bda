import { listKfp } from '@kubeflow-backstage/plugin-kubeflow-node';
import { ClusterSession, toBackstageError } from './ClusterSession';

/** A KFP v2beta1 filter on one string field. */
export function equalsFilter(key: string, value: string): string {
  return JSON.stringify({
    predicates: [{ key, operation: 'EQUALS', string_value: value }],
  });
}

type KfpResource =
  | 'pipelines'
  | 'pipelineversions'
  | 'experiments'
  | 'runs'
  | 'recurringruns';

/**
 * The KFP v2beta1 calls the pipeline actions make. KFP in multi-user mode cannot take the user's
 * identity through the Kubernetes service proxy (it trusts `kubeflow-userid` only from the Istio
 * gateway), so each call first checks, by a
 * SubjectAccessReview, that the user holds the right KFP itself would check
 * (`pipelines.kubeflow.org` <resource> in the namespace), then calls with the portal's identity.
 */
export class Kfp {
  constructor(private readonly session: ClusterSession) {}

  url(path: string): string {
    return `${this.session.client.cluster.pipelinesUrl}/apis/v2beta1${path}`;
  }

  private authorize(
    verb: 'get' | 'list' | 'create',
    resource: KfpResource,
    namespace: string,
  ) {
    return this.session.authorize({
      verb,
      group: 'pipelines.kubeflow.org',
      resource,
      namespace,
    });
  }

  /** Throws NotAllowedError unless the user may create the resource (what a dry run checks). */
  mayCreate(resource: KfpResource, namespace: string) {
    return this.authorize('create', resource, namespace);
  }

  async pipelineByName(
    name: string,
    namespace: string,
  ): Promise<any | undefined> {
    await this.authorize('list', 'pipelines', namespace);
    const found = await listKfp(this.session.client, {
      url: this.url('/pipelines'),
      itemsKey: 'pipelines',
      query: { namespace, filter: equalsFilter('name', name) },
      max: 1,
    }).catch(e => {
      throw toBackstageError(e, `look up pipeline ${name}`);
    });
    return found[0];
  }

  async versions(pipelineId: string, namespace: string): Promise<any[]> {
    await this.authorize('list', 'pipelineversions', namespace);
    const versions = await listKfp(this.session.client, {
      url: this.url(`/pipelines/${encodeURIComponent(pipelineId)}/versions`),
      itemsKey: 'pipeline_versions',
    }).catch(e => {
      throw toBackstageError(e, 'list the pipeline versions');
    });
    return versions.sort((a, b) =>
      String(b.created_at).localeCompare(String(a.created_at)),
    );
  }

  async findByDisplayName(
    collection: 'experiments' | 'runs' | 'recurringruns',
    itemsKey: string,
    displayName: string,
    query: Record<string, string | undefined> & { namespace: string },
  ): Promise<any | undefined> {
    await this.authorize('list', collection, query.namespace);
    const found = await listKfp(this.session.client, {
      url: this.url(`/${collection}`),
      itemsKey,
      query: { ...query, filter: equalsFilter('display_name', displayName) },
      max: 1,
    }).catch(e => {
      throw toBackstageError(e, `look up ${collection}`);
    });
    return found[0];
  }

  async create<T = any>(
    resource: KfpResource,
    namespace: string,
    path: string,
    body: unknown,
    what: string,
  ): Promise<T> {
    await this.authorize('create', resource, namespace);
    return this.session.portalRequest<T>(
      { method: 'POST', path: this.url(path), body },
      what,
    );
  }
}
