import { ContractChecker } from '../__fixtures__/contracts';
import { call } from '../__fixtures__/requests';
import { startSeededCluster } from '../../seeds/__fixtures__/demoCluster';
import { waitFor } from '../../controllers/__fixtures__/harness';

const BASE = '/apis/v2beta1';

describe('KFP responses match kfp_api_single_file.swagger.json', () => {
  it('list and get of every object type, errors included', async () => {
    const cluster = startSeededCluster('demo', {
      validate: false,
      timeScale: 0.01,
    });
    try {
      const kfp = cluster.services['kubeflow/ml-pipeline:8888'];
      const contract = ContractChecker.kfp();
      const expectValid = (definition: string, body: unknown) =>
        expect([
          definition,
          contract.check(definition, body, { skipMetadata: false }),
        ]).toEqual([definition, []]);

      // Let a run finish and a recurring run exist, so every shape is exercised.
      const runs = await call(
        kfp,
        'GET',
        `${BASE}/runs?namespace=team-vision&page_size=2`,
      );
      expect(runs.status).toBe(200);
      expectValid('v2beta1ListRunsResponse', runs.body);
      for (const ns of ['team-vision', 'team-nlp', 'team-forecasting']) {
        const all = await call(kfp, 'GET', `${BASE}/runs?namespace=${ns}`);
        expectValid('v2beta1ListRunsResponse', all.body);
        for (const run of all.body.runs)
          expectValid(
            'v2beta1Run',
            (await call(kfp, 'GET', `${BASE}/runs/${run.run_id}`)).body,
          );
      }

      const pipelines = await call(
        kfp,
        'GET',
        `${BASE}/pipelines?namespace=team-nlp`,
      );
      expectValid('v2beta1ListPipelinesResponse', pipelines.body);
      const pid = pipelines.body.pipelines[0].pipeline_id;
      expectValid(
        'v2beta1Pipeline',
        (await call(kfp, 'GET', `${BASE}/pipelines/${pid}`)).body,
      );
      const versions = await call(
        kfp,
        'GET',
        `${BASE}/pipelines/${pid}/versions`,
      );
      expectValid('v2beta1ListPipelineVersionsResponse', versions.body);
      expectValid(
        'v2beta1PipelineVersion',
        (
          await call(
            kfp,
            'GET',
            `${BASE}/pipelines/${pid}/versions/${versions.body.pipeline_versions[0].pipeline_version_id}`,
          )
        ).body,
      );

      const experiments = await call(
        kfp,
        'GET',
        `${BASE}/experiments?namespace=team-forecasting`,
      );
      expectValid('v2beta1ListExperimentsResponse', experiments.body);
      expectValid(
        'v2beta1Experiment',
        (
          await call(
            kfp,
            'GET',
            `${BASE}/experiments/${experiments.body.experiments[0].experiment_id}`,
          )
        ).body,
      );

      const recurring = await call(
        kfp,
        'GET',
        `${BASE}/recurringruns?namespace=team-vision`,
      );
      expectValid('v2beta1ListRecurringRunsResponse', recurring.body);
      expectValid(
        'v2beta1RecurringRun',
        (
          await call(
            kfp,
            'GET',
            `${BASE}/recurringruns/${recurring.body.recurringRuns[0].recurring_run_id}`,
          )
        ).body,
      );

      expectValid(
        'v2beta1GetHealthzResponse',
        (await call(kfp, 'GET', `${BASE}/healthz`)).body,
      );
      const notFound = await call(kfp, 'GET', `${BASE}/runs/nope`);
      expect(notFound.status).toBe(404);
      expectValid('googleRpcStatus', notFound.body);
      const empty = await call(kfp, 'GET', `${BASE}/runs?namespace=nobody`);
      expect(empty.body).toEqual({});
      expectValid('v2beta1ListRunsResponse', empty.body);

      // A run created over REST, once finished, still matches.
      const created = await call(kfp, 'POST', `${BASE}/runs`, {
        display_name: 'contract-run',
        experiment_id: experiments.body.experiments[0].experiment_id,
        pipeline_version_reference: {
          pipeline_id: (
            await call(
              kfp,
              'GET',
              `${BASE}/pipelines?namespace=team-forecasting`,
            )
          ).body.pipelines[0].pipeline_id,
        },
      });
      expectValid('v2beta1Run', created.body);
      const repository = (kfp as any).repository;
      await waitFor(
        () =>
          repository.runs.get(created.body.run_id).wire.state === 'SUCCEEDED',
        8000,
      );
      const finished = await call(
        kfp,
        'GET',
        `${BASE}/runs/${created.body.run_id}`,
      );
      expect(finished.body.run_details.task_details.length).toBeGreaterThan(1);
      expectValid('v2beta1Run', finished.body);
    } finally {
      cluster.stop();
    }
  });
});

describe('contract checker', () => {
  it('rejects unknown properties and wrong types', () => {
    const kfp = ContractChecker.kfp();
    expect(
      kfp.check('v2beta1Run', {
        run_id: 'x',
        display_name: 'y',
        stat: 'RUNNING',
      }),
    ).toEqual(['/stat is not a known property']);
    expect(kfp.check('v2beta1Run', { run_id: 'x', state: 'DONE' })).toEqual([
      '/state must be equal to one of the allowed values',
    ]);
    const mr = ContractChecker.modelRegistry();
    expect(
      mr.check('RegisteredModel', {
        name: 'x',
        id: '1',
        owner: 'a',
        ownr: 'b',
      }),
    ).toEqual(['/ownr is not a known property']);
    expect(mr.check('RegisteredModel', { name: 'x', id: 1 })).toContain(
      '/id must be string',
    );
  });
});
