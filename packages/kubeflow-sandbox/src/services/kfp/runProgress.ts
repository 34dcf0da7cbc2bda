import { randomUUID } from 'node:crypto';
import type { DagTask } from './pipelineSpec';

/** A KFP v2beta1 Run as served (snake_case wire JSON). */
export type WireRun = Record<string, any>;

/** How a run is executed by the sandbox: its DAG and which task (if any) fails. */
export interface RunPlan {
  /** Argo-like workflow name; pod names derive from it. */
  workflowName: string;
  pipelineName: string;
  tasks: DagTask[];
  failTask?: string;
}

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELED', 'SKIPPED']);

/** Whether a run state is final. */
export function isFinalState(state: string | undefined): boolean {
  return FINAL.has(state ?? '');
}

function withState(
  run: WireRun,
  state: string,
  now: string,
  error?: { code: number; message: string },
) {
  if (run.state === state) return;
  run.state = state;
  run.state_history = [
    ...(run.state_history ?? []),
    { update_time: now, state, ...(error ? { error } : {}) },
  ];
}

function podName(plan: RunPlan, task: string): string {
  let h = 2166136261;
  for (const c of `${plan.workflowName}/${task}`)
    h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return `${plan.workflowName}-system-container-impl-${(h >>> 0)
    .toString()
    .padStart(10, '0')}`;
}

function newTask(
  run: WireRun,
  displayName: string,
  now: string,
  parent?: string,
): Record<string, any> {
  return {
    run_id: run.run_id,
    task_id: randomUUID(),
    display_name: displayName,
    create_time: now,
    start_time: now,
    state: 'RUNNING',
    state_history: [{ update_time: now, state: 'RUNNING' }],
    ...(parent ? { parent_task_id: parent } : {}),
  };
}

function finishTask(
  task: Record<string, any>,
  state: string,
  now: string,
  error?: { code: number; message: string },
) {
  task.state = state;
  task.end_time = now;
  task.state_history = [
    ...(task.state_history ?? []),
    { update_time: now, state, ...(error ? { error } : {}) },
  ];
  if (error) task.error = error;
}

/**
 * Advances a run by one tick of the sandbox's "Argo": PENDING → RUNNING (root DAG task starts),
 * then each tick finishes the running tasks and starts those whose dependencies all succeeded;
 * a failing task fails the run; CANCELING → CANCELED. Mutates and returns `run`.
 */
export function advanceRun(run: WireRun, plan: RunPlan, now: string): WireRun {
  if (isFinalState(run.state)) return run;
  const details = (run.run_details ??= {});
  const tasks: Array<Record<string, any>> = (details.task_details ??= []);
  let root = tasks.find(
    t => t.display_name === plan.pipelineName && !t.parent_task_id,
  );

  if (run.state === 'CANCELING') {
    for (const t of tasks)
      if (t.state === 'RUNNING' || t.state === 'PENDING')
        finishTask(t, 'CANCELED', now);
    withState(run, 'CANCELED', now);
    run.finished_at = now;
    return run;
  }
  if (run.state === 'PENDING' || !root) {
    withState(run, 'RUNNING', now);
    if (!root) {
      root = newTask(run, plan.pipelineName, now);
      root.child_tasks = [];
      tasks.push(root);
    }
    startReady(run, plan, root, tasks, now);
    return run;
  }

  // Finish what is running.
  let failed:
    | { task: string; error: { code: number; message: string } }
    | undefined;
  for (const t of tasks) {
    if (t === root || t.state !== 'RUNNING') continue;
    if (t.display_name === plan.failTask) {
      const error = {
        code: 2,
        message:
          `task '${t.display_name}' failed: container exited with code 1: ` +
          `Traceback (most recent call last): ... RuntimeError: ${t.display_name} failed`,
      };
      finishTask(t, 'FAILED', now, error);
      failed = { task: t.display_name, error };
    } else {
      finishTask(t, 'SUCCEEDED', now);
    }
  }
  if (failed) {
    finishTask(root, 'FAILED', now, failed.error);
    run.error = failed.error;
    withState(run, 'FAILED', now, failed.error);
    run.finished_at = now;
    return run;
  }
  const started = startReady(run, plan, root, tasks, now);
  const running = tasks.some(t => t !== root && t.state === 'RUNNING');
  if (!started && !running) {
    finishTask(root, 'SUCCEEDED', now);
    withState(run, 'SUCCEEDED', now);
    run.finished_at = now;
  }
  return run;
}

function startReady(
  run: WireRun,
  plan: RunPlan,
  root: Record<string, any>,
  tasks: Array<Record<string, any>>,
  now: string,
): number {
  const byName = new Map(
    tasks.filter(t => t !== root).map(t => [t.display_name as string, t]),
  );
  let started = 0;
  for (const task of plan.tasks) {
    if (byName.has(task.displayName)) continue;
    const depsDone = task.dependsOn.every(d => {
      const dep = plan.tasks.find(x => x.name === d);
      return byName.get(dep?.displayName ?? d)?.state === 'SUCCEEDED';
    });
    if (!depsDone) continue;
    const t = newTask(run, task.displayName, now, root.task_id);
    t.pod_name = podName(plan, task.name);
    tasks.push(t);
    byName.set(task.displayName, t);
    root.child_tasks = [
      ...(root.child_tasks ?? []),
      { task_id: t.task_id, pod_name: t.pod_name },
    ];
    started += 1;
  }
  return started;
}

/**
 * Prepares a failed or canceled run for a retry: failed/canceled tasks are dropped (they run
 * again), the run goes back to RUNNING. Mutates and returns `run`.
 */
export function retryRun(run: WireRun, now: string): WireRun {
  const tasks: Array<Record<string, any>> = run.run_details?.task_details ?? [];
  const root = tasks.find(t => !t.parent_task_id);
  const kept = tasks.filter(t => t === root || t.state === 'SUCCEEDED');
  if (root) {
    root.state = 'RUNNING';
    delete root.end_time;
    delete root.error;
    root.state_history = [
      ...(root.state_history ?? []),
      { update_time: now, state: 'RUNNING' },
    ];
    root.child_tasks = (root.child_tasks ?? []).filter((c: any) =>
      kept.some(t => t.task_id === c.task_id),
    );
  }
  if (run.run_details) run.run_details.task_details = kept;
  delete run.error;
  delete run.finished_at;
  withState(run, 'RUNNING', now);
  return run;
}
