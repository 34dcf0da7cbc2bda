import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import {
  InferenceServiceSummary,
  inferenceServiceModelSource,
  inferenceServiceSummary,
} from './inferenceServiceSummary';
import { InferenceService } from './resources';
import { SPECS_DIR } from './resources/__testUtils__/officialSchemas';

const SAMPLES = path.join(SPECS_DIR, 'samples/kserve');

/** Every InferenceService document of the upstream samples, keyed `<file>#<name>`. */
function upstreamInferenceServices(): Map<string, InferenceService> {
  const found = new Map<string, InferenceService>();
  for (const file of fs.readdirSync(SAMPLES).sort()) {
    if (!file.endsWith('.yaml')) continue;
    const docs = yaml.loadAll(
      fs.readFileSync(path.join(SAMPLES, file), 'utf8'),
    ) as any[];
    for (const doc of docs) {
      if (doc?.kind === 'InferenceService') {
        found.set(`${file}#${doc.metadata.name}`, doc);
      }
    }
  }
  return found;
}

type Expected = Partial<InferenceServiceSummary> & {
  /** What {@link inferenceServiceModelSource} says. */
  source: string | undefined;
};

const gcs = 'gs://kfserving-examples/models';
const framework = (
  modelFormat: string,
  storageUri: string,
  more: Partial<Expected> = {},
): Expected => ({
  predictorForm: 'framework',
  modelFormat,
  storageUri,
  source: storageUri,
  deploymentMode: 'Serverless',
  deploymentModeSource: 'default',
  ...more,
});
const model = (
  modelFormat: string,
  storageUri: string,
  more: Partial<Expected> = {},
): Expected => ({
  ...framework(modelFormat, storageUri, more),
  predictorForm: 'model',
  ...more,
});

