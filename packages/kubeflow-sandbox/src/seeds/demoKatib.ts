import type { KubeObject } from '../store/types';
import { controllerRef } from '../controllers/ownership';
import {
  summarize,
  trialMetrics,
  EXPERIMENT_LABEL,
  trialObject,
} from '../controllers/katibTrials';
import {
  objectiveValue,
  sampleAssignment,
  type KatibParameter,
} from '../controllers/katibModel';
import type { SeedWriter } from './seedObjects';
import { ago } from './seedObjects';

/** A Katib Experiment spec (random search over lr/momentum of a PyTorch MNIST-like job). */
export function experimentSpec(options: {
  metric: string;
  type: 'minimize' | 'maximize';
  goal: number;
  algorithm: string;
  parameters: KatibParameter[];
  maxTrialCount: number;
  parallelTrialCount: number;
  image: string;
}) {
  return {
    objective: {
      type: options.type,
      goal: options.goal,
      objectiveMetricName: options.metric,
      additionalMetricNames: [options.metric === 'loss' ? 'accuracy' : 'loss'],
      metricStrategies: [
        {
          name: options.metric,
          value: options.type === 'minimize' ? 'min' : 'max',
        },
        {
          name: options.metric === 'loss' ? 'accuracy' : 'loss',
          value: options.type === 'minimize' ? 'max' : 'min',
        },
      ],
    },
    algorithm: { algorithmName: options.algorithm },
    parallelTrialCount: options.parallelTrialCount,
    maxTrialCount: options.maxTrialCount,
    maxFailedTrialCount: 3,
    parameters: options.parameters,
    metricsCollectorSpec: { collector: { kind: 'StdOut' } },
    resumePolicy: 'Never',
    trialTemplate: {
      primaryContainerName: 'training-container',
      successCondition:
        'status.conditions.#(type=="Complete")#|#(status=="True")#',
      failureCondition:
        'status.conditions.#(type=="Failed")#|#(status=="True")#',
      retain: false,
      trialParameters: options.parameters.map(p => ({
        name: p.name.replace(/_(\w)/g, (_m, c) => c.toUpperCase()),
        description: `${p.name} of the training job`,
        reference: p.name,
      })),
      trialSpec: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'training-container',
                  image: options.image,
                  command: [
                    'python3',
                    '/opt/train.py',
                    '--epochs=5',
                    ...options.parameters.map(
                      p =>
                        `--${p.name}=\${trialParameters.${p.name.replace(
                          /_(\w)/g,
                          (_m, c) => c.toUpperCase(),
                        )}}`,
                    ),
                  ],
                  resources: { limits: { cpu: '1', memory: '2Gi' } },
                },
              ],
              restartPolicy: 'Never',
            },
          },
        },
      },
    },
  };
}

/**
 * A finished experiment: `count` trials that ran (one failed), the Suggestion, and the status the
 * Katib controller ends with (ExperimentMaxTrialsReached, currentOptimalTrial, counters).
 */
