import { mockCredentials } from '@backstage/backend-test-utils';
import { CANARIES, findCanary } from './__testUtils__/canaries';
import {
  CellResult,
  Client,
  decide,
  expectedOf,
  pool,
  renderGrid,
} from './__testUtils__/cells';
import {
  BINDINGS,
  CATALOG_OPERATIONS,
  KUBEFLOW_BACKEND_OPERATIONS,
  NEED_ON_CLUSTER,
  Operation,
  discoverTargets,
  placeholder,
  TARGETS,
  Target,
  USERS,
  expectedAllow,
} from './__testUtils__/matrix';
import {
  SCAFFOLDER_ROWS,
  ScaffolderRow,
  dryRun,
  runTask,
} from './__testUtils__/scaffolder';
import { SecurityRig, startSecurityRig } from './__testUtils__/securityBackend';

const users: string[] = Object.values(USERS);
const namespaces = TARGETS.map(t => t.namespace);
const service = { authorization: mockCredentials.service.header() };

async function eventually<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 150_000,
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('tenancy on every surface: the allow/deny matrix, attacks and secret canaries', () => {
  let rig: SecurityRig;
  let client: Client;
  const attacks: Array<{ attack: string; observed: string; ok: boolean }> = [];
  /** Every scaffolder task log and dry-run log the users got back. */
  const taskLogs: string[] = [];

  /**
   * What a user may change of a cluster object: gone or not, labels, annotations, spec. The
   * notebook culler's activity stamps are the controller's, not a user's, and are left out.
   */
  const snapshot = async (path: string, changeable?: (o: any) => unknown) => {
    const response = await fetch(`${rig.sandbox.url}${path}`);
    if (response.status === 404) return 'absent';
    const o = await response.json();
    if (changeable) return JSON.stringify(changeable(o));
    const annotations = Object.fromEntries(
      Object.entries(o.metadata.annotations ?? {}).filter(
        ([key]) => !/^notebooks\.kubeflow\.org\/last[-_]activity/.test(key),
      ),
    );
    return JSON.stringify([
      o.metadata.labels,
      annotations,
      o.metadata.deletionTimestamp,
      o.spec,
    ]);
  };

  beforeAll(async () => {
    rig = await startSecurityRig();
    client = new Client(rig.baseUrl);
    await discoverTargets(rig.sandbox.url);
    // Every target entity is in the catalog (the provider's first read, then processing).
    const entity = (ref: string) =>
      client
        .send(
          { method: 'GET', path: `/api/catalog/entities/by-name/${ref}` },
          service,
        )
        .then(r => (r.status === 200 ? r.json : undefined));
    for (const t of TARGETS) {
      await eventually(
        () => entity(`resource/sandbox/${t.namespace}.${t.notebook}`),
        `the notebook entity of ${t.namespace}`,
      );
    }
    // The profile groups list their people: the provider has resolved them by e-mail. (No
    // sign-in claims are set: the policy reads membership from these groups.)
    for (const user of [...users, 'carol']) {
      const expected = Object.entries(BINDINGS)
        .filter(([, people]) => people[user])
        .map(([ns]) => `group:sandbox/${ns}`);
      await eventually(async () => {
        const u = await entity(`user/default/${user}`);
        const groups: string[] = (u?.relations ?? [])
          .filter((r: any) => r.type === 'memberOf')
          .map((r: any) => r.targetRef);
        return expected.every(g => groups.includes(g)) ? groups : undefined;
      }, `${user} to be a member of ${expected.join(', ') || 'nothing'}`);
    }
    // Index the catalog for search now that it holds the Kubeflow entities.
    await rig.triggerTask('search_index_software_catalog');
    let last = '';
    await eventually(async () => {
      const r = await client.as(
        'alice',
        CATALOG_OPERATIONS[4].call(TARGETS[0], 'alice'),
      );
      last = `${r.status} ${r.text.slice(0, 300)}`;
      return decide('search-hit', TARGETS[0], r) === 'allow' ? true : undefined;
    }, 'search to find team-vision’s notebook for its owner').catch(error => {
      throw new Error(`${error.message}; last answer ${last}`);
    });
  }, 400_000);

  afterAll(async () => {
    rig?.logs.save('tenancy-matrix-backend.log');
    await rig?.stop();
  });

  it('the written-down roles are the sandbox’s RBAC (SubjectAccessReview per user, namespace, need)', async () => {
    const disagreements: string[] = [];
    for (const user of [...users, 'carol']) {
      for (const namespace of namespaces) {
        for (const need of [
          'read',
          'write',
          'manage',
          'cluster-admin',
        ] as const) {
          const response = await fetch(
            `${rig.sandbox.url}/apis/authorization.k8s.io/v1/subjectaccessreviews`,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SubjectAccessReview',
                spec: {
                  user: `${user}@example.com`,
                  resourceAttributes: {
                    ...NEED_ON_CLUSTER[need],
                    // Profiles are cluster-scoped.
                    namespace: need === 'cluster-admin' ? undefined : namespace,
                  },
                },
              }),
            },
          );
          const allowed = (await response.json()).status.allowed === true;
          if (allowed !== expectedAllow(user, namespace, need))
            disagreements.push(
              `${user} ${need} ${namespace}: cluster says ${allowed}`,
            );
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('decides every cell as the cluster would: zero unexpected allows, zero unexpected denies', async () => {
    const started = Date.now();
    const operations: Operation[] = [
      ...KUBEFLOW_BACKEND_OPERATIONS,
      ...CATALOG_OPERATIONS,
    ];
    const notApplicable: string[] = [];
    /** The target as the row sees it: missing objects named by a placeholder. */
    const resolve = (op: Operation, user: string, target: Target) => {
      const missing = (op.uses ?? []).filter(id => !target.ids[id]);
      if (!missing.length) return target;
      // An allowed cell needs the object; so does a route that finds the namespace from it.
      if (op.idOnly || expectedOf(op, user, target) === 'allow')
        return undefined;
      return {
        ...target,
        ids: {
          ...target.ids,
          ...Object.fromEntries(missing.map(id => [id, placeholder(id)])),
        },
      };
    };
    const cell = async (
      op: Operation,
      user: string,
      original: Target,
    ): Promise<CellResult | undefined> => {
      const target = resolve(op, user, original);
      if (!target) {
        notApplicable.push(`${op.id} | ${user} @ ${original.namespace}`);
        return undefined;
      }
      const path = op.mutates?.(target, user);
      const before = path ? await snapshot(path, op.changeable) : undefined;
      const reply = await client.as(user, op.call(target, user));
      const observed = decide(op.judge, target, reply);
      const result: CellResult = {
        operation: op,
        user,
        target: original,
        expected: expectedOf(op, user, original),
        observed,
      };
      if (path && observed !== 'allow') {
        const after = await snapshot(path, op.changeable);
        if (after !== before) result.changed = `${before} -> ${after}`;
      }
      return result;
    };

    // Reads in parallel. Writes one user at a time per target, the denied cells of a row before
    // its allowed ones, so a denial's "unchanged" check cannot see another cell's allowed change.
    const reads = operations.filter(op => !op.mutates);
    const results = (
      await pool(
        reads.flatMap(op =>
          users.flatMap(user => TARGETS.map(t => () => cell(op, user, t))),
        ),
        6,
      )
    ).filter((r): r is CellResult => !!r);
    for (const op of operations.filter(o => o.mutates)) {
      for (const expected of ['deny', 'allow']) {
        for (const user of users) {
          const cells = await Promise.all(
            TARGETS.filter(t => expectedOf(op, user, t) === expected).map(t =>
              cell(op, user, t),
            ),
          );
          results.push(...cells.filter((r): r is CellResult => !!r));
        }
      }
    }

    const unexpectedAllows = results.filter(
      r => r.expected === 'deny' && r.observed === 'allow',
    );
    const unexpectedDenies = results.filter(
      r => r.expected === 'allow' && r.observed === 'deny',
    );
    const errors = results.filter(r => r.observed.startsWith('error'));
    const changedAfterDeny = results.filter(r => r.changed);
    const line = (r: CellResult) =>
      `  ${r.operation.id} | ${r.user} @ ${r.target.namespace}: expected ${
        r.expected
      }, observed ${r.observed}${
        r.changed ? `; cluster changed ${r.changed}` : ''
      }`;
    // eslint-disable-next-line no-console
    console.log(
      [
        `Tenancy matrix: ${operations.length} operations × ${
          users.length
        } users × ${namespaces.length} namespaces: ${
          results.length
        } cells run in ${Date.now() - started} ms, ${
          notApplicable.length
        } not applicable (the namespace has no such object)`,
        `unexpected allows: ${unexpectedAllows.length}`,
        ...unexpectedAllows.map(line),
        `unexpected denies: ${unexpectedDenies.length}`,
        ...unexpectedDenies.map(line),
        `errors: ${errors.length}`,
        ...errors.map(line),
        `writes denied yet the cluster changed: ${changedAfterDeny.length}`,
        ...changedAfterDeny.map(line),
        `not applicable: ${notApplicable.join('; ')}`,
        `users: ${users.join(', ')}`,
        renderGrid(results, users, namespaces),
      ].join('\n'),
    );
    expect(results.length + notApplicable.length).toBe(
      operations.length * users.length * namespaces.length,
    );
    expect({
      unexpectedAllows: unexpectedAllows.map(line),
      unexpectedDenies: unexpectedDenies.map(line),
      errors: errors.map(line),
      changedAfterDeny: changedAfterDeny.map(line),
    }).toEqual({
      unexpectedAllows: [],
      unexpectedDenies: [],
      errors: [],
      changedAfterDeny: [],
    });
  }, 240_000);

  it('has a row for every kubeflow:* action the scaffolder offers', async () => {
    const installed = await client.as('alice', {
      method: 'GET',
      path: '/api/scaffolder/v2/actions',
    });
    const ids = (installed.json as Array<{ id: string }>)
      .map(a => a.id)
      .filter(id => id.startsWith('kubeflow:'))
      .sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(SCAFFOLDER_ROWS.map(r => r.action).sort()).toEqual(ids);
  });

  it('decides every scaffolder action as the cluster would, with and without dry run', async () => {
    const started = Date.now();
    type ScaffolderCell = {
      row: ScaffolderRow;
      user: string;
      target: Target;
      mode: 'dry run' | 'task';
      expected: 'allow' | 'deny';
      observed?: string;
      changed?: string;
    };
    const cells: ScaffolderCell[] = [];
    const notApplicable: string[] = [];
    for (const row of SCAFFOLDER_ROWS) {
      for (const user of users) {
        for (const original of TARGETS) {
          const expected = expectedAllow(user, original.namespace, row.need)
            ? 'allow'
            : 'deny';
          const missing = (row.uses ?? []).filter(id => !original.ids[id]);
          if (missing.length && expected === 'allow') {
            notApplicable.push(
              `${row.action} | ${user} @ ${original.namespace}`,
            );
            continue;
          }
          const target = {
            ...original,
            ids: {
              ...original.ids,
              ...Object.fromEntries(missing.map(id => [id, placeholder(id)])),
            },
          };
          for (const mode of ['dry run', 'task'] as const)
            cells.push({ row, user, target, mode, expected });
        }
      }
    }
    const run = (c: ScaffolderCell) => async () => {
      const path = c.row.creates?.(c.target, c.user);
      const before = path ? await snapshot(path) : undefined;
      const { decision, log } = await (c.mode === 'dry run' ? dryRun : runTask)(
        client,
        c.user,
        c.row,
        c.target,
      );
      taskLogs.push(log);
      c.observed = decision;
      // A denial changes nothing, and neither does a dry run.
      if (path && (decision !== 'allow' || c.mode === 'dry run')) {
        const after = await snapshot(path);
        if (after !== before) c.changed = `${before} -> ${after}`;
      }
    };
    // Dry runs first (they must change nothing), then denied tasks, then allowed tasks.
    await pool(cells.filter(c => c.mode === 'dry run').map(run), 6);
    await pool(
      cells.filter(c => c.mode === 'task' && c.expected === 'deny').map(run),
      6,
    );
    await pool(
      cells.filter(c => c.mode === 'task' && c.expected === 'allow').map(run),
      6,
    );
    const wrong = cells.filter(c => c.observed !== c.expected || c.changed);
    const line = (c: ScaffolderCell) =>
      `  ${c.row.action} (${c.mode}) | ${c.user} @ ${
        c.target.namespace
      }: expected ${c.expected}, observed ${c.observed}${
        c.changed ? `; cluster changed ${c.changed.slice(0, 200)}` : ''
      }`;
    const grid = SCAFFOLDER_ROWS.flatMap(row =>
      (['dry run', 'task'] as const).map(
        mode =>
          `${`${row.action} (${mode})`.padEnd(58)}${users
            .map(user =>
              namespaces
                .map(namespace => {
                  const c = cells.find(
                    x =>
                      x.row === row &&
                      x.mode === mode &&
                      x.user === user &&
                      x.target.namespace === namespace,
                  );
                  if (!c) return ' ';
                  if (c.observed !== c.expected || c.changed) return '!';
                  return c.observed === 'allow' ? 'A' : '.';
                })
                .join(''),
            )
            .join(' ')}`,
      ),
    );
    // eslint-disable-next-line no-console
    console.log(
      [
        `Scaffolder matrix: ${SCAFFOLDER_ROWS.length} actions × 2 modes × ${
          users.length
        } users × ${namespaces.length} namespaces: ${
          cells.length
        } cells run in ${Date.now() - started} ms, ${
          notApplicable.length * 2
        } not applicable`,
        `unexpected allows: ${
          wrong.filter(c => c.expected === 'deny' && c.observed === 'allow')
            .length
        }`,
        `unexpected denies: ${
          wrong.filter(c => c.expected === 'allow' && c.observed === 'deny')
            .length
        }`,
        `errors or changes: ${
          wrong.filter(
            c => !['allow', 'deny'].includes(c.observed!) || c.changed,
          ).length
        }`,
        ...wrong.map(line),
        ...grid,
      ].join('\n'),
    );
    expect(wrong.map(line)).toEqual([]);
  }, 300_000);

  describe('attacks', () => {
    const record = (attack: string, observed: string, ok: boolean) => {
      attacks.push({ attack, observed, ok });
      return ok;
    };
    const notebooks =
      '/api/kubeflow/clusters/sandbox/namespaces/team-vision/notebooks';

    it('forged identity headers are ignored: kubeflow-userid, Impersonate-User/-Group', async () => {
      const forged = await client.as(
        'zed',
        { method: 'GET', path: notebooks },
        { 'kubeflow-userid': 'alice@example.com' },
      );
      record(
        'GET team-vision notebooks as zed + kubeflow-userid: alice',
        `${forged.status}`,
        forged.status === 403,
      );
      const before = await snapshot(
        '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/defect-eda',
      );
      const impersonating = await client.as(
        'bob',
        { method: 'POST', path: `${notebooks}/defect-eda/stop` },
        {
          'impersonate-user': 'alice@example.com',
          'impersonate-group': 'system:masters',
        },
      );
      const after = await snapshot(
        '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/defect-eda',
      );
      record(
        'POST team-vision notebook stop as bob + Impersonate-User: alice, Impersonate-Group: system:masters',
        `${impersonating.status}, notebook ${
          after === before ? 'unchanged' : 'CHANGED'
        }`,
        impersonating.status === 403 && after === before,
      );
      expect(forged.status).toBe(403);
      expect(impersonating.status).toBe(403);
      expect(after).toBe(before);
    });

    it('Authorization headers that are not Backstage tokens are refused', async () => {
      const tries = {
        none: {},
        'the cluster token': {
          authorization: `Bearer ${CANARIES.clusterToken}`,
        },
        'a ServiceAccount token of team-vision': {
          authorization: `Bearer ${CANARIES.serviceAccountToken}`,
        },
        'Basic credentials': { authorization: 'Basic YWxpY2U6YWxpY2U=' },
      };
      for (const [name, headers] of Object.entries(tries)) {
        const reply = await client.send(
          { method: 'GET', path: notebooks },
          headers,
        );
        // 401 from the real auth service; the test double answers some with 403.
        const refused = [401, 403];
        record(
          `GET team-vision notebooks with Authorization: ${name}`,
          `${reply.status}`,
          refused.includes(reply.status),
        );
        expect(refused).toContain(reply.status);
      }
    });

    it('a namespace or name in the body that differs from the route changes nothing there', async () => {
      const other =
        '/apis/serving.kserve.io/v1beta1/namespaces/team-nlp/inferenceservices/bert-sentiment';
      const before = await snapshot(other);
      const body = {
        minReplicas: 1,
        maxReplicas: 2,
        namespace: 'team-nlp',
        name: 'bert-sentiment',
        metadata: { namespace: 'team-nlp', name: 'bert-sentiment' },
      };
      const route =
        '/api/kubeflow/clusters/sandbox/namespaces/team-vision/inferenceservices/resnet50-vision/replicas';
      const owner = await client.as('alice', {
        method: 'POST',
        path: route,
        body,
      });
      const stranger = await client.as('bob', {
        method: 'POST',
        path: route,
        body,
      });
      const after = await snapshot(other);
      record(
        'POST team-vision replicas with body namespace/name team-nlp/bert-sentiment (alice, then bob)',
        `alice ${owner.status} (acted on ${owner.json?.namespace}/${
          owner.json?.name
        }), bob ${stranger.status}, team-nlp ${
          after === before ? 'unchanged' : 'CHANGED'
        }`,
        owner.json?.namespace === 'team-vision' &&
          stranger.status === 403 &&
          after === before,
      );
      expect(owner.status).toBe(200);
      expect(owner.json.namespace).toBe('team-vision');
      expect(stranger.status).toBe(403);
      expect(after).toBe(before);
    });

    it('a catalog entity annotated with another namespace or cluster grants nothing', async () => {
      const squatter = await client.as('bob', {
        method: 'GET',
        path: '/api/catalog/entities/by-name/component/default/mx-squatter',
      });
      expect(squatter.status).toBe(200);
      const a = squatter.json.metadata.annotations;
      const followed = await client.as('bob', {
        method: 'GET',
        path: `/api/kubeflow/clusters/${a['kubeflow.org/cluster']}/namespaces/${a['kubeflow.org/namespace']}/notebooks/${a['kubeflow.org/name']}`,
      });
      record(
        'bob follows his own entity’s kubeflow.org/* annotations (team-vision/defect-eda) to kubeflow-backend',
        `${followed.status}`,
        followed.status === 403,
      );
      expect(followed.status).toBe(403);

      const elsewhere = await client.as('bob', {
        method: 'GET',
        path: '/api/kubeflow/clusters/elsewhere/namespaces/team-nlp/notebooks/bert-experiments',
      });
      record(
        'an entity naming cluster "elsewhere", followed to kubeflow-backend',
        `${elsewhere.status}`,
        elsewhere.status === 404,
      );
      expect(elsewhere.status).toBe(404);

      // The Kubernetes plugin (its tab and proxy) runs in the end-to-end suite
      // (e2e/security.spec.ts): it loads @kubernetes/client-node as an ES module, which jest
      // cannot without --experimental-vm-modules.
    });

    it('path tricks in the route are bad input, not another namespace', async () => {
      for (const path of [
        '/api/kubeflow/clusters/sandbox/namespaces/team-nlp%2F..%2Fteam-vision/notebooks',
        '/api/kubeflow/clusters/sandbox/namespaces/..%2Fkubeflow/notebooks',
        '/api/kubeflow/clusters/sandbox/namespaces/team-vision/notebooks/..%2F..%2Fsecrets',
      ]) {
        const reply = await client.as('bob', { method: 'GET', path });
        record(
          `GET ${path} as bob`,
          `${reply.status}`,
          reply.status === 400 || reply.status === 404,
        );
        expect([400, 404]).toContain(reply.status);
      }
    });

    it('template parameters carrying YAML stay values: no other object, no other namespace', async () => {
      const notebookRow = SCAFFOLDER_ROWS.find(
        r => r.action === 'kubeflow:notebook:create',
      )!;
      const vision = TARGETS[0];
      const injected = {
        ...notebookRow,
        input: () => ({
          namespace: 'team-vision',
          name: 'mx-yaml\nmetadata:\n  namespace: team-nlp',
        }),
      };
      const byName = await dryRun(client, 'alice', injected, vision);
      taskLogs.push(byName.log);
      const inNlp = await snapshot(
        '/apis/kubeflow.org/v1/namespaces/team-nlp/notebooks/mx-yaml',
      );
      record(
        'kubeflow:notebook:create (dry run) as alice, name "mx-yaml\\nmetadata:\\n  namespace: team-nlp"',
        `${byName.decision}; team-nlp/mx-yaml ${inNlp}`,
        byName.decision.startsWith('error') && inNlp === 'absent',
      );
      expect(byName.decision).toMatch(/^error .*name/i);
      expect(inNlp).toBe('absent');

      const payload =
        '1\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: mx-yaml-injected\n';
      const byEnv = await runTask(
        client,
        'alice',
        {
          ...notebookRow,
          input: () => ({
            namespace: 'team-vision',
            name: 'mx-yaml-env',
            cpu: '1',
            memory: '1Gi',
          }),
        },
        vision,
      );
      // The template passes only the keys of its sample input, so the env rides in a dry run.
      const envDry = await dryRun(
        client,
        'alice',
        {
          ...notebookRow,
          input: () => ({
            namespace: 'team-vision',
            name: 'mx-yaml-env',
            env: { MX_PAYLOAD: payload },
          }),
        },
        vision,
      );
      taskLogs.push(byEnv.log, envDry.log);
      const secret = await snapshot(
        '/api/v1/namespaces/team-vision/secrets/mx-yaml-injected',
      );
      record(
        'kubeflow:notebook:create as alice with env value holding a YAML document (a Secret)',
        `task ${byEnv.decision}, dry run ${envDry.decision}; Secret mx-yaml-injected ${secret}`,
        secret === 'absent' && envDry.decision === 'allow',
      );
      expect(secret).toBe('absent');
      expect(envDry.decision).toBe('allow');
    });

    it('workspace paths of kubeflow:apply, kubeflow:pipeline:upload and kubeflow:project:publish stay inside the workspace', async () => {
      const apply = SCAFFOLDER_ROWS.find(r => r.action === 'kubeflow:apply')!;
      const upload = SCAFFOLDER_ROWS.find(
        r => r.action === 'kubeflow:pipeline:upload',
      )!;
      const vision = TARGETS[0];
      const tries: Array<[ScaffolderRow, Record<string, unknown>]> = [
        [
          apply,
          { namespace: 'team-vision', paths: ['../../../../../../etc/passwd'] },
        ],
        [apply, { namespace: 'team-vision', paths: ['/etc/hostname'] }],
        [
          apply,
          {
            namespace: 'team-vision',
            paths: ['kubeflow/../../../outside.yaml'],
          },
        ],
        [
          apply,
          {
            namespace: 'team-vision',
            paths: ['kubeflow/resources.yaml\u0000.png'],
          },
        ],
        [
          upload,
          {
            namespace: 'team-vision',
            name: 'mx-escape',
            path: '../../../../../etc/passwd',
          },
        ],
        [
          upload,
          { namespace: 'team-vision', name: 'mx-escape', path: '/etc/passwd' },
        ],
      ];
      const publish = SCAFFOLDER_ROWS.find(
        r => r.action === 'kubeflow:project:publish',
      )!;
      tries.push(
        [publish, { name: '../../escape' }],
        [publish, { name: 'mx-escape', sourcePath: '../../../../' }],
      );
      for (const [row, input] of tries) {
        const result = await dryRun(
          client,
          'alice',
          { ...row, input: () => input },
          vision,
        );
        taskLogs.push(result.log);
        const refused =
          /outside the workspace|not a file in the workspace|not a valid name/.test(
            result.decision,
          );
        record(
          `${row.action} (dry run) as alice with ${JSON.stringify(
            input.paths ?? input.path ?? input.sourcePath ?? input.name,
          )}`,
          result.decision.slice(0, 120),
          refused,
        );
        expect(refused).toBe(true);
      }
      const task = await runTask(
        client,
        'alice',
        {
          ...apply,
          input: () => ({
            namespace: 'team-vision',
            paths: ['../../../../../../etc/passwd'],
          }),
        },
        vision,
      );
      taskLogs.push(task.log);
      record(
        'kubeflow:apply (task) as alice with "../../../../../../etc/passwd"',
        task.decision.split('\n').pop()!.slice(0, 120),
        /outside the workspace/.test(task.log),
      );
      expect(task.log).toMatch(/outside the workspace/);
      expect(task.log).not.toMatch(/root:x:0:0/);
    });

    it('no cluster URL from a catalog entity was ever contacted', () => {
      record(
        'cluster URL written into entities (kubeflow.org/cluster-url, kubeflow.org/url)',
        `${rig.evil.hits.length} requests reached it`,
        rig.evil.hits.length === 0,
      );
      expect(rig.evil.hits).toEqual([]);
    });

    afterAll(() => {
      // eslint-disable-next-line no-console
      console.log(
        [
          `Attacks: ${attacks.length}, held: ${
            attacks.filter(a => a.ok).length
          }`,
          ...attacks.map(
            a => `  ${a.ok ? 'held  ' : 'BROKEN'} ${a.attack} -> ${a.observed}`,
          ),
        ].join('\n'),
      );
    });
  });

  it('no secret canary in any log line or response body', () => {
    // An answer that quotes back what its own request sent (an attacker echoing the cluster
    // token they sent) leaks nothing; any other appearance of a canary does.
    const hits = [
      ...rig.logs.lines.map(l => ['log', l, ''] as const),
      ...client.bodies.map(b => ['response', b.text, b.sent] as const),
      ...taskLogs.map(l => ['task log', l, ''] as const),
    ]
      .map(
        ([where, text, sent]) => [where, findCanary(text), text, sent] as const,
      )
      .filter(([, found, , sent]) => found && !sent.includes(found))
      .map(
        ([where, found, text]) => `${where}: ${found} in ${text.slice(0, 200)}`,
      );
    // eslint-disable-next-line no-console
    console.log(
      `Canary scan (in process): ${rig.logs.lines.length} log lines, ${client.bodies.length} response bodies, ${taskLogs.length} scaffolder logs, ${hits.length} hits (${client.resets} requests sent again after a connection reset)`,
    );
    expect(hits).toEqual([]);
  });
});