/** Per upstream sample: the format and the storage or image it states, and what else it sets. */
const expected: Record<string, Expected> = {
  'accelerators__tensorflow-gpu.yaml#tensorflow-gpu': framework(
    'tensorflow',
    `${gcs}/tensorflow/flowers`,
    {
      runtimeVersion: '1.11.0-gpu',
      gpu: { resource: 'nvidia.com/gpu', count: '1' },
    },
  ),
  'batcher__basic__batcher_v1beta1.yaml#pytorch-batcher': framework(
    'pytorch',
    `${gcs}/torchserve/image_classifier/v1`,
    { minReplicas: 1, batcher: { maxBatchSize: 16, maxLatency: 300 } },
  ),
  'explanation__aif__germancredit__bias.yaml#german-credit': {
    predictorForm: 'custom',
    modelFormat: undefined,
    image: 'aipipeline/aifserver:predictor',
    source: 'aipipeline/aifserver:predictor',
    resources: {
      limits: { cpu: '1', memory: '2Gi' },
      requests: { cpu: '1', memory: '2Gi' },
    },
    containerConcurrency: 0,
    logger: { mode: 'all', url: 'http://message-dumper.default/' },
    explainer: {
      kind: 'containers',
      image: 'aipipeline/aifserver:latest',
      resources: {
        limits: { cpu: '2', memory: '2Gi' },
        requests: { cpu: '2', memory: '2Gi' },
      },
    },
    gpu: undefined,
  },
  'fluid__fluid-isvc.yaml#llama-31-8b-instruct': model(
    'huggingface',
    'pvc://s3-data/llama-31-8b-instruct',
    {
      runtime: 'custom-kserve-huggingfaceserver',
      minReplicas: 0,
      gpu: { resource: 'nvidia.com/gpu', count: '1' },
      args: [
        '--gpu-memory-utilization=0.95',
        '--max-model-len=1024',
        '--tensor-parallel-size=1',
        '--enforce-eager',
        '--disable-log-stats',
      ],
    },
  ),
  'graph__splitter.yaml#sklearn-iris': framework(
    'sklearn',
    `${gcs}/sklearn/1.0/model`,
  ),
  'graph__splitter.yaml#xgboost-iris': framework(
    'xgboost',
    `${gcs}/xgboost/iris`,
  ),
  'istio-dex__sklearn.yaml#sklearn-iris': model(
    'sklearn',
    `${gcs}/sklearn/1.0/model`,
  ),
  'model-registry__pkg__inferenceservice-controller__testdata__inferenceservices__inference-service-correct.yaml#example-onnx-mnist':
    {
      predictorForm: 'model',
      modelFormat: 'onnx',
      runtime: 'kserve-ovms',
      storageUri: undefined,
      storage: { key: 'testkey', path: '/testpath/test' },
      source: 'testkey: /testpath/test',
      deploymentMode: 'Serverless',
    },
  'modelmesh__config__example-isvcs__example-onnx-mnist-isvc.yaml#example-onnx-mnist':
    {
      predictorForm: 'model',
      modelFormat: 'onnx',
      storage: { key: 'localMinIO', path: 'onnx/mnist.onnx' },
      source: 'localMinIO: onnx/mnist.onnx',
      deploymentMode: 'ModelMesh',
      deploymentModeSource: 'annotation',
    },
  'modelmesh__fvt__testdata__isvcs__isvc-pvc-uri.yaml#isvc-pvc-storage-uri':
    model('sklearn', 'pvc://models-pvc-1/sklearn/mnist-svm.joblib', {
      deploymentMode: 'ModelMesh',
      deploymentModeSource: 'annotation',
    }),
  'storage__oci-fetch__inference_service.yaml#sklearn-oci-fetch': model(
    'sklearn',
    'oci+fetch://ghcr.io/kliukovkin/kserve-oci-test-fixture:v1',
    {
      resources: {
        requests: { cpu: '100m', memory: '256Mi' },
        limits: { cpu: '500m', memory: '512Mi' },
      },
      gpu: undefined,
    },
  ),
  'storage__storageSpec__sklearn_storagespec.yaml#example-sklearn-isvc': {
    predictorForm: 'framework',
    modelFormat: 'sklearn',
    storageUri: undefined,
    storage: {
      key: 'localMinIO',
      path: 'sklearn',
      parameters: { bucket: 'example-models' },
    },
    source: 'localMinIO: sklearn',
  },
  'test__benchmark__sklearn_hpa.yaml#sklearn-iris-hpa': framework(
    'sklearn',
    `${gcs}/sklearn/1.0/model`,
    { deploymentMode: 'RawDeployment', deploymentModeSource: 'annotation' },
  ),
  'v1beta1__advanced__probes.yaml#flowers': framework(
    'tensorflow',
    `${gcs}/tensorflow/flowers`,
  ),
  'v1beta1__custom__custom_model__custom.yaml#custom-model': {
    predictorForm: 'custom',
    modelFormat: undefined,
    storageUri: undefined,
    image: 'kserve/custom-model:latest',
    source: 'kserve/custom-model:latest',
  },
  'v1beta1__custom__custom_model__custom.yaml#custom-model-grpc': {
    predictorForm: 'custom',
    modelFormat: undefined,
    image: 'kserve/custom-model-grpc:latest',
    source: 'kserve/custom-model-grpc:latest',
  },
  'v1beta1__onnx__onnx.yaml#style-sample': framework('onnx', `${gcs}/onnx`),
  'v1beta1__pmml__pmml.yaml#pmml-demo': framework('pmml', `${gcs}/pmml`),
  'v1beta1__sklearn__v1__sklearn-mixedtype-model__sklearn-mixedtype.yaml#sklearn-mixedtype':
    framework('sklearn', `${gcs}/sklearn/1.3/mixedtype`),
  'v1beta1__tensorflow__grpc.yaml#flower-grpc': framework(
    'tensorflow',
    `${gcs}/tensorflow/flowers`,
  ),
  'v1beta1__torchserve__canary__canary.yaml#torchserve': framework(
    'pytorch',
    `${gcs}/torchserve/image_classifier/v2`,
    { canaryTrafficPercent: 20 },
  ),
  'v1beta1__torchserve__v2__bert__bert_gpu.yaml#torchserve-bert-v2': framework(
    'pytorch',
    `${gcs}/torchserve/bert/v2`,
    {
      protocolVersion: 'v2',
      resources: { limits: { memory: '4Gi', 'nvidia.com/gpu': '1' } },
      gpu: { resource: 'nvidia.com/gpu', count: '1' },
    },
  ),
  'v1beta1__transformer__feast__driver_transformer_new.yaml#sklearn-driver-transformer':
    model('sklearn', `${gcs}/feast/driver`, {
      transformer: {
        kind: 'containers',
        image: 'kserve/driver-transformer:latest',
      },
    }),
  'v1beta1__triton__bert__bert_v1beta1.yaml#bert-v2': framework(
    'triton',
    `${gcs}/triton/bert`,
    {
      runtimeVersion: '23.10-py3',
      transformer: {
        kind: 'containers',
        image: 'kserve/bert-tokenizer:latest',
        storageUri: `${gcs}/triton/bert-transformer`,
      },
    },
  ),
};

/** The summary's values for the keys a case states (absent keys compare as undefined). */
function picked(summary: InferenceServiceSummary, keys: string[]) {
  const record = { ...summary, source: inferenceServiceModelSource(summary) };
  return Object.fromEntries(
    keys.map(k => [k, record[k as keyof typeof record]]),
  );
}

describe('inferenceServiceSummary of the upstream KServe samples', () => {
  const samples = upstreamInferenceServices();

  it('has an expectation for every InferenceService the samples hold, and no other', () => {
    expect([...samples.keys()].sort()).toEqual(Object.keys(expected).sort());
    expect(samples.size).toBeGreaterThanOrEqual(24);
  });

  it.each(Object.entries(expected))('%s', (key, want) => {
    const isvc = samples.get(key);
    if (!isvc) throw new Error(`no sample ${key}`);
    const summary = inferenceServiceSummary(isvc);
    expect(picked(summary, Object.keys(want))).toEqual(want);
    // Whatever the form, a sample always says where its model (or its server) comes from.
    expect(inferenceServiceModelSource(summary)).toMatch(/\S/);
  });
});

