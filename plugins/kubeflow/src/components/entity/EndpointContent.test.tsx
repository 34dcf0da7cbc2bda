import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EndpointDto,
  InferenceService,
  inferenceServiceSummary,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { screen } from '@testing-library/react';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { fakeApi } from '../../__testUtils__/fakeApi';
import { kubeflowEntity } from '../../__testUtils__/renderEntity';
import { EndpointContent } from './EndpointContent';

jest.setTimeout(20_000);

/** The DTO the backend makes of an object: the shared summary plus state and traffic. */
function dtoOf(isvc: InferenceService): EndpointDto {
  return {
    ...inferenceServiceSummary(isvc),
    cluster: 'sandbox',
    namespace: 'team-nlp',
    name: isvc.metadata.name,
    state: { phase: 'ready', message: 'Ready' },
    url: `http://${isvc.metadata.name}.team-nlp.example.com`,
    traffic: [],
    conditions: [],
  };
}

const isvc = (
  name: string,
  spec: any,
  annotations?: Record<string, string>,
): InferenceService => ({
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name, namespace: 'team-nlp', annotations },
  spec,
});

async function render(endpoint: EndpointDto) {
  const { api } = fakeApi({ getEndpoint: async () => endpoint });
  await renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <EntityProvider
        entity={kubeflowEntity('InferenceService', endpoint.name, {
          namespace: 'team-nlp',
        })}
      >
        <EndpointContent />
      </EntityProvider>
    </TestApiProvider>,
  );
  await screen.findByText(`Endpoint ${endpoint.name}`);
}

/** The value cell of a details row, by the row's title as the table shows it. */
function row(title: RegExp): string {
  const cell = screen.getByText(title).closest('tr');
  if (!cell) throw new Error(`no row ${title}`);
  return cell.querySelectorAll('td')[1]?.textContent ?? '';
}

// The objects are kserve/kserve's docs/samples, as upstream ships them.
describe('EndpointContent', () => {
  it('shows a legacy shortcut’s format, runtime version, storage, protocol, GPU and transformer', async () => {
    await render(
      dtoOf(
        isvc('bert-v2', {
          transformer: {
            containers: [
              {
                name: 'kserve-container',
                image: 'kserve/bert-tokenizer:latest',
                env: [
                  {
                    name: 'STORAGE_URI',
                    value:
                      'gs://kfserving-examples/models/triton/bert-transformer',
                  },
                ],
              },
            ],
          },
          predictor: {
            triton: {
              runtimeVersion: '23.10-py3',
              protocolVersion: 'v2',
              resources: {
                limits: { cpu: '1', memory: '8Gi', 'nvidia.com/gpu': '1' },
                requests: { cpu: '1', memory: '8Gi' },
              },
              storageUri: 'gs://kfserving-examples/models/triton/bert',
            },
          },
        }),
      ),
    );
    expect(row(/^model format$/i)).toBe('triton');
    expect(row(/^runtime version$/i)).toBe('23.10-py3');
    expect(row(/^runtime$/i)).toBe('auto-selected');
    expect(row(/^storage uri$/i)).toBe(
      'gs://kfserving-examples/models/triton/bert',
    );
    expect(row(/^protocol$/i)).toBe('v2');
    expect(row(/^deployment mode$/i)).toBe('Serverless (KServe default)');
    expect(row(/^resources$/i)).toBe(
      'requests cpu 1, memory 8Gi; limits cpu 1, memory 8Gi, nvidia.com/gpu 1',
    );
    expect(row(/^gpu$/i)).toBe('1 × nvidia.com/gpu');
    expect(row(/^transformer$/i)).toBe(
      'kserve/bert-tokenizer:latest (gs://kfserving-examples/models/triton/bert-transformer)',
    );
    expect(screen.queryByText(/^image$/i)).toBeNull();
    expect(screen.queryByText(/^explainer$/i)).toBeNull();
  });

  it('shows a custom container’s image and resources, and its explainer, without a runtime', async () => {
    await render(
      dtoOf(
        isvc('german-credit', {
          predictor: {
            containerConcurrency: 0,
            containers: [
              {
                image: 'aipipeline/aifserver:predictor',
                name: 'kserve-container',
                resources: {
                  limits: { cpu: '1', memory: '2Gi' },
                  requests: { cpu: '1', memory: '2Gi' },
                },
              },
            ],
            logger: { mode: 'all', url: 'http://message-dumper.default/' },
          },
          explainer: {
            containers: [
              { name: 'explainer', image: 'aipipeline/aifserver:latest' },
            ],
          },
        }),
      ),
    );
    expect(row(/^model format$/i)).toBe('custom container');
    expect(row(/^image$/i)).toBe('aipipeline/aifserver:predictor');
    expect(row(/^resources$/i)).toBe(
      'requests cpu 1, memory 2Gi; limits cpu 1, memory 2Gi',
    );
    expect(row(/^container concurrency$/i)).toBe('0');
    expect(row(/^logger$/i)).toBe('all → http://message-dumper.default/');
    expect(row(/^explainer$/i)).toBe('aipipeline/aifserver:latest');
    expect(screen.queryByText(/^runtime$/i)).toBeNull();
    expect(screen.queryByText(/^storage uri$/i)).toBeNull();
    expect(screen.queryByText(/^gpu$/i)).toBeNull();
  });

  it('shows a ModelMesh model’s storage key and path, and the runtime it names', async () => {
    await render(
      dtoOf(
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
      ),
    );
    expect(row(/^model format$/i)).toBe('onnx 1');
    expect(row(/^runtime$/i)).toBe('kserve-ovms');
    expect(row(/^storage$/i)).toBe('key localMinIO, path onnx/mnist.onnx');
    expect(row(/^deployment mode$/i)).toBe('ModelMesh');
    expect(screen.queryByText(/^storage uri$/i)).toBeNull();
  });
});
