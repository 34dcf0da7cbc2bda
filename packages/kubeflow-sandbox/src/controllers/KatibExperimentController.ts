import type { KubeObject } from '../store/types';
import { ReconcilingController } from './ReconcilingController';
import { nowRfc3339, setCondition, type Condition } from './conditions';
import { controllerRef, createObject, mutateObject } from './ownership';
import {
  objectiveValue,
  prng,
  sampleAssignment,
  seedOf,
  trialFails,
  type KatibParameter,
} from './katibModel';
import {
  EXPERIMENT_LABEL,
  trialObject,
  isActive,
  names,
  summarize,
  trialMetrics,
  trialState,
  type Assignment,
} from './katibTrials';
import { isNasSpec, nasAssignment, nasTrialMetrics } from './katibNas';

export { EXPERIMENT_LABEL, trialState };

const EXPERIMENTS = 'experiments.kubeflow.org';
const TRIALS = 'trials.kubeflow.org';
const SUGGESTIONS = 'suggestions.kubeflow.org';
const BOTH_TIMES: Array<'lastTransitionTime' | 'lastUpdateTime'> = [
  'lastUpdateTime',
  'lastTransitionTime',
];

/**
 * Katib Experiment → Suggestion + Trials (parallelTrialCount at a time) that run and report a
 * synthetic objective; the experiment tracks counters, the optimal trial, and ends on goal,
 * maxTrialCount or maxFailedTrialCount.
 */
export class KatibExperimentController extends ReconcilingController {
  constructor() {
    super({
      name: 'katib-controller',
      primary: EXPERIMENTS,
      owned: [TRIALS, SUGGESTIONS],
    });
  }

  protected reconcile(experiment: KubeObject): void {
    if (experiment.metadata.deletionTimestamp) return;
    const { store } = this.context;
    const namespace = experiment.metadata.namespace!;
    const name = experiment.metadata.name!;
    const spec = (experiment.spec ?? {}) as any;
    const status = (experiment.status ?? {}) as any;
    const finished = (status.conditions ?? []).some(
      (c: Condition) =>
        (c.type === 'Succeeded' || c.type === 'Failed') && c.status === 'True',
    );

    if (finished && this.restartable(experiment)) {
      // Katib's restart: a completed experiment whose resume policy keeps its suggestion
      // (LongRunning, FromVolume) and whose maxTrialCount was raised goes back to running.
      store.mutate(EXPERIMENTS, namespace, name, e => {
        const st = (e.status ?? {}) as any;
        st.conditions = setCondition(
          (st.conditions ?? []).filter(
            (c: Condition) => c.type !== 'Succeeded',
          ),
          {
            type: 'Restarting',
            status: 'True',
            reason: 'ExperimentRestarting',
            message: 'Experiment is restarting',
          },
          BOTH_TIMES,
        );
        delete st.completionTime;
        e.status = st;
      });
      return;
    }

    if (!status.conditions?.length) {
      this.setConditions(
        experiment,
        [
          {
            type: 'Created',
            status: 'True',
            reason: 'ExperimentCreated',
            message: 'Experiment is created',
          },
        ],
        { startTime: nowRfc3339() },
      );
      return;
    }

    if (!finished) {
      try {
        this.ensureSuggestion(experiment);
      } catch {
        // The Suggestion only mirrors the trials; an experiment proceeds without it.
      }
    }
    let trials = store
      .list(TRIALS, namespace)
      .filter(t => t.metadata.labels?.[EXPERIMENT_LABEL] === name);
    if (!finished) {
      for (const trial of trials) this.driveTrial(experiment, trial);
    }

    const summary = summarize(trials, spec);
    const maxTrials: number = spec.maxTrialCount ?? 10;
    const parallel: number = spec.parallelTrialCount ?? 3;
    const maxFailed: number | undefined = spec.maxFailedTrialCount;
    let ending: Condition | undefined;
    if (maxFailed !== undefined && summary.failed.length > maxFailed) {
      ending = {
        type: 'Failed',
        status: 'True',
        reason: 'ExperimentMaxFailedTrialsReached',
        message: 'Experiment has failed because max failed count has reached',
      };
    } else if (summary.goalReached) {
      ending = {
        type: 'Succeeded',
        status: 'True',
        reason: 'ExperimentGoalReached',
        message: 'Experiment has succeeded because Objective goal has reached',
      };
    } else if (summary.completed >= maxTrials && summary.active.length === 0) {
      ending = {
        type: 'Succeeded',
        status: 'True',
        reason: 'ExperimentMaxTrialsReached',
        message: 'Experiment has succeeded because max trial count has reached',
      };
    }

    if (!finished && !ending) {
      const room = Math.min(
        parallel - summary.active.length,
        maxTrials - trials.length,
      );
      // The n-th trial's assignment is drawn from the n-th suggestion (seeded), so the count of
      // trials so far is the suggestion index; this also holds after a --state restore.
      let count = trials.length;
      for (let i = 0; i < room; i++) {
        const created = this.createTrial(experiment, count);
        if (!created) break;
        count += 1;
        trials = [...trials, created];
      }
    }
    if (!finished && ending) {
      for (const trial of trials.filter(t => isActive(t)))
        this.killTrial(trial);
      trials = store
        .list(TRIALS, namespace)
        .filter(t => t.metadata.labels?.[EXPERIMENT_LABEL] === name);
    }
    this.writeStatus(experiment, trials, finished ? undefined : ending);
  }

