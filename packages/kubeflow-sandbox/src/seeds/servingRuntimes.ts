import type { KubeObject } from '../store/types';
import {
  runtimeImage,
  servingRuntimeFor,
} from '../controllers/inferenceServiceModel';
import type { SeedWriter } from './seedObjects';

/** The model formats each of KServe's default ClusterServingRuntimes declares (as it installs them). */
const RUNTIMES: Array<{
  format: string;
  formats: Array<{ name: string; version?: string; priority?: number }>;
  protocols: string[];
}> = [
  {
    format: 'sklearn',
    formats: [{ name: 'sklearn', version: '1', priority: 1 }],
    protocols: ['v1', 'v2'],
  },
  {
    format: 'xgboost',
    formats: [{ name: 'xgboost', version: '2', priority: 1 }],
    protocols: ['v1', 'v2'],
  },
  {
    format: 'lightgbm',
    formats: [{ name: 'lightgbm', version: '4', priority: 1 }],
    protocols: ['v1', 'v2'],
  },
  {
    format: 'tensorflow',
    formats: [{ name: 'tensorflow', version: '2', priority: 2 }],
    protocols: ['v1', 'grpc-v1'],
  },
  {
    format: 'pytorch',
    formats: [{ name: 'pytorch', version: '1', priority: 2 }],
    protocols: ['v1', 'v2', 'grpc-v2'],
  },
  {
    format: 'triton',
    formats: [
      { name: 'onnx', version: '1', priority: 1 },
      { name: 'tensorrt', version: '8', priority: 1 },
      { name: 'tensorflow', version: '2', priority: 1 },
      { name: 'pytorch', version: '1', priority: 1 },
      { name: 'triton', version: '2', priority: 1 },
    ],
    protocols: ['v2', 'grpc-v2'],
  },
  {
    format: 'huggingface',
    formats: [{ name: 'huggingface', version: '1', priority: 1 }],
    protocols: ['v2', 'v1'],
  },
  {
    format: 'pmml',
    formats: [{ name: 'pmml', version: '4', priority: 1 }],
    protocols: ['v1'],
  },
  {
    format: 'paddle',
    formats: [{ name: 'paddle', version: '2', priority: 1 }],
    protocols: ['v1', 'v2'],
  },
];

/** KServe's default ClusterServingRuntimes (kserve-sklearnserver, …), valid against their CRD. */
export function defaultClusterServingRuntimes(): KubeObject[] {
  return RUNTIMES.map(r => ({
    apiVersion: 'serving.kserve.io/v1alpha1',
    kind: 'ClusterServingRuntime',
    metadata: { name: servingRuntimeFor(r.format) },
    spec: {
      annotations: {
        'prometheus.kserve.io/port': '8080',
        'prometheus.kserve.io/path': '/metrics',
      },
      supportedModelFormats: r.formats.map(f => ({ ...f, autoSelect: true })),
      protocolVersions: r.protocols,
      containers: [
        {
          name: 'kserve-container',
          image: runtimeImage(r.format),
          args: [
            '--model_name={{.Name}}',
            '--model_dir=/mnt/models',
            '--http_port=8080',
          ],
          resources: {
            requests: { cpu: '1', memory: '2Gi' },
            limits: { cpu: '1', memory: '2Gi' },
          },
        },
      ],
    },
  }));
}

/** Seeds the default ClusterServingRuntimes a KServe install brings. */
export function seedClusterServingRuntimes(writer: SeedWriter): void {
  for (const runtime of defaultClusterServingRuntimes()) {
    writer.create('clusterservingruntimes.serving.kserve.io', runtime);
  }
}
