import type { Controller, ControllerContext } from '../store/types';
import { KfpService } from '../services/kfp/KfpService';
import { isFinalState } from '../services/kfp/runProgress';
import { nextCronTime } from './cron';

/** Key of the KFP service in `context.services`. */
export const KFP_SERVICE_KEY = 'kubeflow/ml-pipeline:8888';
const TICK_MS = 5000;
/** A recurring run stops spawning once it has this many runs (keeps a long demo bounded). */
export const MAX_RUNS_PER_RECURRING_RUN = 100;

/**
 * Plays Argo + the KFP persistence agent + the ScheduledWorkflow controller: advances KFP runs
 * tick by tick through their DAG, and starts runs of enabled recurring runs on their trigger.
 */
export class KfpRunController implements Controller {
  readonly name = 'kfp-run-controller';
  private context?: ControllerContext;
  private service?: KfpService;
  private unsubscribe?: () => void;
  private readonly ticking = new Set<string>();
  private readonly schedules = new Map<string, number>();
  private generation = 0;

  start(context: ControllerContext): void {
    const service = context.services[KFP_SERVICE_KEY];
    if (!(service instanceof KfpService)) return;
    this.context = context;
    this.service = service;
    this.generation += 1;
    this.unsubscribe = service.repository.onChange(change => {
      if (change.kind === 'run') this.scheduleTick(change.id);
      else this.scheduleRecurring(change.id);
    });
    for (const [id, row] of service.repository.runs) {
      if (!isFinalState(row.wire.state)) this.scheduleTick(id);
    }
    for (const id of service.repository.recurringRuns.keys())
      this.scheduleRecurring(id);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.context = undefined;
    this.ticking.clear();
    this.schedules.clear();
    this.generation += 1;
  }

  private scheduleTick(runId: string): void {
    const context = this.context;
    const service = this.service;
    if (!context || !service || this.ticking.has(runId)) return;
    const row = service.repository.runs.get(runId);
    if (!row || isFinalState(row.wire.state)) return;
    this.ticking.add(runId);
    const generation = this.generation;
    // PENDING → RUNNING is quick; each DAG step takes a full tick.
    const delay =
      row.wire.state === 'PENDING' || row.wire.state === 'CANCELING'
        ? TICK_MS / 2
        : TICK_MS;
    context.after(delay, () => {
      if (generation !== this.generation) return;
      this.ticking.delete(runId);
      const run = service.repository.tickRun(runId);
      if (run && !isFinalState(run.state)) this.scheduleTick(runId);
    });
  }

  private scheduleRecurring(id: string): void {
    const context = this.context;
    const service = this.service;
    if (!context || !service) return;
    const token = (this.schedules.get(id) ?? 0) + 1;
    this.schedules.set(id, token);
    const row = service.repository.recurringRuns.get(id);
    if (!row || row.wire.status !== 'ENABLED') return;
    const delay = nextDelay(row.wire, new Date());
    if (delay === undefined) return;
    const generation = this.generation;
    context.after(delay, () => {
      if (generation !== this.generation || this.schedules.get(id) !== token)
        return;
      const count = [...service.repository.runs.values()].filter(
        r => r.wire.recurring_run_id === id,
      ).length;
      if (count < MAX_RUNS_PER_RECURRING_RUN)
        service.repository.triggerRecurringRun(id);
      this.scheduleRecurring(id);
    });
  }
}

/** Milliseconds until a recurring run's next trigger, or undefined if it never fires again. */
export function nextDelay(
  wire: Record<string, any>,
  now: Date,
): number | undefined {
  const trigger = wire.trigger ?? {};
  const end =
    trigger.cron_schedule?.end_time ?? trigger.periodic_schedule?.end_time;
  if (end && Date.parse(end) <= now.getTime()) return undefined;
  const start =
    trigger.cron_schedule?.start_time ?? trigger.periodic_schedule?.start_time;
  const from =
    start && Date.parse(start) > now.getTime() ? new Date(start) : now;
  if (trigger.periodic_schedule?.interval_second) {
    const interval = Number(trigger.periodic_schedule.interval_second) * 1000;
    return Math.max(1000, from.getTime() - now.getTime() + interval);
  }
  if (trigger.cron_schedule?.cron) {
    const next = nextCronTime(trigger.cron_schedule.cron, from);
    return next ? Math.max(1000, next.getTime() - now.getTime()) : undefined;
  }
  return undefined;
}
