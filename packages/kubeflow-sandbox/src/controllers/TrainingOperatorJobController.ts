import { LEGACY_TRAINING_JOBS, replicaSpecsField } from '../schema/crdCatalog';
import type { KubeObject, ResourceKey } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339, setCondition, type Condition } from './conditions';
import { buildPod, currentStage, ensurePod, setPodStage } from './pods';

/** Labels the Training Operator puts on a job's pods. */
export const JOB_NAME_LABEL = 'training.kubeflow.org/job-name';
const REPLICA_TYPE_LABEL = 'training.kubeflow.org/replica-type';
const RUN_MS = 120_000;

type LegacyKind = (typeof LEGACY_TRAINING_JOBS)[number];

/**
 * A Training Operator v1 job (one controller per kind) → one pod per replica of each role
 * (`<name>-<role>-<i>`), conditions Created → Running → Succeeded (Failed when the name says
 * `fail`), `replicaStatuses` per role, Suspended on `spec.runPolicy.suspend` (its pods deleted).
 */
export class TrainingOperatorJobController extends ReconcilingController {
  constructor(private readonly kind: LegacyKind) {
    super({
      name: `${kind.toLowerCase()}-controller`,
      primary: `${kind.toLowerCase()}s.kubeflow.org`,
      owned: ['pods'],
    });
  }

  protected primariesOf(key: ResourceKey, object: KubeObject) {
    const name = object.metadata.labels?.[JOB_NAME_LABEL];
    const owner = object.metadata.ownerReferences?.[0];
    return key === 'pods' && name && owner?.kind === this.kind
      ? [{ namespace: object.metadata.namespace, name }]
      : [];
  }

  private roles(job: KubeObject): Array<[string, any]> {
    return Object.entries(
      ((job.spec as any)?.[replicaSpecsField(this.kind)] ?? {}) as Record<
        string,
        any
      >,
    );
  }

  private podsOf(job: KubeObject): KubeObject[] {
    return this.context.store
      .list('pods', job.metadata.namespace)
      .filter(
        p =>
          p.metadata.labels?.[JOB_NAME_LABEL] === job.metadata.name &&
          p.metadata.ownerReferences?.[0]?.kind === this.kind,
      );
  }

  protected reconcile(job: KubeObject): void {
    if (job.metadata.deletionTimestamp) return;
    const { store } = this.context;
    const namespace = job.metadata.namespace!;
    const conditions = ((job.status as any)?.conditions ?? []) as Condition[];
    const done = conditions.some(
      c => ['Succeeded', 'Failed'].includes(c.type) && c.status === 'True',
    );
    if (done) return;
    const label = `${this.kind} ${job.metadata.name}`;
    if ((job.spec as any)?.runPolicy?.suspend) {
      for (const pod of this.podsOf(job))
        store.delete('pods', namespace, pod.metadata.name!);
      this.writeStatus(job, [
        { type: 'Running', status: 'False', reason: `${this.kind}Suspended` },
        {
          type: 'Suspended',
          status: 'True',
          reason: `${this.kind}Suspended`,
          message: `${label} is suspended.`,
        },
      ]);
      return;
    }
    const pods: KubeObject[] = [];
    let index = 0;
    for (const [role, spec] of this.roles(job)) {
      for (let i = 0; i < (spec.replicas ?? 1); i++) {
        index += 1;
        pods.push(
          ensurePod(store, this.pod(job, role, spec, i), 'Pending', index),
        );
      }
    }
    const running =
      pods.length > 0 && pods.every(p => currentStage(p) === 'Running');
    const wasSuspended = conditions.some(
      c => c.type === 'Suspended' && c.status === 'True',
    );
    this.writeStatus(job, [
      {
        type: 'Created',
        status: 'True',
        reason: `${this.kind}Created`,
        message: `${label} is created.`,
      },
      ...(wasSuspended
        ? ([
            {
              type: 'Suspended',
              status: 'False',
              reason: `${this.kind}Resumed`,
              message: `${label} is resumed.`,
            },
          ] as Condition[])
        : []),
      ...(running
        ? ([
            {
              type: 'Running',
              status: 'True',
              reason: `${this.kind}Running`,
              message: `${label} is running.`,
            },
          ] as Condition[])
        : []),
    ]);
    if (!running) {
      this.schedule(job, 'start-pods', 2500, () =>
        pods.forEach((p, i) =>
          setPodStage(store, namespace, p.metadata.name!, 'Running', i + 1),
        ),
      );
    } else {
      this.schedule(job, 'finish', RUN_MS, () => this.finish(job));
    }
  }

