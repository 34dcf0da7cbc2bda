import yaml from 'js-yaml';
import { KfpService } from './KfpService';
import { call, multipart, sampleIr } from '../__fixtures__/requests';
import { createTestStore } from '../../controllers/__fixtures__/harness';
import { contributorBinding } from '../../controllers/profileObjects';
import { defaultRbacObjects } from '../../api/auth/defaultRoles';

const BASE = '/apis/v2beta1';

async function uploadAddNumbers(service: KfpService, namespace = 'team-a') {
  const upload = await call(
    service,
    'POST',
    `${BASE}/pipelines/upload?name=add-numbers&namespace=${namespace}`,
    undefined,
    {
      ...multipart('uploadfile', 'add_numbers.yaml', sampleIr('add_numbers')),
      body: undefined,
    },
  );
  expect(upload.status).toBe(200);
  return upload.body;
}

describe('KfpService', () => {
  it('uploads a pipeline (multipart) with its IR as the first version', async () => {
    const service = KfpService.create();
    const pipeline = await uploadAddNumbers(service);
    expect(pipeline).toMatchObject({
      name: 'add-numbers',
      display_name: 'add-numbers',
      namespace: 'team-a',
    });
    expect(pipeline.pipeline_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(pipeline.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const versions = await call(
      service,
      'GET',
      `${BASE}/pipelines/${pipeline.pipeline_id}/versions`,
    );
    expect(versions.body.total_size).toBe(1);
    expect(
      versions.body.pipeline_versions[0].pipeline_spec.root.dag.tasks[
        'add-numbers'
      ],
    ).toBeDefined();

    const v2 = await call(
      service,
      'POST',
      `${BASE}/pipelines/upload_version?name=v2&pipelineid=${pipeline.pipeline_id}`,
      undefined,
      {
        ...multipart('uploadfile', 'hello.yaml', sampleIr('hello_world')),
      },
    );
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({
      name: 'v2',
      pipeline_id: pipeline.pipeline_id,
    });
    const byName = await call(
      service,
      'GET',
      `${BASE}/pipelines/names/add-numbers?namespace=team-a`,
    );
    expect(byName.body.pipeline_id).toBe(pipeline.pipeline_id);

    const dup = await uploadDuplicate(service);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe(6);
    const noFile = await call(
      service,
      'POST',
      `${BASE}/pipelines/upload?name=x`,
      undefined,
      {
        headers: { 'content-type': 'multipart/form-data; boundary=zz' },
        rawBody: Buffer.from('--zz--'),
      },
    );
    expect(noFile.status).toBe(400);

    const del = await call(
      service,
      'DELETE',
      `${BASE}/pipelines/${pipeline.pipeline_id}`,
    );
    expect(del.status).toBe(400);
    expect(
      (
        await call(
          service,
          'DELETE',
          `${BASE}/pipelines/${pipeline.pipeline_id}?cascade=true`,
        )
      ).status,
    ).toBe(200);
    expect(
      (await call(service, 'GET', `${BASE}/pipelines/${pipeline.pipeline_id}`))
        .status,
    ).toBe(404);
  });

  it('creates a pipeline and version in one call and serves healthz', async () => {
    const service = KfpService.create();
    const spec = yaml.load(sampleIr('hello_world'));
    const res = await call(service, 'POST', `${BASE}/pipelines/create`, {
      pipeline: { name: 'hello', display_name: 'Hello', namespace: 'team-a' },
      pipeline_version: { name: 'hello-v1', pipeline_spec: spec },
    });
    expect(res.status).toBe(200);
    expect(res.body.display_name).toBe('Hello');
    expect((await call(service, 'GET', `${BASE}/healthz`)).body).toEqual({
      multi_user: true,
      pipeline_store: 'database',
    });
  });

  it('pages, sorts and filters runs like KFP', async () => {
    const service = KfpService.create();
    const pipeline = await uploadAddNumbers(service);
    const exp = await call(service, 'POST', `${BASE}/experiments`, {
      display_name: 'tuning',
      namespace: 'team-a',
    });
    expect(exp.status).toBe(200);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const run = await call(service, 'POST', `${BASE}/runs`, {
        display_name: `run-${i}`,
        experiment_id: exp.body.experiment_id,
        pipeline_version_reference: { pipeline_id: pipeline.pipeline_id },
        runtime_config: { parameters: { a: i, b: 2 } },
      });
      expect(run.status).toBe(200);
      expect(run.body.state).toBe('PENDING');
      // distinct creation times, oldest first
      service.repository.runs.get(
        run.body.run_id,
      )!.wire.created_at = `2026-01-0${i + 1}T00:00:00Z`;
      ids.push(run.body.run_id);
    }
    const pages: any[] = [];
    let token: string | undefined;
    do {
      const q = token
        ? `page_token=${encodeURIComponent(token)}&page_size=2&namespace=team-a`
        : 'page_size=2&sort_by=created_at%20desc&namespace=team-a';
      const res = await call(service, 'GET', `${BASE}/runs?${q}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      token = res.body.next_page_token;
    } while (token);
    expect(pages).toHaveLength(3);
    expect(pages.map(p => p.total_size)).toEqual([5, 5, 5]);
    expect(pages[2].next_page_token).toBeUndefined();
    expect(pages.flatMap(p => p.runs.map((r: any) => r.display_name))).toEqual([
      'run-4',
      'run-3',
      'run-2',
      'run-1',
      'run-0',
    ]);

    service.repository.runs.get(ids[1])!.wire.state = 'SUCCEEDED';
    service.repository.runs.get(ids[3])!.wire.state = 'SUCCEEDED';
    const filter = encodeURIComponent(
      JSON.stringify({
        predicates: [
          { key: 'state', operation: 'EQUALS', string_value: 'SUCCEEDED' },
        ],
      }),
    );
    const filtered = await call(
      service,
      'GET',
      `${BASE}/runs?namespace=team-a&filter=${filter}`,
    );
    expect(filtered.body.total_size).toBe(2);
    expect(filtered.body.runs.map((r: any) => r.display_name)).toEqual([
      'run-1',
      'run-3',
    ]);
    // KFP UI double-encodes, and camelCase keys are accepted.
    const twice = encodeURIComponent(
      encodeURIComponent(
        JSON.stringify({
          predicates: [
            { key: 'name', operation: 'IS_SUBSTRING', stringValue: 'run-4' },
          ],
        }),
      ),
    );
    expect(
      (
        await call(
          service,
          'GET',
          `${BASE}/runs?namespace=team-a&filter=${twice}`,
        )
      ).body.total_size,
    ).toBe(1);

    const clamped = await call(
      service,
      'GET',
      `${BASE}/runs?namespace=team-a&page_size=500`,
    );
    expect(clamped.status).toBe(200);
    expect(clamped.body.runs).toHaveLength(5);
    for (let i = 0; i < 200; i++) {
      service.repository.createRun({
        display_name: `bulk-${i}`,
        experiment_id: exp.body.experiment_id,
        pipeline_version_reference: { pipeline_id: pipeline.pipeline_id },
      });
    }
    const big = await call(
      service,
      'GET',
      `${BASE}/runs?namespace=team-a&page_size=500`,
    );
    expect(big.body.runs).toHaveLength(200);
    expect(big.body.total_size).toBe(205);
    expect(big.body.next_page_token).toBeDefined();

    expect(
      (await call(service, 'GET', `${BASE}/runs?namespace=team-a&page_size=-1`))
        .status,
    ).toBe(400);
    const badSort = await call(
      service,
      'GET',
      `${BASE}/runs?namespace=team-a&sort_by=colour`,
    );
    expect(badSort.status).toBe(400);
    expect(badSort.body.message).toContain('Invalid sorting field');
    const badFilter = await call(
      service,
      'GET',
      `${BASE}/runs?namespace=team-a&filter=${encodeURIComponent(
        '{"predicates":[{"key":"colour","operation":"EQUALS","string_value":"x"}]}',
      )}`,
    );
    expect(badFilter.status).toBe(400);
    expect(
      (
        await call(
          service,
          'GET',
          `${BASE}/runs?experiment_id=${exp.body.experiment_id}&page_size=1`,
        )
      ).body.total_size,
    ).toBe(205);
  });

  it('applies multi-user rules for impersonated users', async () => {
    const service = KfpService.create();
    const user = {
      name: 'alice@example.com',
      groups: ['system:authenticated'],
    };
    const res = await call(service, 'GET', `${BASE}/runs`, undefined, { user });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 3 });
    expect(res.body.message).toContain('namespace');
    expect(
      (
        await call(service, 'GET', `${BASE}/runs?namespace=team-a`, undefined, {
          user,
        })
      ).status,
    ).toBe(200);
  });

  it('authorises impersonated users with the namespace RoleBindings', async () => {
    const store = createTestStore({ validate: false });
    for (const o of defaultRbacObjects())
      store.create(`${o.kind.toLowerCase()}s.rbac.authorization.k8s.io`, o);
    store.create(
      'rolebindings.rbac.authorization.k8s.io',
      contributorBinding('team-a', 'alice@example.com', 'edit'),
    );
    store.create(
      'rolebindings.rbac.authorization.k8s.io',
      contributorBinding('team-a', 'erin@example.com', 'view'),
    );
    const service = KfpService.create({ store });
    const pipeline = await uploadAddNumbers(service);
    const as = (name: string) => ({
      user: { name, groups: ['system:authenticated'] },
    });
    expect(
      (
        await call(
          service,
          'GET',
          `${BASE}/runs?namespace=team-a`,
          undefined,
          as('alice@example.com'),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          service,
          'GET',
          `${BASE}/runs?namespace=team-a`,
          undefined,
          as('erin@example.com'),
        )
      ).status,
    ).toBe(200);
    const denied = await call(
      service,
      'GET',
      `${BASE}/runs?namespace=team-a`,
      undefined,
      as('mallory@example.com'),
    );
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe(7);
    const body = {
      display_name: 'r',
      pipeline_version_reference: { pipeline_id: pipeline.pipeline_id },
    };
    expect(
      (
        await call(
          service,
          'POST',
          `${BASE}/runs`,
          body,
          as('alice@example.com'),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await call(
          service,
          'POST',
          `${BASE}/runs`,
          body,
          as('erin@example.com'),
        )
      ).status,
    ).toBe(403);
  });

  it('terminates, archives and retries runs, and toggles recurring runs', async () => {
    const service = KfpService.create();
    const pipeline = await uploadAddNumbers(service);
    const run = await call(service, 'POST', `${BASE}/runs`, {
      display_name: 'r',
      pipeline_version_reference: { pipeline_id: pipeline.pipeline_id },
    });
    expect(run.body.experiment_id).toBeDefined();
    const experiment = await call(
      service,
      'GET',
      `${BASE}/experiments/${run.body.experiment_id}`,
    );
    expect(experiment.body).toMatchObject({
      display_name: 'Default',
      namespace: 'team-a',
    });
    expect(
      (await call(service, 'POST', `${BASE}/runs/${run.body.run_id}:terminate`))
        .status,
    ).toBe(200);
    expect(
      (await call(service, 'GET', `${BASE}/runs/${run.body.run_id}`)).body
        .state,
    ).toBe('CANCELING');
    expect(
      (await call(service, 'POST', `${BASE}/runs/${run.body.run_id}:archive`))
        .status,
    ).toBe(200);
    expect(
      (await call(service, 'GET', `${BASE}/runs/${run.body.run_id}`)).body
        .storage_state,
    ).toBe('ARCHIVED');
    expect(
      (await call(service, 'POST', `${BASE}/runs/${run.body.run_id}:retry`))
        .status,
    ).toBe(400);

    const rr = await call(service, 'POST', `${BASE}/recurringruns`, {
      display_name: 'nightly',
      pipeline_version_reference: { pipeline_id: pipeline.pipeline_id },
      trigger: { periodic_schedule: { interval_second: 3600 } },
      max_concurrency: '1',
      mode: 'ENABLE',
      namespace: 'team-a',
    });
    expect(rr.status).toBe(200);
    expect(rr.body).toMatchObject({
      status: 'ENABLED',
      max_concurrency: '1',
      trigger: { periodic_schedule: { interval_second: '3600' } },
    });
    await call(
      service,
      'POST',
      `${BASE}/recurringruns/${rr.body.recurring_run_id}:disable`,
    );
    const list = await call(
      service,
      'GET',
      `${BASE}/recurringruns?namespace=team-a`,
    );
    expect(list.body.recurringRuns[0].status).toBe('DISABLED');
    expect(list.body.total_size).toBe(1);
  });

  it('round-trips its state through snapshot/restore', async () => {
    const service = KfpService.create();
    await uploadAddNumbers(service);
    const copy = KfpService.create();
    copy.restore(JSON.parse(JSON.stringify(service.snapshot())));
    expect(
      (await call(copy, 'GET', `${BASE}/pipelines?namespace=team-a`)).body
        .total_size,
    ).toBe(1);
  });
});

async function uploadDuplicate(service: KfpService) {
  return call(
    service,
    'POST',
    `${BASE}/pipelines/upload?name=add-numbers&namespace=team-a`,
    undefined,
    {
      ...multipart('uploadfile', 'add_numbers.yaml', sampleIr('add_numbers')),
    },
  );
}
