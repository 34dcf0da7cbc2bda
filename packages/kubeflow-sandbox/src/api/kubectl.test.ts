import { spawn } from 'node:child_process';
import { startSandbox, Sandbox } from '../sandbox';
import { KUBECTL, KubectlResult, runKubectl } from './__fixtures__/kubectl';

describe('kubectl 1.32 against the sandbox', () => {
  let sandbox: Sandbox;

  const kubectl = (args: string[], input?: string): Promise<KubectlResult> =>
    runKubectl(sandbox.url, args, input);

  const rbac = (name: string, role: string, user: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${name}, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: ${user}}]
---`;

  const manifest = `
apiVersion: v1
kind: Namespace
metadata: {name: team-a}
---
apiVersion: kubeflow.org/v1
kind: Notebook
metadata:
  name: nb1
  namespace: team-a
  labels: {app: nb1, tier: gpu}
spec:
  template:
    spec:
      containers:
      - name: nb1
        image: jupyter:1
---
apiVersion: kubeflow.org/v1
kind: Notebook
metadata:
  name: nb2
  namespace: team-a
  labels: {app: nb2, tier: cpu}
spec:
  template:
    spec:
      containers:
      - name: nb2
        image: jupyter:1
`;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'none', timeScale: 0.01 });
  });
  afterAll(() => sandbox.stop());

  it('lists the Kubeflow kinds in api-resources', async () => {
    const { stdout, code } = await kubectl(['api-resources']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^notebooks\s+kubeflow.org\/v1\s+true\s+Notebook$/m);
    expect(stdout).toMatch(
      /^inferenceservices\s+isvc\s+serving.kserve.io\/v1beta1\s+true\s+InferenceService$/m,
    );
    expect(stdout).toMatch(
      /^experiments\s+kubeflow.org\/v1beta1\s+true\s+Experiment$/m,
    );
  });

  it('explains notebook.spec from the OpenAPI v3 schema', async () => {
    const { stdout, code } = await kubectl(['explain', 'notebook.spec']);
    expect(code).toBe(0);
    expect(stdout).toContain('KIND:       Notebook');
    expect(stdout).toContain('template\t<Object>');
    const image = await kubectl([
      'explain',
      'notebook.spec.template.spec.containers.image',
    ]);
    expect(image.stdout).toContain('FIELD: image <string>');
  });

  it('applies twice idempotently and gets with label selectors', async () => {
    const first = await kubectl(['apply', '-f', '-'], manifest);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('notebook.kubeflow.org/nb1 created');
    const rv1 = (
      await kubectl([
        'get',
        'notebook',
        'nb1',
        '-n',
        'team-a',
        '-o',
        'jsonpath={.metadata.resourceVersion}',
      ])
    ).stdout;
    const second = await kubectl(['apply', '-f', '-'], manifest);
    expect(second.stdout).toContain('notebook.kubeflow.org/nb1 unchanged');
    expect(second.stdout).toContain('namespace/team-a unchanged');
    const rv2 = (
      await kubectl([
        'get',
        'notebook',
        'nb1',
        '-n',
        'team-a',
        '-o',
        'jsonpath={.metadata.resourceVersion}',
      ])
    ).stdout;
    expect(rv2).toBe(rv1);
    const gpu = await kubectl([
      'get',
      'notebooks',
      '-A',
      '-l',
      'tier=gpu',
      '-o',
      'name',
    ]);
    expect(gpu.stdout.trim()).toBe('notebook.kubeflow.org/nb1');
    const notGpu = await kubectl([
      'get',
      'notebooks',
      '-A',
      '-l',
      'tier notin (gpu),app',
      '-o',
      'name',
    ]);
    expect(notGpu.stdout.trim()).toBe('notebook.kubeflow.org/nb2');
    const table = await kubectl([
      'get',
      'notebooks',
      '-A',
      '-l',
      'app in (nb1,nb2)',
    ]);
    expect(table.stdout).toMatch(/^NAMESPACE\s+NAME\s+AGE$/m);
    expect(table.stdout).toMatch(/^team-a\s+nb2\s+\d+s$/m);
  });

  it('refuses a kind it does not serve as a real API server makes kubectl say', async () => {
    const unknown = await kubectl(
      ['apply', '-f', '-'],
      'apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: x, namespace: team-a}\nspec: {}\n',
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain(
      'no matches for kind "Foo" in version "example.com/v1"',
    );
    expect(unknown.stderr).toContain('ensure CRDs are installed first');
    expect(unknown.stderr).not.toMatch(/openapi/);
  });

  it('patches with --type merge and --type json', async () => {
    const merge = await kubectl([
      'patch',
      'notebook',
      'nb2',
      '-n',
      'team-a',
      '--type',
      'merge',
      '-p',
      '{"metadata":{"annotations":{"kubeflow-resource-stopped":"2026-01-01T00:00:00Z"}}}',
    ]);
    expect(merge.stdout.trim()).toBe('notebook.kubeflow.org/nb2 patched');
    const json = await kubectl([
      'patch',
      'notebook',
      'nb2',
      '-n',
      'team-a',
      '--type',
      'json',
      '-p',
      '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"jupyter:2"}]',
    ]);
    expect(json.stdout.trim()).toBe('notebook.kubeflow.org/nb2 patched');
    const got = await kubectl([
      'get',
      'notebook',
      'nb2',
      '-n',
      'team-a',
      '-o',
      'json',
    ]);
    const nb = JSON.parse(got.stdout);
    expect(nb.metadata.annotations['kubeflow-resource-stopped']).toBe(
      '2026-01-01T00:00:00Z',
    );
    expect(nb.spec.template.spec.containers[0].image).toBe('jupyter:2');
    expect(nb.metadata.generation).toBe(2);
  });

  it('server-side applies with field managers, conflicts and --force-conflicts', async () => {
    const config = (image: string) => `
apiVersion: kubeflow.org/v1
kind: Notebook
metadata: {name: ssa, namespace: team-a}
spec:
  template:
    spec:
      containers:
      - name: ssa
        image: ${image}
`;
    const first = await kubectl(
      ['apply', '--server-side', '--field-manager=alpha', '-f', '-'],
      config('img:1'),
    );
    expect(first.stdout.trim()).toBe(
      'notebook.kubeflow.org/ssa serverside-applied',
    );
    const conflict = await kubectl(
      ['apply', '--server-side', '--field-manager=beta', '-f', '-'],
      config('img:2'),
    );
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain('conflict with "alpha"');
    const forced = await kubectl(
      [
        'apply',
        '--server-side',
        '--field-manager=beta',
        '--force-conflicts',
        '-f',
        '-',
      ],
      config('img:2'),
    );
    expect(forced.code).toBe(0);
    const image = await kubectl([
      'get',
      'notebook',
      'ssa',
      '-n',
      'team-a',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image}',
    ]);
    expect(image.stdout).toBe('img:2');
  });

  it('streams a change made after get -w started', async () => {
    const child = spawn(
      KUBECTL,
      [
        `--server=${sandbox.url}`,
        'get',
        'notebooks',
        '-n',
        'team-a',
        '-w',
        '-o',
        'json',
      ],
      {
        env: { ...process.env, KUBECONFIG: '/dev/null', HOME: '/tmp' },
      },
    );
    let out = '';
    child.stdout.on('data', d => {
      out += d;
    });
    await new Promise(resolve => setTimeout(resolve, 800));
    await kubectl(['label', 'notebook', 'nb1', '-n', 'team-a', 'watched=yes']);
    const deadline = Date.now() + 5000;
    while (!out.includes('"watched": "yes"') && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    child.kill();
    expect(out).toContain('"name": "nb1"');
    expect(out).toContain('"watched": "yes"');
  }, 15_000);

  it('tells the truth in auth can-i for owner, contributor, viewer and stranger', async () => {
    const bindings = [
      rbac('namespaceAdmin', 'kubeflow-admin', 'alice@example.com'),
      rbac(
        'user-bob-example-com-clusterrole-edit',
        'kubeflow-edit',
        'bob@example.com',
      ),
      rbac(
        'user-carol-example-com-clusterrole-view',
        'kubeflow-view',
        'carol@example.com',
      ),
    ].join('\n');
    expect((await kubectl(['apply', '-f', '-'], bindings)).code).toBe(0);
    const canI = async (user: string, verb: string, resource: string) =>
      (
        await kubectl([
          'auth',
          'can-i',
          '--as',
          user,
          verb,
          resource,
          '-n',
          'team-a',
        ])
      ).stdout.trim();
    expect(await canI('alice@example.com', 'create', 'notebooks')).toBe('yes');
    expect(await canI('alice@example.com', 'create', 'rolebindings')).toBe(
      'yes',
    );
    expect(await canI('bob@example.com', 'create', 'notebooks')).toBe('yes');
    expect(await canI('bob@example.com', 'create', 'rolebindings')).toBe('no');
    expect(await canI('carol@example.com', 'create', 'notebooks')).toBe('no');
    expect(await canI('carol@example.com', 'list', 'notebooks')).toBe('yes');
    expect(await canI('mallory@example.com', 'get', 'notebooks')).toBe('no');
    const groupBinding = `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: editors, namespace: team-a}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubeflow-edit}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-a-editors}]`;
    expect((await kubectl(['apply', '-f', '-'], groupBinding)).code).toBe(0);
    const list = await kubectl([
      'auth',
      'can-i',
      '--list',
      '--as',
      'carol@example.com',
      '-n',
      'team-a',
    ]);
    expect(list.stdout).toMatch(
      /^\*\.kubeflow\.org\s+\[\]\s+\[\]\s+\[get list watch\]$/m,
    );
    const viaGroup = await kubectl([
      'auth',
      'can-i',
      '--as',
      'dave@example.com',
      '--as-group',
      'team-a-editors',
      'delete',
      'notebooks',
      '-n',
      'team-a',
    ]);
    expect(viaGroup.stdout.trim()).toBe('yes');
    const denied = await kubectl([
      'get',
      'notebooks',
      '-n',
      'team-a',
      '--as',
      'mallory@example.com',
    ]);
    expect(denied.stderr).toContain(
      'User "mallory@example.com" cannot list resource "notebooks" in API group "kubeflow.org" in the namespace "team-a"',
    );
  });

  it('deletes', async () => {
    const res = await kubectl(['delete', 'notebook', 'nb2', '-n', 'team-a']);
    expect(res.stdout.trim()).toBe('notebook.kubeflow.org "nb2" deleted');
    const left = await kubectl([
      'get',
      'notebooks',
      '-n',
      'team-a',
      '-o',
      'name',
    ]);
    expect(left.stdout.trim().split('\n')).toEqual([
      'notebook.kubeflow.org/nb1',
      'notebook.kubeflow.org/ssa',
    ]);
    const missing = await kubectl(['get', 'notebook', 'nb2', '-n', 'team-a']);
    expect(missing.stderr).toContain('notebooks.kubeflow.org "nb2" not found');
  });
});
