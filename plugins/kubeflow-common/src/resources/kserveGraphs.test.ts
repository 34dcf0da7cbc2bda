import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import {
  inferenceGraphSummary,
  kserveReadyState,
  llmInferenceServiceSummary,
} from './kserveGraphs';
import {
  SPECS_DIR,
  crdSchema,
  schemaErrors,
} from './__testUtils__/officialSchemas';

const read = (file: string) =>
  yaml
    .loadAll(fs.readFileSync(path.join(SPECS_DIR, file), 'utf8'))
    .filter(Boolean) as any[];

describe('KServe graphs and LLM services', () => {
  it('reads the upstream LLMInferenceService sample: model, replicas, image, GPU, router', () => {
    const [service] = read('kserve/examples/llmisvc-single-gpu.yaml');
    expect(
      schemaErrors(
        crdSchema(
          'kserve/serving.kserve.io_llminferenceservices.yaml',
          'v1alpha2',
        ),
        service,
      ),
    ).toEqual([]);
    expect(llmInferenceServiceSummary(service)).toEqual({
      modelUri: 'hf://Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8',
      modelName: 'Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8',
      replicas: 1,
      image: 'ghcr.io/llm-d/llm-d-cuda:v0.9.0',
      gpus: 1,
      parallelism: {},
      features: ['router'],
    });
  });

  it('reads the upstream splitter InferenceGraph: router type, weighted steps, services', () => {
    const graph = read('samples/kserve/graph__splitter.yaml').find(
      d => d.kind === 'InferenceGraph',
    );
    const summary = inferenceGraphSummary(graph);
    expect(summary.routerType).toBe('Splitter');
    expect(summary.services).toEqual(['sklearn-iris', 'xgboost-iris']);
    expect(summary.nodes[0].steps.map(s => s.weight)).toEqual([20, 80]);
  });

  it('takes the state from the Ready condition', () => {
    expect(kserveReadyState({}).phase).toBe('waiting');
    expect(
      kserveReadyState({
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      }).phase,
    ).toBe('ready');
    expect(
      kserveReadyState({
        status: {
          conditions: [
            { type: 'Ready', status: 'False', message: 'no GPU node' },
          ],
        },
      }),
    ).toEqual({ phase: 'error', message: 'no GPU node' });
  });
});