  /** Succeeded on max trials, resumable, and now allowed more trials than it has. */
  private restartable(experiment: KubeObject): boolean {
    const spec = (experiment.spec ?? {}) as any;
    const status = (experiment.status ?? {}) as any;
    const succeeded = (status.conditions ?? []).find(
      (c: Condition) => c.type === 'Succeeded' && c.status === 'True',
    );
    return (
      succeeded?.reason === 'ExperimentMaxTrialsReached' &&
      ['LongRunning', 'FromVolume'].includes(spec.resumePolicy) &&
      (spec.maxTrialCount ?? 10) > (status.trials ?? 0)
    );
  }

  private ensureSuggestion(experiment: KubeObject): void {
    const { store } = this.context;
    const { namespace, name } = experiment.metadata;
    if (store.get(SUGGESTIONS, namespace, name!)) return;
    const spec = (experiment.spec ?? {}) as any;
    createObject(store, SUGGESTIONS, {
      apiVersion: 'kubeflow.org/v1beta1',
      kind: 'Suggestion',
      metadata: {
        name,
        namespace,
        labels: { [EXPERIMENT_LABEL]: name! },
        ownerReferences: [controllerRef(experiment)],
      },
      spec: {
        algorithm: spec.algorithm ?? { algorithmName: 'random' },
        requests: 0,
        resumePolicy: spec.resumePolicy ?? 'Never',
        ...(spec.earlyStopping ? { earlyStopping: spec.earlyStopping } : {}),
      },
    });
    const now = nowRfc3339();
    mutateObject(store, SUGGESTIONS, namespace, name!, s => {
      s.status = {
        startTime: now,
        suggestionCount: 0,
        conditions: [
          {
            type: 'Created',
            status: 'True',
            reason: 'SuggestionCreated',
            message: 'Suggestion is created',
            lastUpdateTime: now,
            lastTransitionTime: now,
          },
          {
            type: 'DeploymentReady',
            status: 'True',
            reason: 'DeploymentReady',
            message: 'Deployment is ready',
            lastUpdateTime: now,
            lastTransitionTime: now,
          },
          {
            type: 'Running',
            status: 'True',
            reason: 'SuggestionRunning',
            message: 'Suggestion is running',
            lastUpdateTime: now,
            lastTransitionTime: now,
          },
        ],
      };
    });
  }

