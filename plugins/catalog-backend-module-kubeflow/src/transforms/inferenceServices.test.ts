import {
  InferenceService,
  RegistrySnapshot,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { TransformContext } from './context';
import { inferenceServiceToEntities } from './inferenceServices';

const context: TransformContext = {
  cluster: 'sandbox',
  profiles: new Set(['team-nlp']),
  defaultOwner: 'group:default/ml-platform',
  userRefOf: () => undefined,
};

const emptyRegistry: RegistrySnapshot = {
  models: [],
  versions: [],
  artifactsByVersion: new Map(),
  inferenceServices: [],
};

const isvc = (
  name: string,
  spec: any,
  annotations?: Record<string, string>,
): InferenceService => ({
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name, namespace: 'team-nlp', annotations },
  spec,
  status: {
    url: `http://${name}.team-nlp.example.com`,
    conditions: [{ type: 'Ready', status: 'True' }],
  },
});

function entities(object: InferenceService, registry = emptyRegistry) {
  const [component, api] = inferenceServiceToEntities(
    object,
    registry,
    context,
  );
  return { component, api };
}

// The objects below are kserve/kserve's docs/samples, as upstream ships them.
describe('inferenceServiceToEntities', () => {
  it('describes a legacy framework shortcut: format, storage, GPU, protocol, transformer', () => {
    const { component, api } = entities(
      isvc('torchserve-bert-v2', {
        transformer: {
          containers: [
            { name: 'kserve-container', image: 'kserve/bert-tokenizer:latest' },
          ],
        },
        predictor: {
          pytorch: {
            protocolVersion: 'v2',
            storageUri: 'gs://kfserving-examples/models/torchserve/bert/v2',
            resources: { limits: { memory: '4Gi', 'nvidia.com/gpu': '1' } },
          },
        },
      }),
    );
    expect(component.metadata.description).toBe(
      'Serves gs://kfserving-examples/models/torchserve/bert/v2 (pytorch) at ' +
        'http://torchserve-bert-v2.team-nlp.example.com; 1 nvidia.com/gpu, ' +
        'transformer kserve/bert-tokenizer:latest. State: Ready.',
    );
    expect(component.metadata.tags).toEqual([
      'kubeflow',
      'model-server',
      'kserve',
      'pytorch',
      'gpu',
    ]);
    expect(component.metadata.annotations).toMatchObject({
      'kubeflow.org/storage-uri':
        'gs://kfserving-examples/models/torchserve/bert/v2',
      'kubeflow.org/kind': 'InferenceService',
    });
    // The shortcut's protocolVersion decides the API's definition.
    expect(api.metadata.description).toMatch(/^KServe v2 inference protocol/);
    expect(JSON.parse(api.spec!.definition as string).paths).toHaveProperty([
      '/v2/models/torchserve-bert-v2/infer',
    ]);
  });

  it('describes a custom container by its image, with no format tag', () => {
    const { component } = entities(
      isvc('custom-model', {
        predictor: {
          containers: [
            { name: 'kserve-container', image: 'kserve/custom-model:latest' },
          ],
        },
      }),
    );
    expect(component.metadata.description).toBe(
      'Serves kserve/custom-model:latest (custom container) at ' +
        'http://custom-model.team-nlp.example.com. State: Ready.',
    );
    expect(component.metadata.tags).toEqual([
      'kubeflow',
      'model-server',
      'kserve',
      'custom-predictor',
    ]);
    expect(component.metadata.annotations).not.toHaveProperty(
      'kubeflow.org/storage-uri',
    );
  });

  it('describes a ModelMesh model stored by storage key and path', () => {
    const { component } = entities(
      isvc(
        'example-onnx-mnist',
        {
          predictor: {
            model: {
              modelFormat: { name: 'onnx', version: '1' },
              runtime: 'kserve-ovms',
              storage: { key: 'localMinIO', path: 'onnx/mnist.onnx' },
            },
          },
        },
        { 'serving.kserve.io/deploymentMode': 'ModelMesh' },
      ),
    );
    expect(component.metadata.description).toBe(
      'Serves localMinIO: onnx/mnist.onnx (onnx 1) at ' +
        'http://example-onnx-mnist.team-nlp.example.com; runtime kserve-ovms, ' +
        'ModelMesh mode. State: Ready.',
    );
    expect(component.metadata.tags).toEqual([
      'kubeflow',
      'model-server',
      'kserve',
      'onnx',
      'modelmesh',
    ]);
  });

  it('depends on the registered version a framework shortcut serves, found by storage URI', () => {
    const registry: RegistrySnapshot = {
      ...emptyRegistry,
      models: [
        {
          id: '1',
          name: 'iris',
          customProperties: {
            namespace: {
              metadataType: 'MetadataStringValue',
              string_value: 'team-nlp',
            },
          },
        },
      ],
      versions: [{ id: '7', name: 'v3', registeredModelId: '1' }],
      artifactsByVersion: new Map([
        ['7', [{ uri: 'gs://kfserving-examples/models/sklearn/1.0/model/' }]],
      ]),
    };
    const { component } = entities(
      isvc('sklearn-iris', {
        predictor: {
          sklearn: {
            storageUri: 'gs://kfserving-examples/models/sklearn/1.0/model',
          },
        },
      }),
      registry,
    );
    expect(component.spec?.dependsOn).toEqual([
      'resource:sandbox/team-nlp.iris.v3',
    ]);
    expect(component.metadata.description).toMatch(
      /^Serves iris v3 \(sklearn\) at /,
    );
  });
});