export function seedFinishedExperiment(
  writer: SeedWriter,
  namespace: string,
  name: string,
  spec: any,
  minutesAgo: number,
): void {
  const now = Date.now();
  const exp = writer.create('experiments.kubeflow.org', {
    apiVersion: 'kubeflow.org/v1beta1',
    kind: 'Experiment',
    metadata: { name, namespace },
    spec,
  });
  const trials: KubeObject[] = [];
  const suggestions: unknown[] = [];
  const type = spec.objective.type;
  for (let i = 0; i < spec.maxTrialCount; i++) {
    const assignment = sampleAssignment({
      algorithm: spec.algorithm.algorithmName,
      parameters: spec.parameters,
      index: i,
      seed: `${namespace}/${name}`,
    })!;
    const trialName = `${name}-${(i * 7919 + 104729)
      .toString(36)
      .slice(-8)
      .padStart(8, 'x')}`;
    const start = minutesAgo - Math.floor(i / spec.parallelTrialCount) * 6;
    const failed = i === 3;
    const value = objectiveValue({
      experiment: `${namespace}/${name}`,
      metricName: spec.objective.objectiveMetricName,
      type,
      parameters: spec.parameters,
      assignment,
      trialName,
    });
    const cond = (
      t: string,
      reason: string,
      message: string,
      at: number,
      status = 'True',
    ) => ({
      type: t,
      status,
      reason,
      message,
      lastUpdateTime: ago(now, at),
      lastTransitionTime: ago(now, at),
    });
    suggestions.push({ name: trialName, parameterAssignments: assignment });
    trials.push(
      writer.create('trials.kubeflow.org', {
        ...trialObject(exp, trialName, assignment),
        status: {
          startTime: ago(now, start),
          completionTime: ago(now, start - 5),
          conditions: [
            cond('Created', 'TrialCreated', 'Trial is created', start),
            cond(
              'Running',
              failed ? 'TrialFailed' : 'TrialSucceeded',
              failed ? 'Trial has failed' : 'Trial has succeeded',
              start - 5,
              'False',
            ),
            failed
              ? cond(
                  'Failed',
                  'TrialFailed',
                  'Trial has failed. Job message: Job has reached the specified backoff limit',
                  start - 5,
                )
              : cond(
                  'Succeeded',
                  'TrialSucceeded',
                  'Trial has succeeded',
                  start - 5,
                ),
          ],
          ...(failed
            ? {}
            : {
                observation: {
                  metrics: trialMetrics(spec.objective, value, type, trialName),
                },
              }),
        },
      }),
    );
  }
  const end =
    minutesAgo - Math.ceil(spec.maxTrialCount / spec.parallelTrialCount) * 6;
  writer.create('suggestions.kubeflow.org', {
    apiVersion: 'kubeflow.org/v1beta1',
    kind: 'Suggestion',
    metadata: {
      name,
      namespace,
      labels: { [EXPERIMENT_LABEL]: name },
      ownerReferences: [controllerRef(exp)],
    },
    spec: {
      algorithm: spec.algorithm,
      requests: spec.maxTrialCount,
      resumePolicy: 'Never',
    },
    status: {
      startTime: ago(now, minutesAgo),
      completionTime: ago(now, end),
      suggestionCount: spec.maxTrialCount,
      suggestions,
      conditions: [
        {
          type: 'Created',
          status: 'True',
          reason: 'SuggestionCreated',
          message: 'Suggestion is created',
          lastUpdateTime: ago(now, minutesAgo),
          lastTransitionTime: ago(now, minutesAgo),
        },
        {
          type: 'DeploymentReady',
          status: 'True',
          reason: 'DeploymentReady',
          message: 'Deployment is ready',
          lastUpdateTime: ago(now, minutesAgo),
          lastTransitionTime: ago(now, minutesAgo),
        },
        {
          type: 'Running',
          status: 'False',
          reason: 'Suggestion is succeeded',
          message: 'Suggestion is succeeded',
          lastUpdateTime: ago(now, end),
          lastTransitionTime: ago(now, end),
        },
        {
          type: 'Succeeded',
          status: 'True',
          reason: 'Suggestion is succeeded',
          message: 'Suggestion is succeeded',
          lastUpdateTime: ago(now, end),
          lastTransitionTime: ago(now, end),
        },
      ],
    },
  });
  const s = summarize(trials, spec);
  const message =
    'Experiment has succeeded because max trial count has reached';
  const names = (list: KubeObject[]) => list.map(t => t.metadata.name!);
  const status = {
    startTime: ago(now, minutesAgo),
    completionTime: ago(now, end),
    lastReconcileTime: ago(now, end),
    conditions: [
      {
        type: 'Created',
        status: 'True',
        reason: 'ExperimentCreated',
        message: 'Experiment is created',
        lastUpdateTime: ago(now, minutesAgo),
        lastTransitionTime: ago(now, minutesAgo),
      },
      {
        type: 'Running',
        status: 'False',
        reason: 'ExperimentMaxTrialsReached',
        message,
        lastUpdateTime: ago(now, end),
        lastTransitionTime: ago(now, end),
      },
      {
        type: 'Succeeded',
        status: 'True',
        reason: 'ExperimentMaxTrialsReached',
        message,
        lastUpdateTime: ago(now, end),
        lastTransitionTime: ago(now, end),
      },
    ],
    currentOptimalTrial: {
      bestTrialName: s.best!.metadata.name,
      parameterAssignments: (s.best!.spec as any).parameterAssignments,
      observation: (s.best!.status as any).observation,
    },
    trials: trials.length,
    trialsSucceeded: s.succeeded.length,
    succeededTrialList: names(s.succeeded),
    trialsFailed: s.failed.length,
    failedTrialList: names(s.failed),
  };
  writer.store.mutate('experiments.kubeflow.org', namespace, name, e => {
    e.status = status;
  });
}
