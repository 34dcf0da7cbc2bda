import type { KubeObject } from '../store/types';
import {
  notebookContainers,
  notebookPod,
  notebookStatefulSet,
  STOP_ANNOTATION,
  LAST_ACTIVITY_ANNOTATION,
} from '../controllers/NotebookController';
import { podStatus, writeLog } from '../controllers/pods';
import { controllerRef } from '../controllers/ownership';
import type { SpawnerImages } from './demoCatalog';
import type { SeedWriter } from './seedObjects';
import { ago } from './seedObjects';

const NOTEBOOK_SERVERS = 'ghcr.io/kubeflow/kubeflow/notebook-servers';

/**
 * The images the demo's notebooks run: the Kubeflow notebook-server images the Jupyter web app
 * offers by default (Jupyter with SciPy, PyTorch, PyTorch CUDA, TensorFlow, TensorFlow CUDA; VS
 * Code; RStudio).
 */
export const DEMO_IMAGES: SpawnerImages = {
  jupyter: [
    'jupyter-scipy',
    'jupyter-pytorch-full',
    'jupyter-pytorch-cuda-full',
    'jupyter-tensorflow-full',
    'jupyter-tensorflow-cuda-full',
  ].map(name => `${NOTEBOOK_SERVERS}/${name}:latest`),
  vscode: `${NOTEBOOK_SERVERS}/codeserver-python:latest`,
  rstudio: `${NOTEBOOK_SERVERS}/rstudio-tidyverse:latest`,
};

/** A demo notebook as the Jupyter web app would create it. */
export interface DemoNotebook {
  namespace: string;
  name: string;
  image: string;
  creator: string;
  serverType: 'jupyter' | 'group-one' | 'group-two';
  cpu: string;
  memory: string;
  gpu?: number;
  stopped?: boolean;
  podDefaults?: string[];
  minutesAgo: number;
}

/** The Notebook object (v1) with a JWA-shaped template. */
export function notebookObject(n: DemoNotebook): KubeObject {
  const annotations: Record<string, string> = {
    'notebooks.kubeflow.org/server-type': n.serverType,
    'notebooks.kubeflow.org/creator': n.creator,
  };
  if (n.serverType !== 'jupyter')
    annotations['notebooks.kubeflow.org/http-rewrite-uri'] = '/';
  if (n.serverType === 'group-two') {
    annotations['notebooks.kubeflow.org/http-headers-request-set'] =
      JSON.stringify({
        'X-RStudio-Root-Path': `/notebook/${n.namespace}/${n.name}/`,
      });
  }
  if (n.stopped)
    annotations[STOP_ANNOTATION] = ago(Date.now(), n.minutesAgo / 2);
  const labels: Record<string, string> = { app: n.name };
  for (const pd of n.podDefaults ?? []) labels[pd] = 'true';
  const limits: Record<string, string> = {
    cpu: String(Number(n.cpu) * 1.2),
    memory: n.memory,
  };
  if (n.gpu) limits['nvidia.com/gpu'] = String(n.gpu);
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Notebook',
    metadata: { name: n.name, namespace: n.namespace, labels, annotations },
    spec: {
      template: {
        spec: {
          serviceAccountName: 'default-editor',
          containers: [
            {
              name: n.name,
              image: n.image,
              imagePullPolicy: 'IfNotPresent',
              resources: { requests: { cpu: n.cpu, memory: n.memory }, limits },
              volumeMounts: [
                { mountPath: '/home/jovyan', name: `${n.name}-workspace` },
                { mountPath: '/dev/shm', name: 'dshm' },
              ],
            },
          ],
          volumes: [
            {
              name: `${n.name}-workspace`,
              persistentVolumeClaim: { claimName: `${n.name}-workspace` },
            },
            { name: 'dshm', emptyDir: { medium: 'Memory' } },
          ],
          ...(n.gpu
            ? {
                tolerations: [
                  {
                    key: 'nvidia.com/gpu',
                    operator: 'Exists',
                    effect: 'NoSchedule',
                  },
                ],
              }
            : {}),
        },
      },
    },
  };
}