  private createTrial(
    experiment: KubeObject,
    index: number,
  ): KubeObject | undefined {
    const { store } = this.context;
    const namespace = experiment.metadata.namespace!;
    const name = experiment.metadata.name!;
    const spec = (experiment.spec ?? {}) as any;
    const seed = `${namespace}/${name}/${experiment.metadata.uid ?? ''}`;
    // A NAS experiment (DARTS, ENAS) has no parameters: its suggestion hands the trial an
    // architecture search space instead (see katibNas).
    const assignment = isNasSpec(spec)
      ? nasAssignment(spec, index, seed)
      : sampleAssignment({
          algorithm: spec.algorithm?.algorithmName ?? 'random',
          parameters: (spec.parameters ?? []) as KatibParameter[],
          index,
          seed,
        });
    if (!assignment) return undefined;
    const random = prng(seedOf(`${seed}/name/${index}`));
    let suffix = '';
    for (let i = 0; i < 8; i++)
      suffix += 'abcdefghijklmnopqrstuvwxyz0123456789'[
        Math.floor(random() * 36)
      ];
    const trialName = `${name}-${suffix}`;
    mutateObject(store, SUGGESTIONS, namespace, name, s => {
      const st = (s.status ?? {}) as any;
      (s.spec as any).requests = index + 1;
      s.status = {
        ...st,
        suggestionCount: index + 1,
        suggestions: [
          ...(st.suggestions ?? []),
          { name: trialName, parameterAssignments: assignment },
        ],
      };
    });
    const trial = createObject(
      store,
      TRIALS,
      trialObject(experiment, trialName, assignment),
    );
    const now = nowRfc3339();
    return (
      mutateObject(store, TRIALS, namespace, trialName, t => {
        t.status = {
          startTime: now,
          conditions: [
            {
              type: 'Created',
              status: 'True',
              reason: 'TrialCreated',
              message: 'Trial is created',
              lastUpdateTime: now,
              lastTransitionTime: now,
            },
          ],
        };
      }) ?? trial
    );
  }

  private driveTrial(experiment: KubeObject, trial: KubeObject): void {
    const { store } = this.context;
    const namespace = trial.metadata.namespace!;
    const trialName = trial.metadata.name!;
    const state = trialState(trial);
    if (state === 'Created') {
      this.schedule(trial, 'run', 1000, () => {
        mutateObject(store, TRIALS, namespace, trialName, t => {
          const st = (t.status ?? {}) as any;
          st.conditions = setCondition(
            st.conditions,
            {
              type: 'Running',
              status: 'True',
              reason: 'TrialRunning',
              message: 'Trial is running',
            },
            BOTH_TIMES,
          );
          t.status = st;
        });
      });
    } else if (state === 'Running') {
      this.schedule(trial, 'finish', 6000, () => {
        const spec = (experiment.spec ?? {}) as any;
        const objective = spec.objective ?? {};
        const type = objective.type === 'maximize' ? 'maximize' : 'minimize';
        const fails = trialFails(trialName);
        const value = objectiveValue({
          experiment: `${experiment.metadata.namespace}/${experiment.metadata.name}`,
          metricName: objective.objectiveMetricName ?? 'loss',
          type,
          parameters: spec.parameters ?? [],
          assignment: ((trial.spec as any).parameterAssignments ??
            []) as Assignment,
          trialName,
        });
        mutateObject(store, TRIALS, namespace, trialName, t => {
          const st = (t.status ?? {}) as any;
          st.conditions = setCondition(
            st.conditions,
            {
              type: 'Running',
              status: 'False',
              reason: fails ? 'TrialFailed' : 'TrialSucceeded',
              message: fails ? 'Trial has failed' : 'Trial has succeeded',
            },
            BOTH_TIMES,
          );
          st.conditions = setCondition(
            st.conditions,
            fails
              ? {
                  type: 'Failed',
                  status: 'True',
                  reason: 'TrialFailed',
                  message:
                    'Trial has failed. Job message: Job has reached the specified backoff limit',
                }
              : {
                  type: 'Succeeded',
                  status: 'True',
                  reason: 'TrialSucceeded',
                  message: 'Trial has succeeded',
                },
            BOTH_TIMES,
          );
          st.completionTime = nowRfc3339();
          if (!fails)
            st.observation = {
              metrics: isNasSpec(spec)
                ? nasTrialMetrics(spec, trialName)
                : trialMetrics(objective, value, type, trialName),
            };
          t.status = st;
        });
      });
    }
  }

  private killTrial(trial: KubeObject): void {
    mutateObject(
      this.context.store,
      TRIALS,
      trial.metadata.namespace,
      trial.metadata.name!,
      t => {
        const st = (t.status ?? {}) as any;
        st.conditions = setCondition(
          st.conditions,
          {
            type: 'Running',
            status: 'False',
            reason: 'TrialKilled',
            message: 'Trial is killed',
          },
          BOTH_TIMES,
        );
        st.conditions = setCondition(
          st.conditions,
          {
            type: 'Killed',
            status: 'True',
            reason: 'TrialKilled',
            message: 'Trial is killed',
          },
          BOTH_TIMES,
        );
        st.completionTime = nowRfc3339();
        t.status = st;
      },
    );
  }

