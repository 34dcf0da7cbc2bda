import { RegistrySnapshot, servedVersion } from './registry';
import { InferenceService } from './resources';

const registry: RegistrySnapshot = {
  models: [{ id: '1', name: 'iris' }],
  versions: [
    { id: '10', name: 'v1', registeredModelId: '1' },
    { id: '11', name: 'v2', registeredModelId: '1' },
  ],
  artifactsByVersion: new Map([
    ['10', [{ uri: 's3://models/iris/v1' }]],
    ['11', [{ uri: 's3://models/iris/v2/' }]],
  ]),
  inferenceServices: [],
};

const isvc = (predictor: any): InferenceService => ({
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'iris', namespace: 'team-a' },
  spec: { predictor },
});

describe('servedVersion', () => {
  it.each([
    [
      'the model form',
      {
        model: {
          modelFormat: { name: 'sklearn' },
          storageUri: 's3://models/iris/v2',
        },
      },
    ],
    [
      'a framework shortcut',
      { sklearn: { storageUri: 's3://models/iris/v2/' } },
    ],
    [
      'a custom container’s STORAGE_URI',
      {
        containers: [
          {
            name: 'kserve-container',
            image: 'acme/iris:1',
            env: [{ name: 'STORAGE_URI', value: 's3://models/iris/v2' }],
          },
        ],
      },
    ],
  ])('matches a version by its artifact URI in %s', (_form, predictor) => {
    expect(servedVersion(isvc(predictor), registry)?.version.name).toBe('v2');
  });

  it('matches nothing for a storage spec (key and path are not a URI)', () => {
    expect(
      servedVersion(
        isvc({ onnx: { storage: { key: 'localMinIO', path: 'iris/v2' } } }),
        registry,
      ),
    ).toBeUndefined();
  });
});
