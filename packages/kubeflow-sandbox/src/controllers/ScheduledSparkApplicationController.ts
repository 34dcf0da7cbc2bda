import type { KubeObject } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339 } from './conditions';
import { controllerRef } from './ownership';
import { nextCronTime } from './cron';

const SCHEDULED = 'scheduledsparkapplications.sparkoperator.k8s.io';
const APPS = 'sparkapplications.sparkoperator.k8s.io';
const SCHEDULED_LABEL = 'sparkoperator.k8s.io/scheduled-app-name';

/**
 * ScheduledSparkApplication: validates the schedule, keeps `nextRun`, creates a SparkApplication
 * `<name>-<unix time>` when due (honouring suspend and concurrencyPolicy) and prunes runs beyond
 * the history limits (so it never piles up objects).
 */
export class ScheduledSparkApplicationController extends ReconcilingController {
  constructor() {
    super({ name: 'spark-scheduler', primary: SCHEDULED, owned: [APPS] });
  }

  protected reconcile(scheduled: KubeObject): void {
    if (scheduled.metadata.deletionTimestamp) return;
    const { store } = this.context;
    const namespace = scheduled.metadata.namespace!;
    const name = scheduled.metadata.name!;
    const spec = (scheduled.spec ?? {}) as any;
    const status = (scheduled.status ?? {}) as any;
    const runs = store
      .list(APPS, namespace)
      .filter(a => a.metadata.labels?.[SCHEDULED_LABEL] === name);
    const history = this.pruneHistory(spec, runs);
    const now = new Date();
    const next = nextCronTime(
      spec.schedule ?? '',
      status.lastRun ? new Date(status.lastRun) : now,
    );
    if (!next) {
      store.mutate(SCHEDULED, namespace, name, s => {
        s.status = {
          ...(s.status as any),
          scheduleState: 'FailedValidation',
          reason: `invalid cron schedule: ${spec.schedule}`,
        };
      });
      return;
    }
    const nextRun = nowRfc3339(
      next.getTime() < now.getTime() ? nextCronTime(spec.schedule, now)! : next,
    );
    store.mutate(SCHEDULED, namespace, name, s => {
      const st = (s.status ?? {}) as any;
      const out: Record<string, unknown> = {
        ...st,
        scheduleState: 'Scheduled',
        nextRun,
      };
      delete out.reason;
      if (history.successful.length)
        out.pastSuccessfulRunNames = history.successful;
      if (history.failed.length) out.pastFailedRunNames = history.failed;
      s.status = out;
    });
    if (spec.suspend) return;
    const delay = Math.max(1000, new Date(nextRun).getTime() - now.getTime());
    this.schedule(scheduled, `run-${nextRun}`, delay, () =>
      this.launch(namespace, name),
    );
  }

  private launch(namespace: string, name: string): void {
    const { store } = this.context;
    const scheduled = store.get(SCHEDULED, namespace, name);
    if (!scheduled || (scheduled.spec as any)?.suspend) return;
    const spec = (scheduled.spec ?? {}) as any;
    const runs = store
      .list(APPS, namespace)
      .filter(a => a.metadata.labels?.[SCHEDULED_LABEL] === name);
    const active = runs.filter(
      r =>
        !['COMPLETED', 'FAILED'].includes(
          (r.status as any)?.applicationState?.state ?? '',
        ),
    );
    const now = new Date();
    if (active.length && spec.concurrencyPolicy === 'Forbid') {
      store.mutate(SCHEDULED, namespace, name, s => {
        s.status = { ...(s.status as any), lastRun: nowRfc3339(now) };
      });
      return;
    }
    if (active.length && spec.concurrencyPolicy === 'Replace') {
      for (const r of active) store.delete(APPS, namespace, r.metadata.name!);
    }
    const runName = `${name}-${Math.floor(now.getTime() / 1000)}`;
    if (!store.get(APPS, namespace, runName)) {
      store.create(APPS, {
        apiVersion: 'sparkoperator.k8s.io/v1beta2',
        kind: 'SparkApplication',
        metadata: {
          name: runName,
          namespace,
          labels: { [SCHEDULED_LABEL]: name },
          ownerReferences: [controllerRef(scheduled)],
        },
        spec: spec.template,
      });
    }
    store.mutate(SCHEDULED, namespace, name, s => {
      s.status = {
        ...(s.status as any),
        lastRun: nowRfc3339(now),
        lastRunName: runName,
      };
    });
  }

  private pruneHistory(spec: any, runs: KubeObject[]) {
    const state = (r: KubeObject) =>
      (r.status as any)?.applicationState?.state ?? '';
    const byNewest = (a: KubeObject, b: KubeObject) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(
        a.metadata.creationTimestamp ?? '',
      ) || b.metadata.name!.localeCompare(a.metadata.name!);
    const successful = runs
      .filter(r => state(r) === 'COMPLETED')
      .sort(byNewest);
    const failed = runs.filter(r => state(r) === 'FAILED').sort(byNewest);
    const keepOk: number = spec.successfulRunHistoryLimit ?? 1;
    const keepFailed: number = spec.failedRunHistoryLimit ?? 1;
    for (const r of [
      ...successful.slice(keepOk),
      ...failed.slice(keepFailed),
    ]) {
      if (!r.metadata.deletionTimestamp)
        this.context.store.delete(APPS, r.metadata.namespace, r.metadata.name!);
    }
    return {
      successful: successful.slice(0, keepOk).map(r => r.metadata.name!),
      failed: failed.slice(0, keepFailed).map(r => r.metadata.name!),
    };
  }
}