  private setConditions(
    experiment: KubeObject,
    conditions: Condition[],
    extra: Record<string, unknown> = {},
  ) {
    this.context.store.mutate(
      EXPERIMENTS,
      experiment.metadata.namespace,
      experiment.metadata.name!,
      e => {
        const st = (e.status ?? {}) as any;
        for (const c of conditions)
          st.conditions = setCondition(st.conditions, c, BOTH_TIMES);
        e.status = { ...st, ...extra };
      },
    );
  }

  private writeStatus(
    experiment: KubeObject,
    trials: KubeObject[],
    ending: Condition | undefined,
  ) {
    const spec = (experiment.spec ?? {}) as any;
    const summary = summarize(trials, spec);
    const { store } = this.context;
    const ns = experiment.metadata.namespace;
    const name = experiment.metadata.name!;
    store.mutate(EXPERIMENTS, ns, name, e => {
      const st = (e.status ?? {}) as any;
      let conditions: Condition[] = st.conditions ?? [];
      const done = conditions.some(
        c =>
          (c.type === 'Succeeded' || c.type === 'Failed') &&
          c.status === 'True',
      );
      if (!done && !ending && trials.length > 0) {
        conditions = conditions.filter(c => c.type !== 'Restarting');
        conditions = setCondition(
          conditions,
          {
            type: 'Running',
            status: 'True',
            reason: 'ExperimentRunning',
            message: 'Experiment is running',
          },
          BOTH_TIMES,
        );
      }
      if (ending) {
        conditions = setCondition(
          conditions,
          {
            type: 'Running',
            status: 'False',
            reason: ending.reason,
            message: ending.message,
          },
          BOTH_TIMES,
        );
        conditions = setCondition(conditions, ending, BOTH_TIMES);
      }
      const next: Record<string, unknown> = {
        startTime: st.startTime ?? nowRfc3339(),
        conditions,
        currentOptimalTrial: summary.best
          ? {
              bestTrialName: summary.best.metadata.name,
              parameterAssignments: (summary.best.spec as any)
                .parameterAssignments,
              observation: (summary.best.status as any).observation,
            }
          : { observation: {} },
        trials: trials.length,
        ...(summary.pending.length
          ? {
              trialsPending: summary.pending.length,
              pendingTrialList: names(summary.pending),
            }
          : {}),
        ...(summary.active.length - summary.pending.length > 0
          ? {
              trialsRunning: summary.active.length - summary.pending.length,
              runningTrialList: names(
                summary.active.filter(t => !summary.pending.includes(t)),
              ),
            }
          : {}),
        ...(summary.succeeded.length
          ? {
              trialsSucceeded: summary.succeeded.length,
              succeededTrialList: names(summary.succeeded),
            }
          : {}),
        ...(summary.failed.length
          ? {
              trialsFailed: summary.failed.length,
              failedTrialList: names(summary.failed),
            }
          : {}),
        ...(summary.killed.length
          ? {
              trialsKilled: summary.killed.length,
              killedTrialList: names(summary.killed),
            }
          : {}),
        ...(ending || st.completionTime
          ? { completionTime: st.completionTime ?? nowRfc3339() }
          : {}),
      };
      const reconciled = ending ? nowRfc3339() : st.lastReconcileTime;
      if (reconciled) next.lastReconcileTime = reconciled;
      e.status = next;
    });
    if (ending) {
      mutateObject(store, SUGGESTIONS, ns, name, s => {
        const st = (s.status ?? {}) as any;
        st.conditions = setCondition(
          st.conditions,
          {
            type: 'Running',
            status: 'False',
            reason: 'Suggestion is succeeded',
            message: 'Suggestion is succeeded',
          },
          BOTH_TIMES,
        );
        st.conditions = setCondition(
          st.conditions,
          {
            type: 'Succeeded',
            status: 'True',
            reason: 'Suggestion is succeeded',
            message: 'Suggestion is succeeded',
          },
          BOTH_TIMES,
        );
        st.completionTime = nowRfc3339();
        s.status = st;
      });
      this.context.recordEvent(
        experiment,
        ending.type === 'Failed' ? 'Warning' : 'Normal',
        ending.reason!,
        ending.message!,
      );
    }
  }
}