/** Seeds a notebook in its settled state: PVC, StatefulSet, Service, running Pod and status. */
export function seedNotebook(writer: SeedWriter, n: DemoNotebook): KubeObject {
  const since = ago(Date.now(), n.minutesAgo);
  writer.create('persistentvolumeclaims', {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `${n.name}-workspace`, namespace: n.namespace },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '10Gi' } },
    },
    status: {
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '10Gi' },
    },
  });
  const object = notebookObject(n);
  const containers = notebookContainers(object);
  const running = !n.stopped;
  const pod = running
    ? { ...podStatus(containers, 'Running', since, since) }
    : undefined;
  const nb = writer.create('notebooks.kubeflow.org', {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: {
        ...object.metadata.annotations,
        [LAST_ACTIVITY_ANNOTATION]: ago(
          Date.now(),
          running ? 3 : n.minutesAgo / 2 + 5,
        ),
        'notebooks.kubeflow.org/last_activity_check_timestamp': ago(
          Date.now(),
          1,
        ),
      },
    },
    status: running
      ? {
          readyReplicas: 1,
          containerState: (pod as any).containerStatuses[0].state,
          conditions: ((pod as any).conditions as any[]).map(c => {
            const { lastProbeTime: _drop, ...rest } = c;
            return rest;
          }),
        }
      : { readyReplicas: 0, containerState: {}, conditions: [] },
  });
  const sts = writer.create(
    'statefulsets.apps',
    notebookStatefulSet(nb, running ? 1 : 0),
  );
  writer.create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: n.name,
      namespace: n.namespace,
      ownerReferences: [controllerRef(nb)],
    },
    spec: {
      type: 'ClusterIP',
      selector: { statefulset: n.name },
      ports: [
        { name: `http-${n.name}`, port: 80, targetPort: 8888, protocol: 'TCP' },
      ],
    },
  });
  if (running) {
    const p = notebookPod(nb, sts, containers);
    p.status = pod;
    writeLog(p);
    writer.create('pods', p);
  }
  return nb;
}

