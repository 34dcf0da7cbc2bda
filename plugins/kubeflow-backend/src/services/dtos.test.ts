import { InferenceService } from '@kubeflow-backstage/plugin-kubeflow-common';
import { KubeflowClusterConfig } from '@kubeflow-backstage/plugin-kubeflow-node';
import { endpointDto } from './dtos';

const cluster = { name: 'sandbox' } as KubeflowClusterConfig;

// kserve/kserve docs/samples/v1beta1/triton/bert/bert_v1beta1.yaml, with a status.
const tritonBert: InferenceService = {
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'bert-v2', namespace: 'team-nlp' },
  spec: {
    transformer: {
      containers: [
        {
          name: 'kserve-container',
          image: 'kserve/bert-tokenizer:latest',
          env: [
            {
              name: 'STORAGE_URI',
              value: 'gs://kfserving-examples/models/triton/bert-transformer',
            },
          ],
        },
      ],
    },
    predictor: {
      triton: {
        runtimeVersion: '23.10-py3',
        resources: { limits: { cpu: '1', memory: '8Gi' } },
        storageUri: 'gs://kfserving-examples/models/triton/bert',
      },
    },
  },
  status: {
    url: 'http://bert-v2.team-nlp.example.com',
    conditions: [{ type: 'Ready', status: 'True' }],
    components: {
      predictor: {
        traffic: [
          {
            revisionName: 'bert-v2-predictor-00001',
            percent: 100,
            latestRevision: true,
          },
        ],
      },
    },
  },
};

describe('endpointDto', () => {
  it('shows a legacy framework shortcut’s format, storage, runtime version and transformer', () => {
    expect(endpointDto(cluster, tritonBert)).toEqual({
      cluster: 'sandbox',
      namespace: 'team-nlp',
      name: 'bert-v2',
      state: { phase: 'ready', message: 'Ready' },
      url: 'http://bert-v2.team-nlp.example.com',
      predictorForm: 'framework',
      modelFormat: 'triton',
      runtimeVersion: '23.10-py3',
      storageUri: 'gs://kfserving-examples/models/triton/bert',
      resources: { limits: { cpu: '1', memory: '8Gi' } },
      deploymentMode: 'Serverless',
      deploymentModeSource: 'default',
      transformer: {
        kind: 'containers',
        image: 'kserve/bert-tokenizer:latest',
        storageUri: 'gs://kfserving-examples/models/triton/bert-transformer',
      },
      traffic: [
        { revision: 'bert-v2-predictor-00001', percent: 100, latest: true },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
    });
  });

  it('shows a custom predictor’s image and the ModelMesh mode', () => {
    const dto = endpointDto(cluster, {
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: {
        name: 'custom-model',
        namespace: 'team-nlp',
        annotations: { 'serving.kserve.io/deploymentMode': 'ModelMesh' },
      },
      spec: {
        predictor: {
          containers: [
            { name: 'kserve-container', image: 'kserve/custom-model:latest' },
          ],
        },
      },
    });
    expect(dto).toMatchObject({
      predictorForm: 'custom',
      image: 'kserve/custom-model:latest',
      deploymentMode: 'ModelMesh',
    });
    expect(dto.modelFormat).toBeUndefined();
    expect(dto.storageUri).toBeUndefined();
  });
});