  private finish(job: KubeObject): void {
    const { store } = this.context;
    const namespace = job.metadata.namespace!;
    const current = store.get(this.primary, namespace, job.metadata.name!);
    if (!current || (current.spec as any)?.runPolicy?.suspend) return;
    const fails = job.metadata.name!.includes('fail');
    this.podsOf(current).forEach((p, i) =>
      setPodStage(
        store,
        namespace,
        p.metadata.name!,
        fails && i === 0 ? 'Failed' : 'Succeeded',
        i + 1,
      ),
    );
    const label = `${this.kind} ${job.metadata.name}`;
    this.writeStatus(
      current,
      [
        { type: 'Running', status: 'False', reason: `${this.kind}Running` },
        fails
          ? {
              type: 'Failed',
              status: 'True',
              reason: `${this.kind}Failed`,
              message: `${label} has failed because one replica exited with code 1.`,
            }
          : {
              type: 'Succeeded',
              status: 'True',
              reason: `${this.kind}Succeeded`,
              message: `${label} successfully completed.`,
            },
      ],
      true,
    );
    this.context.recordEvent(
      current,
      fails ? 'Warning' : 'Normal',
      fails ? `${this.kind}Failed` : `${this.kind}Succeeded`,
      `${label} ${fails ? 'failed' : 'succeeded'}`,
    );
  }

  private writeStatus(job: KubeObject, next: Condition[], finished = false) {
    const pods = this.podsOf(job);
    this.context.store.mutate(
      this.primary,
      job.metadata.namespace,
      job.metadata.name!,
      j => {
        const st = (j.status ?? {}) as any;
        for (const c of next) st.conditions = setCondition(st.conditions, c);
        st.replicaStatuses = Object.fromEntries(
          this.roles(j).map(([role]) => {
            const stages = pods
              .filter(
                p =>
                  p.metadata.labels?.[REPLICA_TYPE_LABEL] ===
                  role.toLowerCase(),
              )
              .map(currentStage);
            const count = (s: string) => stages.filter(x => x === s).length;
            return [
              role,
              {
                active: stages.length - count('Succeeded') - count('Failed'),
                succeeded: count('Succeeded'),
                failed: count('Failed'),
              },
            ];
          }),
        );
        st.startTime ??= nowRfc3339();
        if (finished) st.completionTime = nowRfc3339();
        j.status = st;
      },
    );
  }

  private pod(
    job: KubeObject,
    role: string,
    spec: any,
    index: number,
  ): KubeObject {
    const name = job.metadata.name!;
    const containers = (spec.template?.spec?.containers ?? []) as any[];
    return buildPod({
      name: `${name}-${role.toLowerCase()}-${index}`,
      namespace: job.metadata.namespace!,
      labels: {
        [JOB_NAME_LABEL]: name,
        [REPLICA_TYPE_LABEL]: role.toLowerCase(),
        'training.kubeflow.org/replica-index': String(index),
        'training.kubeflow.org/operator-name': `${this.kind
          .replace(/Job$/, '')
          .toLowerCase()}job-controller`,
      },
      owner: job,
      restartPolicy: spec.restartPolicy === 'Never' ? 'Never' : 'OnFailure',
      containers: containers.length
        ? containers.map(c => ({ ...c, image: c.image ?? 'unknown' }))
        : [{ name: 'main', image: 'unknown' }],
    });
  }
}
