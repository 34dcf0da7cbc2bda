import { startSandbox, Sandbox } from '../sandbox';
import type { ProxiedRequest, ProxiedService } from '../store/types';

const NB = '/apis/kubeflow.org/v1/namespaces/team-a/notebooks';

function notebook(name: string, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Notebook',
    metadata: { name, labels: { app: name } },
    spec: {
      template: { spec: { containers: [{ name, image: 'jupyter:1' }] } },
    },
    ...extra,
  };
}

describe('ApiServer', () => {
  let sandbox: Sandbox;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : undefined,
      headers: res.headers,
    };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'none',
      controllers: false,
      historySize: 50,
      bookmarkIntervalMs: 300,
    });
    await call('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
  });
  afterAll(() => sandbox.stop());

  it('paginates with limit/continue and expires old continue tokens with 410', async () => {
    for (let i = 0; i < 7; i++) {
      await call('POST', '/api/v1/namespaces/team-a/configmaps', {
        metadata: { name: `cm-${i}`, labels: { page: 'yes' } },
        data: { i: String(i) },
      });
    }
    const names: string[] = [];
    let token: string | undefined;
    let first: string | undefined;
    do {
      const page = await call(
        'GET',
        `/api/v1/namespaces/team-a/configmaps?labelSelector=page%3Dyes&limit=3${
          token ? `&continue=${token}` : ''
        }`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      names.push(...page.body.items.map((i: any) => i.metadata.name));
      token = page.body.metadata.continue;
      first ??= token;
    } while (token);
    expect(names).toEqual([
      'cm-0',
      'cm-1',
      'cm-2',
      'cm-3',
      'cm-4',
      'cm-5',
      'cm-6',
    ]);
    await call('POST', '/api/v1/namespaces/team-a/configmaps', {
      metadata: { name: 'after-list' },
    });
    await call('POST', '/sandbox/faults', { restart: true });
    const expired = await call(
      'GET',
      `/api/v1/namespaces/team-a/configmaps?limit=3&continue=${first}`,
    );
    expect(expired.status).toBe(410);
    expect(expired.body.reason).toBe('Expired');
  });

  it('answers a watch from a compacted resourceVersion with a 410 ERROR event', async () => {
    const list = await call('GET', '/api/v1/namespaces/team-a/configmaps');
    const old = Number(list.body.metadata.resourceVersion);
    for (let i = 0; i < 60; i++) {
      await call(
        'PATCH',
        '/api/v1/namespaces/team-a/configmaps/cm-0',
        { data: { i: String(i) } },
        { 'Content-Type': 'application/merge-patch+json' },
      );
    }
    const res = await fetch(
      `${sandbox.url}/api/v1/namespaces/team-a/configmaps?watch=1&resourceVersion=${old}`,
    );
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].type).toBe('ERROR');
    expect(lines[0].object).toMatchObject({
      kind: 'Status',
      code: 410,
      reason: 'Expired',
    });
  });

  it('replays a watch from a recent resourceVersion and sends bookmarks', async () => {
    const created = await call('POST', NB, notebook('watched'));
    const rv = created.body.metadata.resourceVersion;
    await call(
      'PATCH',
      `${NB}/watched`,
      { metadata: { labels: { step: '2' } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    const res = await fetch(
      `${sandbox.url}${NB}?watch=1&resourceVersion=${rv}&timeoutSeconds=1&allowWatchBookmarks=true`,
    );
    const events = (await res.text())
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(events[0].type).toBe('MODIFIED');
    expect(events[0].object.metadata.labels.step).toBe('2');
    const bookmarks = events.slice(1);
    expect(bookmarks.length).toBeGreaterThanOrEqual(2);
    expect(bookmarks[0]).toEqual({
      type: 'BOOKMARK',
      object: {
        kind: 'Notebook',
        apiVersion: 'kubeflow.org/v1',
        metadata: {
          resourceVersion: String(sandbox.store.currentResourceVersion()),
        },
      },
    });
  });

  it('rejects a stale resourceVersion with 409 Conflict and a duplicate with AlreadyExists', async () => {
    const created = await call('POST', NB, notebook('conflict'));
    expect(created.status).toBe(201);
    const dup = await call('POST', NB, notebook('conflict'));
    expect(dup.status).toBe(409);
    expect(dup.body.reason).toBe('AlreadyExists');
    const first = await call('PUT', `${NB}/conflict`, {
      ...created.body,
      metadata: { ...created.body.metadata, labels: { v: '1' } },
    });
    expect(first.status).toBe(200);
    const stale = await call('PUT', `${NB}/conflict`, {
      ...created.body,
      metadata: { ...created.body.metadata, labels: { v: '2' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      code: 409,
    });
    expect(stale.body.message).toContain('the object has been modified');
  });

  it('applies merge and JSON patches and bumps generation only on spec changes', async () => {
    await call('POST', NB, notebook('patched'));
    const merged = await call(
      'PATCH',
      `${NB}/patched`,
      { metadata: { annotations: { a: 'b' } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(merged.body.metadata.annotations).toEqual({ a: 'b' });
    expect(merged.body.metadata.generation).toBe(1);
    const json = await call(
      'PATCH',
      `${NB}/patched`,
      [
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/image',
          value: 'jupyter:2',
        },
      ],
      { 'Content-Type': 'application/json-patch+json' },
    );
    expect(json.body.spec.template.spec.containers[0].image).toBe('jupyter:2');
    expect(json.body.metadata.generation).toBe(2);
    const bad = await call(
      'PATCH',
      `${NB}/patched`,
      [{ op: 'remove', path: '/spec/nothing' }],
      { 'Content-Type': 'application/json-patch+json' },
    );
    expect(bad.status).toBe(400);
  });

  it('tracks server-side apply ownership: conflicts between managers, force, idempotent re-apply', async () => {
    const apply = (manager: string, image: string, force = false) =>
      call(
        'PATCH',
        `${NB}/ssa?fieldManager=${manager}${force ? '&force=true' : ''}`,
        notebook('ssa', {
          spec: {
            template: { spec: { containers: [{ name: 'ssa', image }] } },
          },
        }),
        { 'Content-Type': 'application/apply-patch+yaml' },
      );
    const created = await apply('alpha', 'img:1');
    expect(created.status).toBe(201);
    const again = await apply('alpha', 'img:1');
    expect(again.status).toBe(200);
    expect(again.body.metadata.resourceVersion).toBe(
      created.body.metadata.resourceVersion,
    );
    const conflict = await apply('beta', 'img:2');
    expect(conflict.status).toBe(409);
    expect(conflict.body.reason).toBe('Conflict');
    expect(conflict.body.details.causes[0]).toMatchObject({
      reason: 'FieldManagerConflict',
      message: 'conflict with "alpha"',
    });
    expect(conflict.body.details.causes.map((c: any) => c.field)).toContain(
      '.spec.template.spec.containers[name="ssa"].image',
    );
    const forced = await apply('beta', 'img:2', true);
    expect(forced.status).toBe(200);
    expect(forced.body.spec.template.spec.containers[0].image).toBe('img:2');
    const managers = forced.body.metadata.managedFields.map(
      (m: any) => m.manager,
    );
    expect(managers).toEqual(expect.arrayContaining(['alpha', 'beta']));
    const missing = await call('PATCH', `${NB}/ssa`, notebook('ssa'), {
      'Content-Type': 'application/apply-patch+yaml',
    });
    expect(missing.status).toBe(400);
  });

  it('persists nothing and emits no event with dryRun=All', async () => {
    const before = sandbox.store.currentResourceVersion();
    const res = await call('POST', `${NB}?dryRun=All`, notebook('dry'));
    expect(res.status).toBe(201);
    expect(res.body.metadata.name).toBe('dry');
    expect((await call('GET', `${NB}/dry`)).status).toBe(404);
    expect(sandbox.store.currentResourceVersion()).toBe(before);
  });

  it('rejects a Notebook without containers with 422 and prunes unknown fields', async () => {
    const invalid = await call(
      'POST',
      NB,
      notebook('empty', { spec: { template: { spec: { containers: [] } } } }),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.reason).toBe('Invalid');
    expect(invalid.body.details.causes).toEqual([
      expect.objectContaining({
        reason: 'FieldValueInvalid',
        field: 'spec.template.spec.containers',
      }),
    ]);
    const noImage = await call(
      'POST',
      NB,
      notebook('noimage', {
        spec: { template: { spec: { containers: [{ name: 'x' }] } } },
      }),
    );
    expect(noImage.body.details.causes).toEqual([
      {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: 'spec.template.spec.containers[0].image',
      },
    ]);
    const pruned = await call(
      'POST',
      NB,
      notebook('pruned', {
        spec: {
          typo: 1,
          template: {
            spec: { containers: [{ name: 'p', image: 'i', bogus: true }] },
          },
        },
      }),
    );
    expect(pruned.status).toBe(201);
    expect(pruned.body.spec).toEqual({
      template: { spec: { containers: [{ name: 'p', image: 'i' }] } },
    });
    const strict = await call(
      'POST',
      `${NB}?fieldValidation=Strict`,
      notebook('strict', {
        spec: {
          typo: 1,
          template: { spec: { containers: [{ name: 'p', image: 'i' }] } },
        },
      }),
    );
    expect(strict.status).toBe(400);
    expect(strict.body.message).toContain('unknown field "spec.typo"');
  });

  it('returns the apiserver Forbidden message to an impersonated stranger', async () => {
    const res = await call('GET', NB, undefined, {
      'Impersonate-User': 'stranger@example.com',
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe(
      'notebooks.kubeflow.org is forbidden: User "stranger@example.com" cannot list resource "notebooks" in API group "kubeflow.org" in the namespace "team-a"',
    );
    const one = await call('GET', `${NB}/pruned`, undefined, {
      'Impersonate-User': 'stranger@example.com',
    });
    expect(one.body.message).toMatch(
      /^notebooks.kubeflow.org "pruned" is forbidden: User "stranger@example.com" cannot get resource/,
    );
  });

  it('serves discovery, OpenAPI v3 and 404 for metrics.k8s.io', async () => {
    const groups = await call('GET', '/apis');
    expect(groups.body.groups.map((g: any) => g.name)).toContain(
      'serving.kserve.io',
    );
    const nbGroup = groups.body.groups.find(
      (g: any) => g.name === 'kubeflow.org',
    );
    expect(nbGroup.preferredVersion.version).toBe('v1');
    const list = await call('GET', '/apis/kubeflow.org/v1');
    const nb = list.body.resources.find((r: any) => r.name === 'notebooks');
    expect(nb).toMatchObject({
      kind: 'Notebook',
      namespaced: true,
      singularName: 'notebook',
    });
    expect(list.body.resources.map((r: any) => r.name)).toContain(
      'notebooks/status',
    );
    const index = await call('GET', '/openapi/v3');
    const url = index.body.paths['apis/kubeflow.org/v1'].serverRelativeURL;
    const doc = await call('GET', url);
    expect(
      doc.body.components.schemas['org.kubeflow.v1.Notebook'][
        'x-kubernetes-group-version-kind'
      ],
    ).toEqual([{ group: 'kubeflow.org', version: 'v1', kind: 'Notebook' }]);
    expect(
      (await call('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/team-a/pods'))
        .status,
    ).toBe(404);
    expect(
      (await call('GET', '/apis/batch/v1/jobs?labelSelector=app%3Dx')).body
        .items,
    ).toEqual([]);
  });

  it('hides a group when the missing-CRD fault is set', async () => {
    await call('POST', '/sandbox/faults', {
      missingGroups: ['serving.kserve.io'],
    });
    const groups = await call('GET', '/apis');
    expect(groups.body.groups.map((g: any) => g.name)).not.toContain(
      'serving.kserve.io',
    );
    expect(
      (await call('GET', '/apis/serving.kserve.io/v1beta1/inferenceservices'))
        .status,
    ).toBe(404);
    await call('DELETE', '/sandbox/faults');
    expect(
      (await call('GET', '/apis/serving.kserve.io/v1beta1/inferenceservices'))
        .status,
    ).toBe(200);
  });

  it('injects errors and latency from the fault endpoint', async () => {
    await call('POST', '/sandbox/faults', {
      errors: { '503': 1 },
      errorPathPrefix: '/api/v1/namespaces/team-a/configmaps',
    });
    const failed = await call('GET', '/api/v1/namespaces/team-a/configmaps');
    expect(failed.status).toBe(503);
    expect((await call('GET', '/api/v1/namespaces')).status).toBe(200);
    expect((await call('GET', '/sandbox/faults')).body.errors).toEqual({
      '503': 1,
    });
    await call('DELETE', '/sandbox/faults');
    expect(
      (await call('GET', '/api/v1/namespaces/team-a/configmaps')).status,
    ).toBe(200);
  });

  it('dispatches the service proxy to a registered ProxiedService with the caller identity', async () => {
    const seen: ProxiedRequest[] = [];
    const fake: ProxiedService = {
      namespace: 'kubeflow',
      name: 'fake',
      port: 9000,
      handle: request => {
        seen.push(request);
        return { status: 200, body: { ok: true, path: request.path } };
      },
      snapshot: () => ({}),
      restore: () => undefined,
    };
    sandbox.registerService(fake);
    const res = await call(
      'GET',
      '/api/v1/namespaces/kubeflow/services/fake:9000/proxy/apis/v2beta1/runs?page_size=5',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, path: '/apis/v2beta1/runs' });
    expect(seen[0].query.get('page_size')).toBe('5');
    expect(seen[0].user).toBeUndefined();
    const unknown = await call(
      'GET',
      '/api/v1/namespaces/kubeflow/services/nothing:1/proxy/',
    );
    expect(unknown.status).toBe(404);
    const denied = await call(
      'GET',
      '/api/v1/namespaces/kubeflow/services/fake:9000/proxy/x',
      undefined,
      { 'Impersonate-User': 'eve@example.com' },
    );
    expect(denied.status).toBe(403);
  });
  it('authenticates ServiceAccount bearer tokens and serves pod logs', async () => {
    sandbox.store.create('serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'bot', namespace: 'team-a' },
    });
    sandbox.store.create('secrets', {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: 'bot-token',
        namespace: 'team-a',
        annotations: { 'kubernetes.io/service-account.name': 'bot' },
      },
      data: { token: Buffer.from('s3cret').toString('base64') },
    });
    sandbox.store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'p-0',
        namespace: 'team-a',
        annotations: { 'sandbox.kubeflow.org/log': 'one\ntwo\nthree\n' },
      },
      spec: { containers: [{ name: 'c', image: 'i' }] },
    });
    const denied = await call(
      'GET',
      '/api/v1/namespaces/team-a/pods/p-0/log',
      undefined,
      { Authorization: 'Bearer s3cret' },
    );
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain(
      'User "system:serviceaccount:team-a:bot" cannot get resource "pods/log"',
    );
    sandbox.store.create('rolebindings.rbac.authorization.k8s.io', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'bot-view', namespace: 'team-a' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'kubeflow-view',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'bot', namespace: 'team-a' }],
    });
    const res = await fetch(
      `${sandbox.url}/api/v1/namespaces/team-a/pods/p-0/log?tailLines=2`,
      { headers: { Authorization: 'Bearer s3cret' } },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('two\nthree\n');
  });

  it('turns selector transitions into ADDED/DELETED watch events', async () => {
    await call('POST', '/api/v1/namespaces/team-a/configmaps', {
      metadata: { name: 'sel', labels: { pick: 'no' } },
    });
    const res = await fetch(
      `${sandbox.url}/api/v1/namespaces/team-a/configmaps?watch=true&labelSelector=pick%3Dyes&timeoutSeconds=1`,
    );
    const body = res.text();
    await call(
      'PATCH',
      '/api/v1/namespaces/team-a/configmaps/sel',
      { metadata: { labels: { pick: 'yes' } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    await call(
      'PATCH',
      '/api/v1/namespaces/team-a/configmaps/sel',
      { data: { x: '1' } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    await call(
      'PATCH',
      '/api/v1/namespaces/team-a/configmaps/sel',
      { metadata: { labels: { pick: 'no' } } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    const events = (await body)
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(events.map(e => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });

  it('holds hung requests until the faults are cleared, and deletes collections', async () => {
    await call('POST', '/sandbox/faults', {
      hangPathPrefix: '/api/v1/namespaces/team-a/secrets',
    });
    let answered = false;
    const pending = call('GET', '/api/v1/namespaces/team-a/secrets').then(r => {
      answered = true;
      return r;
    });
    await new Promise(resolve => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    await call('DELETE', '/sandbox/faults');
    expect((await pending).status).toBe(200);
    const removed = await call(
      'DELETE',
      '/api/v1/namespaces/team-a/configmaps?labelSelector=page%3Dyes',
    );
    expect(removed.body.items).toHaveLength(7);
    expect(
      (
        await call(
          'GET',
          '/api/v1/namespaces/team-a/configmaps?labelSelector=page%3Dyes',
        )
      ).body.items,
    ).toEqual([]);
  });
  it('serves the scale subresource of Deployments', async () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } } },
      },
    };
    expect(
      (
        await call(
          'POST',
          '/apis/apps/v1/namespaces/team-a/deployments',
          deploy,
        )
      ).status,
    ).toBe(201);
    const scaled = await call(
      'PATCH',
      '/apis/apps/v1/namespaces/team-a/deployments/web/scale',
      { spec: { replicas: 3 } },
      { 'Content-Type': 'application/merge-patch+json' },
    );
    expect(scaled.body).toMatchObject({
      kind: 'Scale',
      spec: { replicas: 3 },
      status: { selector: 'app=web' },
    });
    expect(
      (await call('GET', '/apis/apps/v1/namespaces/team-a/deployments/web'))
        .body.spec.replicas,
    ).toBe(3);
  });
  it('answers SubjectAccessReviews for another user as JSON', async () => {
    await call(
      'POST',
      '/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/rolebindings',
      {
        metadata: { name: 'viewers' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'kubeflow-view',
        },
        subjects: [
          {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'Group',
            name: 'team-a-viewers',
          },
        ],
      },
    );
    const review = (user: string, groups: string[], verb: string) =>
      call('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user,
          groups,
          resourceAttributes: {
            namespace: 'team-a',
            verb,
            group: 'kubeflow.org',
            resource: 'notebooks',
          },
        },
      });
    const allowed = await review(
      'erin@example.com',
      ['team-a-viewers'],
      'list',
    );
    expect(allowed.status).toBe(201);
    expect(allowed.body.status.allowed).toBe(true);
    expect(allowed.body.status.reason).toContain(
      'RoleBinding "viewers/team-a"',
    );
    expect(
      (await review('erin@example.com', ['team-a-viewers'], 'create')).body
        .status,
    ).toEqual({ allowed: false });
    expect(
      (await review('erin@example.com', [], 'list')).body.status.allowed,
    ).toBe(false);
  });
});
