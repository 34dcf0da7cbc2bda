import type { KubeObject } from '../store/types';

function ts(base: string | undefined, offsetSeconds: number): string {
  const t = Date.parse(base ?? '') || Date.now();
  return new Date(t + offsetSeconds * 1000).toISOString();
}

/**
 * The log text of a sandbox pod, derived from what the pod is (notebook, predictor, trainer,
 * Spark driver/executor, …) and its status. Pure; the pod helpers store it in the pod's
 * `sandbox.kubeflow.org/log` annotation, which the core serves at `.../pods/<name>/log`.
 */
export function renderPodLog(pod: KubeObject, container?: string): string {
  const labels = pod.metadata.labels ?? {};
  const status = (pod.status ?? {}) as any;
  const started = status.startTime as string | undefined;
  const phase = status.phase as string | undefined;
  const name = pod.metadata.name ?? '';
  if (
    !phase ||
    !status.containerStatuses?.some(
      (c: any) => c.state?.running || c.state?.terminated,
    )
  ) {
    return '';
  }
  const lines: string[] = [];
  const at = (s: number, text: string) =>
    lines.push(`${ts(started, s)} ${text}`);
  if (labels['notebook-name']) {
    const prefix = `/notebook/${pod.metadata.namespace}/${labels['notebook-name']}`;
    at(1, '[I ServerApp] jupyter_lsp | extension was successfully linked.');
    at(
      1,
      '[I ServerApp] jupyter_server_terminals | extension was successfully linked.',
    );
    at(2, '[I ServerApp] jupyterlab | extension was successfully loaded.');
    at(2, `[I ServerApp] Serving notebooks from local directory: /home/jovyan`);
    at(2, `[I ServerApp] Jupyter Server 2.14.2 is running at:`);
    at(2, `[I ServerApp] http://${name}:8888${prefix}/lab`);
    at(
      3,
      '[I ServerApp] Use Control-C to stop this server and shut down all kernels.',
    );
  } else if (labels['serving.kserve.io/inferenceservice']) {
    const model = labels['serving.kserve.io/inferenceservice'];
    at(1, `INFO:root:Copying contents of /mnt/models to local`);
    at(2, `INFO:kserve:Registering model: ${model}`);
    at(2, 'INFO:kserve:Setting max asyncio worker threads as 5');
    at(2, 'INFO:kserve:Starting uvicorn with 1 workers');
    at(3, 'INFO:     Started server process [1]');
    at(
      3,
      'INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)',
    );
  } else if (labels['jobset.sigs.k8s.io/jobset-name']) {
    const rank = labels['batch.kubernetes.io/job-completion-index'] ?? '0';
    at(1, 'PyTorch Distributed Environment');
    at(1, 'Using device: cpu');
    at(1, `RANK: ${rank}`);
    for (let epoch = 1; epoch <= 5; epoch++) {
      at(
        2 + epoch * 4,
        `Train Epoch: ${epoch} [60000/60000 (100%)]\tloss: ${(
          2.3 * Math.exp(-epoch / 2) +
          0.05
        ).toFixed(4)}`,
      );
    }
    if (phase === 'Succeeded') at(30, 'Training completed.');
    if (phase === 'Failed')
      at(30, 'RuntimeError: NCCL communicator was aborted on rank 0.');
  } else if (labels['spark-role'] === 'driver') {
    at(1, 'INFO SparkContext: Running Spark version 4.0.4');
    at(
      2,
      `INFO SparkContext: Submitted application: ${labels['sparkoperator.k8s.io/app-name']}`,
    );
    at(3, "INFO Utils: Successfully started service 'SparkUI' on port 4040.");
    at(
      6,
      'INFO DAGScheduler: Job 0 finished: reduce at SparkPi.scala:38, took 4.21 s',
    );
    if (phase === 'Succeeded') at(7, 'Pi is roughly 3.1415831415831416');
    if (phase === 'Failed')
      at(7, 'ERROR SparkContext: Error initializing SparkContext.');
  } else if (labels['spark-role'] === 'executor') {
    at(
      1,
      'INFO CoarseGrainedExecutorBackend: Started daemon with process name: 14@executor',
    );
    at(2, 'INFO Executor: Starting executor ID 1 on host executor');
    at(
      5,
      'INFO Executor: Finished task 0.0 in stage 0.0 (TID 0). 1000 bytes result sent to driver',
    );
  } else {
    at(
      1,
      `Started container ${
        container ?? (pod.spec as any)?.containers?.[0]?.name ?? ''
      }`,
    );
  }
  return `${lines.join('\n')}\n`;
}
