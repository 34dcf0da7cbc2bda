import { ModelRegistryService } from './ModelRegistryService';
import { call } from '../__fixtures__/requests';

const BASE = '/api/model_registry/v1alpha3';

describe('ModelRegistryService', () => {
  it('creates, finds, patches and lists models, versions and artifacts', async () => {
    const mr = ModelRegistryService.create();
    const model = await call(mr, 'POST', `${BASE}/registered_models`, {
      name: 'bert-sentiment',
      description: 'Sentiment classifier',
      owner: 'bob@example.com',
      customProperties: {
        team: { metadataType: 'MetadataStringValue', string_value: 'team-nlp' },
      },
    });
    expect(model.status).toBe(201);
    expect(model.body).toMatchObject({
      id: '1',
      name: 'bert-sentiment',
      state: 'LIVE',
    });
    expect(model.body.createTimeSinceEpoch).toMatch(/^\d+$/);
    expect(
      (
        await call(mr, 'POST', `${BASE}/registered_models`, {
          name: 'bert-sentiment',
        })
      ).status,
    ).toBe(409);
    expect(
      (await call(mr, 'POST', `${BASE}/registered_models`, { nmae: 'typo' }))
        .status,
    ).toBe(400);

    for (const v of ['v1', 'v2', 'v3']) {
      const version = await call(
        mr,
        'POST',
        `${BASE}/registered_models/${model.body.id}/versions`,
        {
          name: v,
          author: 'bob@example.com',
          customProperties: {
            kfp_run_id: {
              metadataType: 'MetadataStringValue',
              string_value: `run-${v}`,
            },
          },
        },
      );
      expect(version.status).toBe(201);
      expect(version.body.registeredModelId).toBe(model.body.id);
      const artifact = await call(
        mr,
        'POST',
        `${BASE}/model_versions/${version.body.id}/artifacts`,
        {
          name: `bert-${v}`,
          uri: `s3://models/bert-sentiment/${v}/`,
          modelFormatName: 'pytorch',
          modelFormatVersion: '2.3',
          artifactType: 'model-artifact',
        },
      );
      expect(artifact.status).toBe(201);
      expect(artifact.body).toMatchObject({
        artifactType: 'model-artifact',
        uri: `s3://models/bert-sentiment/${v}/`,
      });
    }
    const page1 = await call(
      mr,
      'GET',
      `${BASE}/registered_models/${model.body.id}/versions?pageSize=2&orderBy=CREATE_TIME&sortOrder=DESC`,
    );
    expect(page1.body).toMatchObject({ size: 2, pageSize: 2 });
    expect(page1.body.nextPageToken).not.toBe('');
    const page2 = await call(
      mr,
      'GET',
      `${BASE}/registered_models/${model.body.id}/versions?pageSize=2&orderBy=CREATE_TIME&sortOrder=DESC&nextPageToken=${page1.body.nextPageToken}`,
    );
    expect(page2.body).toMatchObject({ size: 1, nextPageToken: '' });
    const names = [...page1.body.items, ...page2.body.items].map(
      (v: any) => v.name,
    );
    expect(new Set(names)).toEqual(new Set(['v1', 'v2', 'v3']));
    expect(
      (await call(mr, 'GET', `${BASE}/model_versions?orderBy=NOPE`)).status,
    ).toBe(400);
    expect(
      (await call(mr, 'GET', `${BASE}/model_versions?pageSize=0`)).status,
    ).toBe(400);

    const found = await call(
      mr,
      'GET',
      `${BASE}/model_version?name=v2&parentResourceId=${model.body.id}`,
    );
    expect(found.body.name).toBe('v2');
    expect(
      (await call(mr, 'GET', `${BASE}/registered_model?name=nope`)).status,
    ).toBe(404);
    const filtered = await call(
      mr,
      'GET',
      `${BASE}/model_versions?filterQuery=${encodeURIComponent(
        'kfp_run_id.string_value = "run-v3"',
      )}`,
    );
    expect(filtered.body.items.map((v: any) => v.name)).toEqual(['v3']);

    const archived = await call(
      mr,
      'PATCH',
      `${BASE}/model_versions/${found.body.id}`,
      { state: 'ARCHIVED' },
    );
    expect(archived.body.state).toBe('ARCHIVED');
    const artifacts = await call(
      mr,
      'GET',
      `${BASE}/model_versions/${found.body.id}/artifacts`,
    );
    expect(artifacts.body.items).toHaveLength(1);
    expect(artifacts.body.items[0].name).toBe('bert-v2');
  });

  it('records inference services in serving environments', async () => {
    const mr = ModelRegistryService.create();
    const model = (
      await call(mr, 'POST', `${BASE}/registered_models`, {
        name: 'resnet50-vision',
      })
    ).body;
    const version = (
      await call(mr, 'POST', `${BASE}/model_versions`, {
        name: '1.0.0',
        registeredModelId: model.id,
      })
    ).body;
    const env = (
      await call(mr, 'POST', `${BASE}/serving_environments`, {
        name: 'team-vision',
      })
    ).body;
    const isvc = await call(
      mr,
      'POST',
      `${BASE}/serving_environments/${env.id}/inference_services`,
      {
        name: 'resnet50',
        registeredModelId: model.id,
        modelVersionId: version.id,
        runtime: 'kserve-torchserve',
      },
    );
    expect(isvc.status).toBe(201);
    expect(isvc.body).toMatchObject({
      desiredState: 'DEPLOYED',
      servingEnvironmentId: env.id,
    });
    expect(
      (
        await call(
          mr,
          'GET',
          `${BASE}/inference_services/${isvc.body.id}/version`,
        )
      ).body.name,
    ).toBe('1.0.0');
    expect(
      (
        await call(mr, 'POST', `${BASE}/inference_services`, {
          name: 'x',
          registeredModelId: model.id,
        })
      ).status,
    ).toBe(400);
    const err = await call(mr, 'GET', `${BASE}/registered_models/999`);
    expect(err.status).toBe(404);
    expect(err.body).toEqual({
      code: 'Not Found',
      message: expect.stringContaining('999'),
    });

    const copy = ModelRegistryService.create();
    copy.restore(JSON.parse(JSON.stringify(mr.snapshot())));
    expect(
      (await call(copy, 'GET', `${BASE}/inference_services`)).body.size,
    ).toBe(1);
    expect(
      (await call(copy, 'POST', `${BASE}/registered_models`, { name: 'next' }))
        .body.id,
    ).toBe('5');
  });
});
