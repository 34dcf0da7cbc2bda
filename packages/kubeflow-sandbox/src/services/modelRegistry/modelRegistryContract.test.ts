import { ContractChecker } from '../__fixtures__/contracts';
import { call } from '../__fixtures__/requests';
import { startSeededCluster } from '../../seeds/__fixtures__/demoCluster';

const BASE = '/api/model_registry/v1alpha3';

describe('Model Registry responses match model-registry.yaml', () => {
  it('lists and gets of every entity type, errors included', async () => {
    const cluster = startSeededCluster('demo', { validate: false });
    try {
      const mr = cluster.services['kubeflow/model-registry-service:8080'];
      const contract = ContractChecker.modelRegistry();
      const expectValid = (schema: string, body: unknown) =>
        expect([
          schema,
          contract.check(schema, body, { skipMetadata: false }),
        ]).toEqual([schema, []]);
      const lists: Array<[string, string, string]> = [
        ['registered_models', 'RegisteredModelList', 'RegisteredModel'],
        ['model_versions', 'ModelVersionList', 'ModelVersion'],
        ['model_artifacts', 'ModelArtifactList', 'ModelArtifact'],
        [
          'serving_environments',
          'ServingEnvironmentList',
          'ServingEnvironment',
        ],
        ['inference_services', 'InferenceServiceList', 'InferenceService'],
      ];
      for (const [plural, listSchema, itemSchema] of lists) {
        const list = await call(
          mr,
          'GET',
          `${BASE}/${plural}?pageSize=2&orderBy=CREATE_TIME&sortOrder=DESC`,
        );
        expect(list.status).toBe(200);
        expect(list.body.items.length).toBeGreaterThan(0);
        expectValid(listSchema, list.body);
        expectValid(
          itemSchema,
          (await call(mr, 'GET', `${BASE}/${plural}/${list.body.items[0].id}`))
            .body,
        );
      }
      const model = (
        await call(mr, 'GET', `${BASE}/registered_model?name=bert-sentiment`)
      ).body;
      expectValid('RegisteredModel', model);
      const versions = await call(
        mr,
        'GET',
        `${BASE}/registered_models/${model.id}/versions`,
      );
      expectValid('ModelVersionList', versions.body);
      const artifacts = await call(
        mr,
        'GET',
        `${BASE}/model_versions/${versions.body.items[0].id}/artifacts`,
      );
      expectValid('ModelArtifactList', artifacts.body);
      const env = (
        await call(mr, 'GET', `${BASE}/serving_environment?name=team-nlp`)
      ).body;
      expectValid('ServingEnvironment', env);
      expectValid(
        'InferenceServiceList',
        (
          await call(
            mr,
            'GET',
            `${BASE}/serving_environments/${env.id}/inference_services`,
          )
        ).body,
      );
      const created = await call(mr, 'POST', `${BASE}/registered_models`, {
        name: 'contract-model',
        customProperties: {
          n: { metadataType: 'MetadataIntValue', int_value: '3' },
        },
      });
      expectValid('RegisteredModel', created.body);
      const err = await call(mr, 'GET', `${BASE}/model_versions/999999`);
      expect(err.status).toBe(404);
      expectValid('Error', err.body);
    } finally {
      cluster.stop();
    }
  });
});