/** The standard PodDefaults of a Kubeflow profile namespace. */
export function podDefaults(namespace: string): KubeObject[] {
  return [
    {
      apiVersion: 'kubeflow.org/v1alpha1',
      kind: 'PodDefault',
      metadata: { name: 'access-ml-pipeline', namespace },
      spec: {
        desc: 'Allow access to Kubeflow Pipelines',
        selector: { matchLabels: { 'access-ml-pipeline': 'true' } },
        env: [
          {
            name: 'KF_PIPELINES_SA_TOKEN_PATH',
            value: '/var/run/secrets/kubeflow/pipelines/token',
          },
        ],
        volumeMounts: [
          {
            mountPath: '/var/run/secrets/kubeflow/pipelines',
            name: 'volume-kf-pipeline-token',
            readOnly: true,
          },
        ],
        volumes: [
          {
            name: 'volume-kf-pipeline-token',
            projected: {
              sources: [
                {
                  serviceAccountToken: {
                    path: 'token',
                    expirationSeconds: 7200,
                    audience: 'pipelines.kubeflow.org',
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      apiVersion: 'kubeflow.org/v1alpha1',
      kind: 'PodDefault',
      metadata: { name: 'add-minio-secret', namespace },
      spec: {
        desc: 'Add MinIO (S3) credentials for the model bucket',
        selector: { matchLabels: { 'add-minio-secret': 'true' } },
        env: [
          {
            name: 'AWS_ENDPOINT_URL',
            value: 'http://minio-service.kubeflow:9000',
          },
          {
            name: 'AWS_ACCESS_KEY_ID',
            valueFrom: {
              secretKeyRef: {
                name: 'mlpipeline-minio-artifact',
                key: 'accesskey',
              },
            },
          },
          {
            name: 'AWS_SECRET_ACCESS_KEY',
            valueFrom: {
              secretKeyRef: {
                name: 'mlpipeline-minio-artifact',
                key: 'secretkey',
              },
            },
          },
        ],
      },
    },
  ];
}

/** The Tensorboard of a namespace, Available. */
export function tensorboard(
  namespace: string,
  name: string,
  logspath: string,
): KubeObject {
  return {
    apiVersion: 'tensorboard.kubeflow.org/v1alpha1',
    kind: 'Tensorboard',
    metadata: { name, namespace },
    spec: { logspath },
    status: {
      readyReplicas: 1,
      conditions: [
        { deploymentState: 'Progressing', lastProbeTime: ago(Date.now(), 300) },
        { deploymentState: 'Available', lastProbeTime: ago(Date.now(), 299) },
      ],
    },
  };
}

/**
 * The ClusterTrainingRuntime `torch-distributed` a Trainer install provides: one replicated job
 * `node` running PyTorch, with the torch ML policy.
 */
export function torchDistributedRuntime(): KubeObject {
  return {
    apiVersion: 'trainer.kubeflow.org/v1alpha1',
    kind: 'ClusterTrainingRuntime',
    metadata: {
      name: 'torch-distributed',
      labels: { 'trainer.kubeflow.org/framework': 'torch' },
    },
    spec: {
      mlPolicy: { numNodes: 1, torch: {} },
      template: {
        spec: {
          replicatedJobs: [
            {
              name: 'node',
              template: {
                metadata: {
                  labels: {
                    'trainer.kubeflow.org/trainjob-ancestor-step': 'trainer',
                  },
                },
                spec: {
                  template: {
                    spec: {
                      containers: [
                        {
                          name: 'node',
                          image:
                            'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
                        },
                      ],
                    },
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
}

/** A TrainJob on torch-distributed, either complete or mid-way (the controller continues it). */
export function trainJob(
  namespace: string,
  name: string,
  options: {
    complete: boolean;
    progress: number;
    numNodes: number;
    image: string;
    minutesAgo: number;
  },
): KubeObject {
  const t = ago(Date.now(), options.minutesAgo);
  const done = ago(Date.now(), Math.max(options.minutesAgo - 42, 1));
  return {
    apiVersion: 'trainer.kubeflow.org/v1alpha1',
    kind: 'TrainJob',
    metadata: {
      name,
      namespace,
      labels: { 'app.kubernetes.io/part-of': 'kubeflow' },
    },
    spec: {
      runtimeRef: {
        apiGroup: 'trainer.kubeflow.org',
        kind: 'ClusterTrainingRuntime',
        name: 'torch-distributed',
      },
      trainer: {
        image: options.image,
        numNodes: options.numNodes,
        command: ['torchrun', 'train.py', '--epochs=10', '--batch-size=64'],
        resourcesPerNode: {
          requests: { cpu: '4', memory: '16Gi' },
          limits: { 'nvidia.com/gpu': '1' },
        },
      },
    },
    status: {
      conditions: options.complete
        ? [
            {
              type: 'Complete',
              status: 'True',
              reason: 'JobSetCompleted',
              message: 'jobset completed successfully',
              lastTransitionTime: done,
            },
          ]
        : [],
      jobsStatus: [
        {
          name: 'node',
          ready: 0,
          succeeded: options.complete ? options.numNodes : 0,
          failed: 0,
          active: 0,
          suspended: 0,
        },
      ],
      trainerStatus: {
        progressPercentage: options.progress,
        estimatedRemainingSeconds:
          Math.round((100 - options.progress) / 10) * 2,
        metrics: [
          {
            name: 'loss',
            value: (2.3 * Math.exp(-options.progress / 35) + 0.05).toFixed(4),
          },
          {
            name: 'accuracy',
            value: (
              0.1 +
              0.88 * (1 - Math.exp(-options.progress / 30))
            ).toFixed(4),
          },
        ],
        lastUpdatedTime: options.complete ? done : t,
      },
    },
  };
}

/** A SparkApplication spec like the spark-pi sample, for a given job. */
export function sparkSpec(
  mainApplicationFile: string,
  mainClass: string | undefined,
  type: 'Scala' | 'Python',
  args: string[] = [],
) {
  return {
    type,
    mode: 'cluster',
    image: 'docker.io/apache/spark:4.0.4',
    imagePullPolicy: 'IfNotPresent',
    ...(mainClass ? { mainClass } : {}),
    mainApplicationFile,
    ...(args.length ? { arguments: args } : {}),
    sparkVersion: '4.0.4',
    restartPolicy: { type: 'Never' },
    driver: { cores: 1, memory: '1g', serviceAccount: 'spark-operator-spark' },
    executor: { instances: 2, cores: 2, memory: '2g' },
  };
}

/** A completed SparkApplication with the status the operator leaves behind. */
export function completedSparkApplication(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  minutesAgo: number,
  labels: Record<string, string> = {},
): KubeObject {
  const hex = (seed: string, n: number) => {
    let h = 2166136261;
    let out = '';
    while (out.length < n) {
      for (const c of seed + out.length)
        h = Math.imul(h ^ c.charCodeAt(0), 16777619);
      out += (h >>> 0).toString(16).padStart(8, '0');
    }
    return out.slice(0, n);
  };
  const id = hex(`${namespace}/${name}`, 32);
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: { name, namespace, labels },
    spec,
    status: {
      applicationState: { state: 'COMPLETED' },
      driverInfo: {
        podName: `${name}-driver`,
        webUIServiceName: `${name}-ui-svc`,
        webUIPort: 4040,
        webUIAddress: `10.96.${parseInt(id.slice(0, 2), 16) % 250}.${
          2 + (parseInt(id.slice(2, 4), 16) % 250)
        }:4040`,
      },
      executorState: {
        [`${name}-exec-1`]: 'COMPLETED',
        [`${name}-exec-2`]: 'COMPLETED',
      },
      sparkApplicationId: `spark-${id}`,
      submissionID: `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(
        13,
        16,
      )}-a${id.slice(17, 20)}-${id.slice(20, 32)}`,
      submissionAttempts: 1,
      executionAttempts: 1,
      lastSubmissionAttemptTime: ago(Date.now(), minutesAgo),
      terminationTime: ago(Date.now(), minutesAgo - 6),
    },
  };
}

/**
 * A finished PyTorchJob (Training Operator v1), as Kubeflow 1.10 users still run them: a master
 * and `workers` workers on the Katib MNIST image, one GPU each.
 */
export function pytorchJob(
  namespace: string,
  name: string,
  options: { workers: number; minutesAgo: number },
): KubeObject {
  const container = {
    name: 'pytorch',
    image: 'docker.io/kubeflowkatib/pytorch-mnist-cpu:latest',
    command: ['python3', '/opt/pytorch-mnist/mnist.py', '--epochs=3'],
    resources: { limits: { 'nvidia.com/gpu': 1 } },
  };
  const role = (replicas: number) => ({
    replicas,
    restartPolicy: 'OnFailure',
    template: { spec: { containers: [container] } },
  });
  const created = ago(Date.now(), options.minutesAgo);
  const running = ago(Date.now(), options.minutesAgo - 1);
  const done = ago(Date.now(), Math.max(options.minutesAgo - 25, 1));
  const condition = (
    type: string,
    status: string,
    at: string,
    message: string,
  ) => ({
    type,
    status,
    reason: `PyTorchJob${type}`,
    message,
    lastUpdateTime: at,
    lastTransitionTime: at,
  });
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'PyTorchJob',
    metadata: { name, namespace, creationTimestamp: created },
    spec: {
      runPolicy: { cleanPodPolicy: 'None', backoffLimit: 3 },
      pytorchReplicaSpecs: { Master: role(1), Worker: role(options.workers) },
    },
    status: {
      conditions: [
        condition('Created', 'True', created, `PyTorchJob ${name} is created.`),
        condition('Running', 'False', done, `PyTorchJob ${name} is running.`),
        condition(
          'Succeeded',
          'True',
          done,
          `PyTorchJob ${name} is successfully completed.`,
        ),
      ],
      replicaStatuses: {
        Master: { succeeded: 1 },
        Worker: { succeeded: options.workers },
      },
      startTime: running,
      completionTime: done,
    },
  };
}

const readyStatus = (url: string, minutesAgo: number) => ({
  url,
  conditions: [
    {
      type: 'Ready',
      status: 'True',
      lastTransitionTime: ago(Date.now(), minutesAgo),
    },
  ],
});

/** An InferenceGraph that runs `steps` (InferenceServices) in sequence. */
export function sequenceGraph(
  namespace: string,
  name: string,
  steps: string[],
): KubeObject {
  return {
    apiVersion: 'serving.kserve.io/v1alpha1',
    kind: 'InferenceGraph',
    metadata: { name, namespace },
    spec: {
      nodes: {
        root: {
          routerType: 'Sequence',
          steps: steps.map((serviceName, i) => ({
            name: serviceName,
            serviceName,
            ...(i > 0 ? { data: '$response' } : {}),
          })),
        },
      },
    },
    status: readyStatus(`http://${name}.${namespace}.example.com`, 60),
  };
}

/** An LLMInferenceService serving a Hugging Face model on one GPU, as KServe's LLM sample does. */
export function llmService(
  namespace: string,
  name: string,
  model: string,
): KubeObject {
  return {
    apiVersion: 'serving.kserve.io/v1alpha2',
    kind: 'LLMInferenceService',
    metadata: { name, namespace },
    spec: {
      model: { uri: `hf://${model}`, name: model },
      replicas: 1,
      router: { route: {}, scheduler: {} },
      template: {
        containers: [
          {
            name: 'main',
            image: 'ghcr.io/llm-d/llm-d-cuda:v0.9.0',
            resources: {
              limits: { 'nvidia.com/gpu': '1' },
              requests: { 'nvidia.com/gpu': '1' },
            },
          },
        ],
      },
    },
    status: readyStatus(`http://${name}.${namespace}.example.com`, 120),
  };
}