describe('inferenceServiceSummary', () => {
  const base = (spec: any, extra: Partial<InferenceService> = {}) =>
    ({
      apiVersion: 'serving.kserve.io/v1beta1',
      kind: 'InferenceService',
      metadata: { name: 'm', namespace: 'team-a' },
      spec,
      ...extra,
    } as InferenceService);

  it('reads the model format version, scaling, timeout, service account and deployment strategy', () => {
    const summary = inferenceServiceSummary(
      base(
        {
          predictor: {
            serviceAccountName: 'models-reader',
            minReplicas: 2,
            maxReplicas: 5,
            scaleTarget: 10,
            scaleMetric: 'rps',
            containerConcurrency: 4,
            timeout: 120,
            deploymentStrategy: { type: 'Recreate' },
            model: {
              modelFormat: { name: 'xgboost', version: '2' },
              protocolVersion: 'grpc-v2',
              storageUri: 's3://models/xgb/',
              resources: { limits: { 'amd.com/gpu': 2 } },
            },
          },
        },
        {
          metadata: {
            name: 'm',
            annotations: { 'serving.kserve.io/deploymentMode': 'Standard' },
          },
        },
      ),
    );
    expect(summary).toEqual({
      predictorForm: 'model',
      modelFormat: 'xgboost',
      modelFormatVersion: '2',
      protocolVersion: 'grpc-v2',
      storageUri: 's3://models/xgb/',
      resources: { limits: { 'amd.com/gpu': 2 } },
      gpu: { resource: 'amd.com/gpu', count: '2' },
      deploymentMode: 'Standard',
      deploymentModeSource: 'annotation',
      deploymentStrategy: 'Recreate',
      serviceAccountName: 'models-reader',
      minReplicas: 2,
      maxReplicas: 5,
      scaleTarget: 10,
      scaleMetric: 'rps',
      containerConcurrency: 4,
      timeout: 120,
    });
  });

  it('takes the mode and the chosen runtime from the status when the spec names neither', () => {
    const summary = inferenceServiceSummary(
      base(
        { predictor: { sklearn: { storageUri: 'gs://m' } } },
        {
          status: {
            deploymentMode: 'RawDeployment',
            clusterServingRuntimeName: 'kserve-sklearnserver',
          },
        },
      ),
    );
    expect(summary).toMatchObject({
      deploymentMode: 'RawDeployment',
      deploymentModeSource: 'status',
      selectedRuntime: 'kserve-sklearnserver',
    });
    expect(summary.runtime).toBeUndefined();
  });

  it('reads a custom container’s STORAGE_URI, the serving container among several, and storageUris', () => {
    const summary = inferenceServiceSummary(
      base({
        predictor: {
          storageUris: [{ uri: 's3://tokenizers/bert' }],
          containers: [
            { name: 'sidecar', image: 'envoy:1' },
            {
              name: 'kserve-container',
              image: 'ghcr.io/acme/server:2',
              args: ['--port=8080'],
              env: [
                { name: 'OTHER', value: 'x' },
                { name: 'STORAGE_URI', value: 'hf://acme/model' },
              ],
            },
          ],
        },
      }),
    );
    expect(summary).toMatchObject({
      predictorForm: 'custom',
      image: 'ghcr.io/acme/server:2',
      args: ['--port=8080'],
      storageUri: 'hf://acme/model',
      storageUris: ['s3://tokenizers/bert'],
    });
    expect(inferenceServiceModelSource(summary)).toBe('hf://acme/model');
  });

  it('names an ART explainer by its kind and type', () => {
    const summary = inferenceServiceSummary(
      base({
        predictor: { sklearn: { storageUri: 'gs://m' } },
        explainer: {
          art: {
            type: 'SquareAttack',
            storageUri: 'gs://art',
            image: 'kserve/art-explainer:v0.16.0',
          },
        },
      }),
    );
    expect(summary.explainer).toEqual({
      kind: 'art',
      type: 'SquareAttack',
      image: 'kserve/art-explainer:v0.16.0',
      storageUri: 'gs://art',
    });
    expect(summary.transformer).toBeUndefined();
  });

  it('says unknown, not a format, for a predictor it cannot read', () => {
    expect(inferenceServiceSummary(base({ predictor: {} }))).toEqual({
      predictorForm: 'unknown',
      deploymentMode: 'Serverless',
      deploymentModeSource: 'default',
    });
    expect(inferenceServiceSummary(base(undefined)).predictorForm).toBe(
      'unknown',
    );
  });
});
