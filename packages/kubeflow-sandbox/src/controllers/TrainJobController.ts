import type { KubeObject, ResourceKey } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339, setCondition, type Condition } from './conditions';
import { buildPod, currentStage, ensurePod, setPodStage } from './pods';

const TRAINJOBS = 'trainjobs.trainer.kubeflow.org';
/** Label that finds a TrainJob's pods. */
export const JOBSET_LABEL = 'jobset.sigs.k8s.io/jobset-name';
const STEP_MS = 2000;
const STEP_PERCENT = 10;

/**
 * TrainJob → trainer pods `<name>-node-0-<i>`, `jobsStatus`, `trainerStatus.progressPercentage`
 * advancing while running, Suspended/Resumed on `spec.suspend`, Complete (or Failed) at the end.
 */
export class TrainJobController extends ReconcilingController {
  constructor() {
    super({ name: 'trainjob-controller', primary: TRAINJOBS, owned: ['pods'] });
  }

  protected primariesOf(key: ResourceKey, object: KubeObject) {
    const name = object.metadata.labels?.[JOBSET_LABEL];
    return key === 'pods' && name
      ? [{ namespace: object.metadata.namespace, name }]
      : [];
  }

  protected reconcile(job: KubeObject): void {
    if (job.metadata.deletionTimestamp) return;
    const { store } = this.context;
    const namespace = job.metadata.namespace!;
    const name = job.metadata.name!;
    const spec = (job.spec ?? {}) as any;
    const status = (job.status ?? {}) as any;
    const conditions = (status.conditions ?? []) as Condition[];
    const finished = conditions.some(
      c =>
        (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
    );
    const nodes = this.numNodes(job);
    const pods = store
      .list('pods', namespace)
      .filter(p => p.metadata.labels?.[JOBSET_LABEL] === name);
    const progress: number = status.trainerStatus?.progressPercentage ?? 0;

    if (finished) return;
    if (spec.suspend) {
      for (const pod of pods)
        store.delete('pods', namespace, pod.metadata.name!);
      this.writeStatus(job, [], nodes, progress, {
        type: 'Suspended',
        status: 'True',
        reason: 'Suspended',
        message: 'TrainJob is suspended',
      });
      return;
    }
    const wasSuspended = conditions.some(
      c => c.type === 'Suspended' && c.status === 'True',
    );
    const live: KubeObject[] = [];
    for (let i = 0; i < nodes; i++) {
      const podName = `${name}-node-0-${i}`;
      let pod = pods.find(p => p.metadata.name === podName);
      if (!pod) {
        pod = ensurePod(store, trainerPod(job, i), 'Pending', i + 1);
        this.context.recordEvent(
          job,
          'Normal',
          'SuccessfulCreate',
          `Created pod: ${podName}`,
        );
      }
      live.push(pod);
    }
    const allRunning = live.every(p => currentStage(p) === 'Running');
    if (!allRunning) {
      this.schedule(job, 'start-pods', 2500, () => {
        live.forEach((p, i) =>
          setPodStage(store, namespace, p.metadata.name!, 'Running', i + 1),
        );
      });
    } else {
      this.schedule(job, `progress-${progress}`, STEP_MS, () =>
        this.advance(job, progress),
      );
    }
    this.writeStatus(
      job,
      live,
      nodes,
      progress,
      wasSuspended
        ? {
            type: 'Suspended',
            status: 'False',
            reason: 'Resumed',
            message: 'TrainJob is resumed',
          }
        : undefined,
    );
  }

  private numNodes(job: KubeObject): number {
    const spec = (job.spec ?? {}) as any;
    if (typeof spec.trainer?.numNodes === 'number')
      return spec.trainer.numNodes;
    const ref = spec.runtimeRef ?? {};
    const runtime =
      ref.kind === 'TrainingRuntime'
        ? this.context.store.get(
            'trainingruntimes.trainer.kubeflow.org',
            job.metadata.namespace,
            ref.name,
          )
        : this.context.store.get(
            'clustertrainingruntimes.trainer.kubeflow.org',
            undefined,
            ref.name,
          );
    return ((runtime?.spec as any)?.mlPolicy?.numNodes as number) ?? 1;
  }

  private advance(job: KubeObject, from: number): void {
    const { store } = this.context;
    const namespace = job.metadata.namespace!;
    const name = job.metadata.name!;
    const current = store.get(TRAINJOBS, namespace, name);
    if (!current || (current.spec as any)?.suspend) return;
    const next = Math.min(100, from + STEP_PERCENT);
    const fails = name.includes('fail') && next >= 60;
    const now = nowRfc3339();
    store.mutate(TRAINJOBS, namespace, name, j => {
      const st = (j.status ?? {}) as any;
      const remaining = Math.round(
        ((100 - next) / STEP_PERCENT) * (STEP_MS / 1000),
      );
      st.trainerStatus = {
        progressPercentage: next,
        estimatedRemainingSeconds: remaining,
        metrics: [
          {
            name: 'loss',
            value: (2.3 * Math.exp(-next / 35) + 0.05).toFixed(4),
          },
          {
            name: 'accuracy',
            value: (0.1 + 0.88 * (1 - Math.exp(-next / 30))).toFixed(4),
          },
        ],
        lastUpdatedTime: now,
      };
      if (fails) {
        st.conditions = setCondition(st.conditions, {
          type: 'Failed',
          status: 'True',
          reason: 'JobSetFailed',
          message: 'jobset failed: node-0 pod exited with code 1',
        });
      } else if (next >= 100) {
        st.conditions = setCondition(st.conditions, {
          type: 'Complete',
          status: 'True',
          reason: 'JobSetCompleted',
          message: 'jobset completed successfully',
        });
      }
      j.status = st;
    });
    if (fails || next >= 100) {
      const pods = store
        .list('pods', namespace)
        .filter(p => p.metadata.labels?.[JOBSET_LABEL] === name);
      pods.forEach((p, i) =>
        setPodStage(
          store,
          namespace,
          p.metadata.name!,
          fails && i === 0 ? 'Failed' : 'Succeeded',
          i + 1,
        ),
      );
      const finalPods = store
        .list('pods', namespace)
        .filter(p => p.metadata.labels?.[JOBSET_LABEL] === name);
      this.writeStatus(
        current,
        finalPods,
        this.numNodes(current),
        next,
        undefined,
      );
      this.context.recordEvent(
        job,
        fails ? 'Warning' : 'Normal',
        fails ? 'JobSetFailed' : 'JobSetCompleted',
        fails ? 'TrainJob failed' : 'TrainJob completed successfully',
      );
    }
  }

  private writeStatus(
    job: KubeObject,
    pods: KubeObject[],
    nodes: number,
    progress: number,
    condition: Condition | undefined,
  ) {
    this.context.store.mutate(
      TRAINJOBS,
      job.metadata.namespace,
      job.metadata.name!,
      j => {
        const st = (j.status ?? {}) as any;
        if (condition) st.conditions = setCondition(st.conditions, condition);
        if (!st.conditions) st.conditions = [];
        const stages = pods.map(currentStage);
        const suspended = !!(j.spec as any)?.suspend;
        st.jobsStatus = [
          {
            name: 'node',
            ready: stages.filter(s => s === 'Running').length,
            succeeded: stages.filter(s => s === 'Succeeded').length,
            failed: stages.filter(s => s === 'Failed').length,
            active: stages.filter(
              s =>
                s === 'Running' || s === 'Pending' || s === 'ContainerCreating',
            ).length,
            suspended: suspended ? nodes : 0,
          },
        ];
        if (!st.trainerStatus)
          st.trainerStatus = { progressPercentage: progress };
        j.status = st;
      },
    );
  }
}

function trainerPod(job: KubeObject, index: number): KubeObject {
  const spec = (job.spec ?? {}) as any;
  const name = job.metadata.name!;
  return buildPod({
    name: `${name}-node-0-${index}`,
    namespace: job.metadata.namespace!,
    labels: {
      [JOBSET_LABEL]: name,
      'jobset.sigs.k8s.io/replicatedjob-name': 'node',
      'jobset.sigs.k8s.io/job-index': '0',
      'batch.kubernetes.io/job-completion-index': String(index),
      'trainer.kubeflow.org/trainjob-ancestor-step': 'trainer',
    },
    owner: job,
    restartPolicy: 'Never',
    containers: [
      {
        name: 'node',
        image:
          spec.trainer?.image ??
          'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
        ...(spec.trainer?.command ? { command: spec.trainer.command } : {}),
        ...(spec.trainer?.args ? { args: spec.trainer.args } : {}),
        env: [
          { name: 'PET_NNODES', value: String(spec.trainer?.numNodes ?? 1) },
          { name: 'PET_NODE_RANK', value: String(index) },
          { name: 'PET_MASTER_ADDR', value: `${name}-node-0-0.${name}` },
          { name: 'PET_MASTER_PORT', value: '29400' },
        ],
        ...(spec.trainer?.resourcesPerNode
          ? { resources: spec.trainer.resourcesPerNode }
          : {}),
      },
    ],
  });
}
