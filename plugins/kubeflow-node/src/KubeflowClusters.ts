import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ClusterClient } from './clients/ClusterClient';
import { WatchCache } from './cache/WatchCache';
import { KubeflowClusterConfig, readKubeflowClustersConfig } from './config';
import { ClusterComponents, discoverComponents } from './discovery';
import { IdentityMapping, Tenancy } from './tenancy/Tenancy';

/**
 * Everything the Kubeflow backend plugins share about the clusters: their configuration, a client
 * per cluster, the process-wide watch cache, component discovery and tenancy.
 *
 * @public
 */
export class KubeflowClusters {
  readonly clusters: KubeflowClusterConfig[];
  readonly cache: WatchCache;
  readonly tenancy: Tenancy;
  private readonly clients: Map<string, ClusterClient>;
  private readonly discovered = new Map<
    string,
    { at: number; components: Promise<ClusterComponents> }
  >();

  static fromConfig(config: Config): KubeflowClusters {
    const from = config.getOptionalString('kubeflow.identity.from') as
      | IdentityMapping['from']
      | undefined;
    return new KubeflowClusters({
      clusters: readKubeflowClustersConfig(config),
      mapping: {
        from: from ?? 'email',
        nameSuffix: config.getOptionalString('kubeflow.identity.nameSuffix'),
      },
    });
  }

  constructor(options: {
    clusters: KubeflowClusterConfig[];
    mapping?: IdentityMapping;
    timeoutMs?: number;
    cache?: {
      pageSize?: number;
      resyncMs?: number;
      pollMs?: number;
      idleMs?: number;
    };
  }) {
    this.clusters = options.clusters;
    this.clients = new Map(
      options.clusters.map(cluster => [
        cluster.name,
        new ClusterClient({ cluster, timeoutMs: options.timeoutMs }),
      ]),
    );
    this.cache = new WatchCache({
      clients: [...this.clients.values()],
      ...options.cache,
    });
    this.tenancy = new Tenancy({
      clients: this.clients,
      mapping: options.mapping,
    });
  }

  /** The client of a configured cluster; throws for a name that is not configured. */
  client(cluster: string): ClusterClient {
    const client = this.clients.get(cluster);
    if (!client) throw new Error(`Unknown Kubeflow cluster '${cluster}'`);
    return client;
  }

  /** Which components the cluster has (re-checked at most once a minute). */
  components(cluster: string): Promise<ClusterComponents> {
    const hit = this.discovered.get(cluster);
    if (hit && Date.now() - hit.at < 60_000) return hit.components;
    const components = discoverComponents(this.client(cluster));
    this.discovered.set(cluster, { at: Date.now(), components });
    return components;
  }

  stop(): void {
    this.cache.stop();
  }
}

/**
 * The root-scoped service: one {@link KubeflowClusters}, and so one watch per cluster × resource,
 * for all plugins in the backend process.
 *
 * @public
 */
export const kubeflowClustersServiceRef = createServiceRef<KubeflowClusters>({
  id: 'kubeflow.clusters',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        lifecycle: coreServices.rootLifecycle,
      },
      factory({ config, lifecycle }) {
        const clusters = KubeflowClusters.fromConfig(config);
        lifecycle.addShutdownHook(() => clusters.stop());
        return clusters;
      },
    }),
});
