import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import { clusterOf, startTestSandbox } from '../__testUtils__/sandbox';
import { ClusterClient } from '../clients/ClusterClient';
import { WatchCache } from './WatchCache';

const PORTAL = 'system:serviceaccount:kubeflow:portal';

/**
 * KFP in multi-user mode (the sandbox's, as a standard Kubeflow install) lists experiments and
 * recurring runs only per namespace, and namespaced pipelines only with their namespace; it
 * authorizes the caller with SubjectAccessReviews on pipelines.kubeflow.org.
 */
describe('KFP sources as a non-admin identity (multi-user KFP)', () => {
  let sandbox: Sandbox;
  let cache: WatchCache | undefined;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seed: 'demo' });
    const { store } = sandbox;
    store.create('serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'portal', namespace: 'kubeflow' },
    });
    store.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: 'portal-token',
        namespace: 'kubeflow',
        annotations: { 'kubernetes.io/service-account.name': 'portal' },
      },
      data: { token: Buffer.from('portal-token').toString('base64') },
    });
    store.create('clusterroles.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'portal' },
      rules: [
        { apiGroups: ['kubeflow.org'], resources: ['profiles'], verbs: ['list'] },
        {
          apiGroups: [''],
          resources: ['services/proxy'],
          resourceNames: ['ml-pipeline:8888'],
          verbs: ['get'],
        },
      ],
    });
    store.create('clusterrolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'portal' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'portal',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'portal', namespace: 'kubeflow' }],
    });
  });
  afterEach(() => cache?.stop());
  afterAll(() => sandbox.stop());

  const portalCache = () =>
    new WatchCache({
      clients: [
        new ClusterClient({
          cluster: {
            ...clusterOf(sandbox),
            authProvider: 'serviceAccount',
            serviceAccountToken: 'portal-token',
          },
          backoff: { initialMs: 20, maxMs: 200 },
        }),
      ],
      pollMs: 60_000,
    });
  const kfpGrant = (verbs: string[]) => {
    const role = sandbox.store.peek(
      'clusterroles.rbac.authorization.k8s.io',
      undefined,
      'portal',
    )!;
    sandbox.store.update('clusterroles.rbac.authorization.k8s.io', {
      ...role,
      rules: [
        ...(role.rules as any[]).filter(
          r => !r.apiGroups.includes('pipelines.kubeflow.org'),
        ),
        ...(verbs.length
          ? [
              {
                apiGroups: ['pipelines.kubeflow.org'],
                resources: ['pipelines', 'experiments', 'recurringruns'],
                verbs,
              },
            ]
          : []),
      ],
    });
  };

  it('reads every profile namespace, and shared pipelines too, with the grant KFP checks', async () => {
    kfpGrant(['list']);
    cache = portalCache();
    const experiments = await cache.list('sandbox', 'kfp.experiments');
    const namespaces = new Set(experiments.map(e => e.namespace));
    expect([...namespaces].sort()).toEqual([
      'team-forecasting',
      'team-nlp',
      'team-vision',
    ]);
    const pipelines = await cache.list('sandbox', 'kfp.pipelines');
    expect(pipelines.some(p => p.namespace === 'team-vision')).toBe(true);
    expect(
      (await cache.list('sandbox', 'kfp.recurringruns')).length,
    ).toBeGreaterThan(0);
    expect(cache.source('sandbox', 'kfp.experiments').health().state).toBe(
      'synced',
    );
  });

  it('is stale with KFP’s refusal when the identity may not list there', async () => {
    kfpGrant([]);
    cache = portalCache();
    await expect(
      cache.list('sandbox', 'kfp.experiments', 3_000),
    ).rejects.toThrow();
    const health = cache.source('sandbox', 'kfp.experiments').health();
    expect(health.state).not.toBe('synced');
    expect(health.lastError).toContain(
      `User '${PORTAL}' is not authorized`,
    );
  });
});
