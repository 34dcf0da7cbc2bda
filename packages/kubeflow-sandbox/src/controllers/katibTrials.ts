import type { KubeObject } from '../store/types';
import type { Condition } from './conditions';
import { controllerRef } from './ownership';
import {
  companionMetric,
  goalReached,
  metricString,
  prng,
  seedOf,
} from './katibModel';

/** Label Katib puts on Trials and the Suggestion of an experiment. */
export const EXPERIMENT_LABEL = 'katib.kubeflow.org/experiment';

/** A trial's parameter assignment. */
export type Assignment = Array<{ name: string; value: string }>;

/** Names of trials (for the experiment's `*TrialList` fields). */
export function names(trials: KubeObject[]): string[] {
  return trials.map(t => t.metadata.name!);
}

/** The state of a trial read from its conditions. */
export function trialState(
  trial: KubeObject,
): 'Created' | 'Running' | 'Succeeded' | 'Failed' | 'Killed' {
  const conditions = ((trial.status as any)?.conditions ?? []) as Condition[];
  const is = (type: string) =>
    conditions.some(c => c.type === type && c.status === 'True');
  if (is('Succeeded')) return 'Succeeded';
  if (is('Failed')) return 'Failed';
  if (is('Killed')) return 'Killed';
  if (is('Running')) return 'Running';
  return 'Created';
}

/** Whether a trial is still pending or running. */
export function isActive(trial: KubeObject): boolean {
  const s = trialState(trial);
  return s === 'Created' || s === 'Running';
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The latest objective value of a trial as Katib stored it (a string), if it has one. */
function objectiveTextOf(
  trial: KubeObject,
  metricName: string,
): string | undefined {
  const metric = ((trial.status as any)?.observation?.metrics ?? []).find(
    (m: any) => m.name === metricName,
  );
  const latest = metric?.latest;
  return latest === undefined || latest === 'unavailable'
    ? undefined
    : String(latest);
}

/** The objective value as a number, only when Katib stored a number. */
function objectiveOf(
  trial: KubeObject,
  metricName: string,
): number | undefined {
  const text = objectiveTextOf(trial, metricName);
  return text !== undefined && NUMBER.test(text.trim())
    ? Number(text)
    : undefined;
}

const finishedAt = (t: KubeObject) =>
  String((t.status as any)?.completionTime ?? '');

/**
 * Counts, lists and the best trial of an experiment's trials (pure). As Katib's experiment
 * controller does, a trial whose objective is text (a DARTS genotype) cannot be compared: the
 * latest such trial is the best, and the goal is never reached by it.
 */
export function summarize(trials: KubeObject[], spec: any) {
  const objective = spec.objective ?? {};
  const type = objective.type === 'maximize' ? 'maximize' : 'minimize';
  const metricName = objective.objectiveMetricName ?? 'loss';
  const succeeded = trials.filter(t => trialState(t) === 'Succeeded');
  let best: KubeObject | undefined;
  let bestIsText = false;
  const byCompletion = [...succeeded].sort((a, b) =>
    finishedAt(a).localeCompare(finishedAt(b)),
  );
  for (const t of byCompletion) {
    if (objectiveTextOf(t, metricName) === undefined) continue;
    const v = objectiveOf(t, metricName);
    if (v === undefined) {
      best = t;
      bestIsText = true;
      continue;
    }
    const b = best && !bestIsText ? objectiveOf(best, metricName) : undefined;
    if (b === undefined || (type === 'minimize' ? v < b : v > b)) {
      best = t;
      bestIsText = false;
    }
  }
  const bestValue = best ? objectiveOf(best, metricName) : undefined;
  return {
    pending: trials.filter(t => trialState(t) === 'Created'),
    active: trials.filter(isActive),
    succeeded,
    failed: trials.filter(t => trialState(t) === 'Failed'),
    killed: trials.filter(t => trialState(t) === 'Killed'),
    completed: trials.filter(t => !isActive(t)).length,
    best,
    goalReached:
      bestValue !== undefined &&
      goalReached(
        bestValue,
        objective.goal === undefined ? undefined : Number(objective.goal),
        type,
      ),
  };
}

/** Katib-style metrics for a finished trial (min/max/latest as strings). */
export function trialMetrics(
  objective: any,
  value: number,
  type: 'minimize' | 'maximize',
  trialName: string,
) {
  const name = objective.objectiveMetricName ?? 'loss';
  const r = prng(seedOf(`${trialName}/curve`));
  const first =
    type === 'minimize' ? value * (2 + r()) : value * (0.5 + 0.2 * r());
  const metrics = [
    {
      name,
      min: metricString(Math.min(first, value)),
      max: metricString(Math.max(first, value)),
      latest: metricString(value),
    },
  ];
  for (const extra of (objective.additionalMetricNames ?? []) as string[]) {
    const v = companionMetric(value, type);
    metrics.push({
      name: extra,
      min: metricString(v * 0.9),
      max: metricString(v),
      latest: metricString(v),
    });
  }
  return metrics;
}

/** Renders the trial template with the assignment (`${trialParameters.x}` placeholders). */
export function renderRunSpec(
  template: any,
  assignment: Assignment,
  trialName: string,
  namespace: string,
) {
  if (!template?.trialSpec) return undefined;
  const byRef = new Map<string, string>();
  for (const p of (template.trialParameters ?? []) as Array<{
    name: string;
    reference: string;
  }>) {
    const value = assignment.find(a => a.name === p.reference)?.value;
    if (value !== undefined) byRef.set(p.name, value);
  }
  // Substituted inside the JSON text: escape the value as a JSON string's content.
  const inJson = (value: string) => JSON.stringify(value).slice(1, -1);
  let text = JSON.stringify(template.trialSpec).replace(
    /\$\{trialParameters\.([^}]+)\}/g,
    (m, key) => (byRef.has(key) ? inJson(byRef.get(key)!) : m),
  );
  text = text
    .replace(/\$\{trialSpec\.Name\}/g, trialName)
    .replace(/\$\{trialSpec\.Namespace\}/g, namespace);
  const spec = JSON.parse(text);
  spec.metadata = { ...(spec.metadata ?? {}), name: trialName, namespace };
  return spec;
}

/**
 * The Trial Katib creates for one suggestion of an experiment: labelled and owned by it, with the
 * experiment's objective, the assignment, the rendered run spec and Katib's default conditions.
 */
export function trialObject(
  experiment: KubeObject,
  trialName: string,
  assignment: Assignment,
): KubeObject {
  const spec = (experiment as any).spec ?? {};
  const namespace = experiment.metadata.namespace!;
  return {
    apiVersion: 'kubeflow.org/v1beta1',
    kind: 'Trial',
    metadata: {
      name: trialName,
      namespace,
      labels: { [EXPERIMENT_LABEL]: experiment.metadata.name! },
      ownerReferences: [controllerRef(experiment)],
    },
    spec: {
      objective: spec.objective,
      parameterAssignments: assignment,
      runSpec: renderRunSpec(
        spec.trialTemplate,
        assignment,
        trialName,
        namespace,
      ),
      primaryContainerName:
        spec.trialTemplate?.primaryContainerName ?? 'training-container',
      successCondition:
        spec.trialTemplate?.successCondition ??
        'status.conditions.#(type=="Complete")#|#(status=="True")#',
      failureCondition:
        spec.trialTemplate?.failureCondition ??
        'status.conditions.#(type=="Failed")#|#(status=="True")#',
      metricsCollector: spec.metricsCollectorSpec ?? {
        collector: { kind: 'StdOut' },
      },
    },
  };
}
