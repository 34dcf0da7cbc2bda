import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  EndpointDto,
  InferenceService,
  inferenceServiceSummary,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { screen, waitFor, within } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../api/KubeflowApi';
import { fakeApi } from '../__testUtils__/fakeApi';
import { ClustersCard } from './ClustersCard';
import { EndpointsCard } from './EndpointsCard';
import { NotebooksCard } from './NotebooksCard';

jest.setTimeout(20_000);

const ref = { cluster: 'sandbox', namespace: 'team-vision', refreshKey: 0 };

function render(element: JSX.Element, api: KubeflowApi = fakeApi().api) {
  renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>{element}</TestApiProvider>,
  );
}

/** A call that stays pending until the test fails it. */
function pending<T>() {
  let fail: (e: Error) => void = () => {};
  const promise = new Promise<T>((_, reject) => (fail = reject));
  return { call: () => promise, fail };
}

describe('ClustersCard', () => {
  it('says a stale cluster is stale since when, and why', async () => {
    render(
      <ClustersCard
        loading={false}
        clusters={[
          {
            name: 'a',
            title: 'Cluster A',
            state: 'stale',
            staleSince: '2026-11-30T10:00:00Z',
            lastError: 'watch of notebooks: connection reset',
          },
          {
            name: 'b',
            title: 'Cluster B',
            state: 'unreachable',
            lastError: 'connect ECONNREFUSED',
          },
        ]}
      />,
    );
    expect(
      await screen.findByText(
        'Stale since 2026-11-30T10:00:00Z — watch of notebooks: connection reset',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Unreachable — connect ECONNREFUSED\. Pages show what was last seen\./,
      ),
    ).toBeInTheDocument();
  });

  it('shows a progress bar while loading and the error when the backend fails', async () => {
    render(
      <>
        <ClustersCard loading clusters={undefined} />
        <ClustersCard
          loading={false}
          error={new Error('kubeflow backend: 503 Service Unavailable')}
        />
      </>,
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(
      (await screen.findAllByText(/503 Service Unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('NotebooksCard and EndpointsCard', () => {
  it('say what to do when a profile has none', async () => {
    render(
      <>
        <NotebooksCard {...ref} />
        <EndpointsCard {...ref} />
      </>,
      fakeApi({ getNotebooks: async () => [], getEndpoints: async () => [] })
        .api,
    );
    expect(
      await screen.findByText(/No notebooks in team-vision yet/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No model endpoints in team-vision/),
    ).toBeInTheDocument();
  });

  it('show a progress bar while loading, then what went wrong', async () => {
    const notebooks = pending<never>();
    const endpoints = pending<never>();
    render(
      <>
        <NotebooksCard {...ref} />
        <EndpointsCard {...ref} />
      </>,
      fakeApi({ getNotebooks: notebooks.call, getEndpoints: endpoints.call })
        .api,
    );
    // findAll resolves on the first match; each card shows its bar after its own delay.
    await waitFor(() =>
      expect(screen.getAllByRole('progressbar')).toHaveLength(2),
    );
    notebooks.fail(new Error('sandbox: 503 notebooks unavailable'));
    endpoints.fail(
      new Error('erin@example.com may not list inferenceservices'),
    );
    expect(
      (await screen.findAllByText(/503 notebooks unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(
      (await screen.findAllByText(/may not list inferenceservices/)).length,
    ).toBeGreaterThan(0);
  });

  it('hide the actions from viewers', async () => {
    render(
      <>
        <NotebooksCard {...ref} canChange={false} />
        <EndpointsCard {...ref} canChange={false} />
      </>,
    );
    expect(await screen.findByText('defect-eda')).toBeInTheDocument();
    expect(await screen.findByText('resnet50-vision')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Stop / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Promote / })).toBeNull();
  });
});

describe('EndpointsCard', () => {
  const dtoOf = (isvc: InferenceService): EndpointDto => ({
    ...inferenceServiceSummary(isvc),
    cluster: 'sandbox',
    namespace: 'team-vision',
    name: isvc.metadata.name,
    state: { phase: 'ready', message: 'Ready' },
    traffic: [],
    conditions: [],
  });
  const isvc = (
    name: string,
    spec: any,
    annotations?: Record<string, string>,
  ): InferenceService => ({
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name, namespace: 'team-vision', annotations },
    spec,
  });

  it('shows the model of a legacy shortcut and of a custom container, with how each serves', async () => {
    render(
      <EndpointsCard {...ref} />,
      fakeApi({
        getEndpoints: async () => [
          // kserve/kserve docs/samples/v1beta1/torchserve/v2/bert/bert_gpu.yaml
          dtoOf(
            isvc(
              'torchserve-bert-v2',
              {
                predictor: {
                  pytorch: {
                    protocolVersion: 'v2',
                    storageUri:
                      'gs://kfserving-examples/models/torchserve/bert/v2',
                    resources: {
                      limits: { memory: '4Gi', 'nvidia.com/gpu': '1' },
                    },
                  },
                },
              },
              { 'serving.kserve.io/deploymentMode': 'RawDeployment' },
            ),
          ),
          // kserve/kserve docs/samples/v1beta1/custom/custom_model/custom.yaml
          dtoOf(
            isvc('custom-model', {
              predictor: {
                containers: [
                  {
                    name: 'kserve-container',
                    image: 'kserve/custom-model:latest',
                  },
                ],
              },
            }),
          ),
        ],
      }).api,
    );
    const bert = (await screen.findByText('torchserve-bert-v2')).closest('tr')!;
    expect(
      within(bert).getByText(
        'pytorch · gs://kfserving-examples/models/torchserve/bert/v2',
      ),
    ).toBeInTheDocument();
    expect(
      within(bert).getByText(
        'RawDeployment · auto-selected · 1 × nvidia.com/gpu',
      ),
    ).toBeInTheDocument();
    const custom = screen.getByText('custom-model').closest('tr')!;
    expect(
      within(custom).getByText('custom container · kserve/custom-model:latest'),
    ).toBeInTheDocument();
    expect(within(custom).queryByText(/auto-selected/)).toBeNull();
  });
});
