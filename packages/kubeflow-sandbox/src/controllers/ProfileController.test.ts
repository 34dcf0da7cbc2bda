import { ProfileController } from './ProfileController';
import {
  startCluster,
  waitFor,
  type TestCluster,
} from './__fixtures__/harness';

const PROFILES = 'profiles.kubeflow.org';
const RB = 'rolebindings.rbac.authorization.k8s.io';

describe('ProfileController', () => {
  let cluster: TestCluster;
  beforeEach(() => {
    cluster = startCluster([new ProfileController()]);
  });
  afterEach(() => cluster.stop());

  it('creates the namespace, bindings, service accounts and quota', async () => {
    const { store } = cluster;
    store.create(PROFILES, {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Profile',
      metadata: { name: 'team-vision' },
      spec: {
        owner: { kind: 'User', name: 'alice@example.com' },
        resourceQuotaSpec: {
          hard: { cpu: '16', memory: '64Gi', 'requests.nvidia.com/gpu': '2' },
        },
      },
    });
    const ns = await waitFor(() =>
      store.get('namespaces', undefined, 'team-vision'),
    );
    expect(ns.metadata.annotations).toEqual({ owner: 'alice@example.com' });
    expect(ns.metadata.labels).toMatchObject({
      'app.kubernetes.io/part-of': 'kubeflow-profile',
      'istio-injection': 'enabled',
      'katib.kubeflow.org/metrics-collector-injection': 'enabled',
      'pipelines.kubeflow.org/enabled': 'true',
      'serving.kubeflow.org/inferenceservice': 'enabled',
    });
    expect(ns.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Profile',
      name: 'team-vision',
    });
    const admin = await waitFor(() =>
      store.get(RB, 'team-vision', 'namespaceAdmin'),
    );
    expect(admin.metadata.annotations).toEqual({
      user: 'alice@example.com',
      role: 'admin',
    });
    expect((admin as any).roleRef.name).toBe('kubeflow-admin');
    expect((admin as any).subjects[0]).toMatchObject({
      kind: 'User',
      name: 'alice@example.com',
    });
    expect(
      store.get('serviceaccounts', 'team-vision', 'default-editor'),
    ).toBeDefined();
    expect(
      store.get('serviceaccounts', 'team-vision', 'default-viewer'),
    ).toBeDefined();
    expect(
      (store.get(RB, 'team-vision', 'default-editor') as any).roleRef.name,
    ).toBe('kubeflow-edit');
    expect(
      (store.get(RB, 'team-vision', 'default-viewer') as any).roleRef.name,
    ).toBe('kubeflow-view');
    expect(
      (
        store.get('resourcequotas', 'team-vision', 'kf-resource-quota')!
          .spec as any
      ).hard.cpu,
    ).toBe('16');
    expect(
      store.get(PROFILES, undefined, 'team-vision')!.metadata.finalizers,
    ).toEqual(['profile-finalizer']);
  });

  it('fails when the namespace belongs to someone else', async () => {
    const { store } = cluster;
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'taken',
        annotations: { owner: 'mallory@example.com' },
      },
    });
    store.create(PROFILES, {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Profile',
      metadata: { name: 'taken' },
      spec: { owner: { kind: 'User', name: 'bob@example.com' } },
    });
    const profile = await waitFor(() => {
      const p = store.get(PROFILES, undefined, 'taken') as any;
      return p?.status?.conditions?.length && p;
    });
    expect(profile.status.conditions).toEqual([
      {
        type: 'Failed',
        status: 'True',
        message:
          'namespace already exist, but not owned by profile creator bob@example.com',
      },
    ]);
    expect(
      store.get('namespaces', undefined, 'taken')!.metadata.annotations!.owner,
    ).toBe('mallory@example.com');
  });

  it('removes its finalizer on delete so the profile and namespace go', async () => {
    const { store } = cluster;
    store.create(PROFILES, {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Profile',
      metadata: { name: 'short-lived' },
      spec: { owner: { kind: 'User', name: 'carol@example.com' } },
    });
    await waitFor(
      () =>
        store.get(PROFILES, undefined, 'short-lived')?.metadata.finalizers
          ?.length,
    );
    await waitFor(() => store.get('namespaces', undefined, 'short-lived'));
    store.delete(PROFILES, undefined, 'short-lived');
    await waitFor(() => !store.get(PROFILES, undefined, 'short-lived'));
    expect(store.get(PROFILES, undefined, 'short-lived')).toBeUndefined();
    await waitFor(() => {
      const ns = store.get('namespaces', undefined, 'short-lived');
      return !ns || !!ns.metadata.deletionTimestamp;
    });
  });
});
