import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import {
  clientOf,
  eventually,
  startTestSandbox,
} from '../__testUtils__/sandbox';
import { ClusterClient } from '../clients/ClusterClient';
import { ResourceOperation, Tenancy } from './Tenancy';

const notebooks = { group: 'kubeflow.org', resource: 'notebooks' };

describe('Tenancy against the sandbox demo profiles', () => {
  let sandbox: Sandbox;
  let client: ClusterClient;
  let tenancy: Tenancy;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seed: 'demo', controllers: true });
    client = clientOf(sandbox);
    tenancy = new Tenancy({ clients: new Map([['sandbox', client]]) });
    await eventually(async () => {
      const list = await client.request({
        path: '/apis/rbac.authorization.k8s.io/v1/namespaces/team-vision/rolebindings',
        query: { limit: 100 },
      });
      return list.items.length >= 4;
    }, 'the profile controller to bind the contributors');
  }, 30_000);
  afterAll(() => sandbox.stop());

  const user = (email: string) => ({ user: email, groups: [] });
  const verbs = ['list', 'create', 'patch', 'delete'] as const;

  // [who, namespace, allowed verbs] — owner: admin, dave: edit, erin: view, bob: nothing here.
  const matrix: Array<[string, string, ReadonlyArray<(typeof verbs)[number]>]> =
    [
      ['alice@example.com', 'team-vision', verbs],
      ['dave@example.com', 'team-vision', verbs],
      ['erin@example.com', 'team-vision', ['list']],
      ['bob@example.com', 'team-vision', []],
      ['alice@example.com', 'team-nlp', []],
      ['bob@example.com', 'team-nlp', verbs],
    ];

  it.each(matrix)(
    '%s in %s may exactly: %j',
    async (email, namespace, allowed) => {
      for (const verb of verbs) {
        const operation: ResourceOperation = { verb, ...notebooks, namespace };
        expect([
          verb,
          await tenancy.can('sandbox', user(email), operation),
        ]).toEqual([verb, allowed.includes(verb)]);
      }
    },
  );

  it('lists the namespaces a user may read', async () => {
    const namespaces = [
      'team-vision',
      'team-nlp',
      'team-forecasting',
      'kubeflow',
    ];
    expect(
      await tenancy.readableNamespaces(
        'sandbox',
        user('erin@example.com'),
        namespaces,
        notebooks,
      ),
    ).toEqual(['team-vision', 'team-nlp']);
    expect(
      await tenancy.readableNamespaces(
        'sandbox',
        user('nobody@example.com'),
        namespaces,
        notebooks,
      ),
    ).toEqual([]);
  });

  it('agrees with the cluster when the user writes through impersonation', async () => {
    const body = {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Notebook',
      metadata: { name: 'by-erin', namespace: 'team-vision' },
      spec: {
        template: {
          spec: { containers: [{ name: 'by-erin', image: 'jupyter' }] },
        },
      },
    };
    await expect(
      client.request({
        method: 'POST',
        path: '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks',
        body,
        as: user('erin@example.com'),
      }),
    ).rejects.toMatchObject({ status: 403, reason: 'Forbidden' });
    const created = await client.request({
      method: 'POST',
      path: '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks',
      body: { ...body, metadata: { ...body.metadata, name: 'by-dave' } },
      as: user('dave@example.com'),
    });
    expect(created.metadata.name).toBe('by-dave');
  });

  it('maps a user entity to its Kubeflow identity', () => {
    expect(
      tenancy.identityOf({
        metadata: { name: 'alice' },
        spec: { profile: { email: 'alice@example.com' } },
      }),
    ).toEqual({ user: 'alice@example.com', groups: [] });
    expect(tenancy.identityOf({ metadata: { name: 'ghost' } })).toBeUndefined();
    const byName = new Tenancy({
      clients: new Map(),
      mapping: { from: 'name', nameSuffix: '@corp.example' },
    });
    expect(byName.identityOf({ metadata: { name: 'alice' } })?.user).toBe(
      'alice@corp.example',
    );
  });
});
