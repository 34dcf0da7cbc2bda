import { upstreamSamples } from '@kubeflow-backstage/kubeflow-sandbox';
import { TransformContext } from './context';
import {
  inferenceGraphToEntity,
  llmInferenceServiceToEntity,
} from './inferenceServices';

const context: TransformContext = {
  cluster: 'sandbox',
  profiles: new Set(['team-nlp']),
  defaultOwner: 'group:default/ml-platform',
  userRefOf: () => undefined,
};

const inNlp = (object: any) => ({
  ...object,
  metadata: { ...object.metadata, namespace: 'team-nlp' },
});

describe('KServe graphs and LLM services in the catalog', () => {
  it('an upstream InferenceGraph depends on the InferenceServices its steps call', () => {
    const sample = upstreamSamples('k8s-manifest').find(
      s => s.file === 'samples/kserve/graph__splitter.yaml',
    )!;
    const graph = inNlp(
      sample.documents.find(d => d.kind === 'InferenceGraph'),
    );
    const entity = inferenceGraphToEntity(graph, context);
    expect(entity).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'team-nlp.splitter-model',
        tags: ['kubeflow', 'kserve', 'inference-graph', 'splitter'],
        annotations: { 'kubeflow.org/kind': 'InferenceGraph' },
      },
      spec: {
        type: 'inference-graph',
        owner: 'group:sandbox/team-nlp',
        dependsOn: [
          'component:sandbox/team-nlp.sklearn-iris',
          'component:sandbox/team-nlp.xgboost-iris',
        ],
      },
    });
    expect(entity.metadata.description).toBe(
      'KServe inference graph (Splitter) — root: Splitter of sklearn-iris, xgboost-iris. State: Not ready yet.',
    );
  });

  it('an LLMInferenceService is a model server with its model, image and GPU', () => {
    // The shape of KServe's llmisvc-single-gpu sample (kserve/examples in specs/lock.json).
    const service = inNlp({
      apiVersion: 'serving.kserve.io/v1alpha2',
      kind: 'LLMInferenceService',
      metadata: { name: 'qwen3-coder-tool-calling' },
      spec: {
        model: {
          uri: 'hf://Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8',
          name: 'Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8',
        },
        replicas: 1,
        router: { route: {}, scheduler: {} },
        template: {
          containers: [
            {
              name: 'main',
              image: 'ghcr.io/llm-d/llm-d-cuda:v0.9.0',
              resources: { limits: { 'nvidia.com/gpu': '1' } },
            },
          ],
        },
      },
    });
    const entity = llmInferenceServiceToEntity(service, context);
    expect(entity.spec).toMatchObject({ type: 'model-server' });
    expect(entity.metadata.tags).toEqual([
      'kubeflow',
      'model-server',
      'kserve',
      'llm',
      'gpu',
    ]);
    expect(entity.metadata.description).toBe(
      'Serves the LLM Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8 (hf://Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8); 1 replica(s), 1 GPU each, image ghcr.io/llm-d/llm-d-cuda:v0.9.0, router. State: Not ready yet.',
    );
  });
});
