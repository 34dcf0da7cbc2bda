import { KatibExperiment, KatibParameterSpec, Metric } from './resources';

/**
 * What a person looks for in a Katib Experiment, read once from its spec for the catalog and the
 * pages: the algorithm, the objective, the parameter space or — for neural architecture search —
 * the graph and its operations, early stopping, the metrics collector, the trial's kind, the
 * resume policy and the trial counts.
 */

/** A parameter to tune, or a parameter of a NAS operation, with its feasible space. @public */
export interface KatibParameterSummary {
  name: string;
  /** double, int, discrete or categorical. */
  type: string;
  min?: string;
  max?: string;
  step?: string;
  list?: string[];
  /** uniform, logUniform, normal or logNormal (Katib's algorithms default to uniform). */
  distribution?: string;
}

/** One operation a NAS experiment may place in a layer (convolution, pooling…). @public */
export interface KatibOperationSummary {
  type: string;
  parameters: KatibParameterSummary[];
}

/** The search space of a neural architecture search experiment. @public */
export interface KatibNasSummary {
  numLayers?: number;
  inputSizes: number[];
  outputSizes: number[];
  operations: KatibOperationSummary[];
}

/** What a Katib experiment is, as a person reads it. @public */
export interface KatibExperimentSummary {
  /** Katib's algorithm name: random, grid, tpe, bayesianoptimization, darts, enas… */
  algorithm: string;
  /** The algorithm's name as people write it: TPE, Bayesian optimization, DARTS… */
  algorithmTitle: string;
  algorithmSettings: Array<{ name: string; value: string }>;
  objective: {
    type: string;
    metricName: string;
    goal?: number;
    additionalMetricNames: string[];
    /**
     * How each metric's value is read (min, max or latest): the spec's, else Katib's default
     * for every objective and additional metric (min when minimizing, max when maximizing).
     */
    metricStrategies: Array<{ name: string; value: string }>;
  };
  /** The parameters to tune (empty for neural architecture search). */
  parameters: KatibParameterSummary[];
  /** The architecture search space, for a NAS experiment (DARTS, ENAS, or any with nasConfig). */
  nas?: KatibNasSummary;
  earlyStopping?: {
    algorithm: string;
    settings: Array<{ name: string; value: string }>;
  };
  metricsCollector: {
    /** StdOut (Katib's default), File, TensorFlowEvent, PrometheusMetric, Custom or None. */
    kind: string;
    /** Where it reads: a file path, or the metrics format (regular expressions) it parses. */
    source?: string;
  };
  trial: {
    /** Kind of the job a trial runs: Job, PyTorchJob, TFJob, Workflow, PipelineRun…; absent for a ConfigMap template. */
    kind?: string;
    apiVersion?: string;
    /** The kind as people say it: Job, PyTorchJob, Argo Workflow, Tekton PipelineRun… */
    title: string;
    /** `<namespace>/<name>` of the ConfigMap holding the template, when it is kept in one. */
    configMap?: string;
    primaryContainerName?: string;
    /** The placeholders the template takes and the assignment each one reads. */
    parameters: Array<{
      name: string;
      reference: string;
      description?: string;
    }>;
  };
  /** Never (Katib's default), LongRunning or FromVolume. */
  resumePolicy: string;
  maxTrialCount?: number;
  parallelTrialCount?: number;
  maxFailedTrialCount?: number;
  /** One sentence: "TPE search over 2 parameters", "DARTS neural architecture search over 8 layers with 5 operations". */
  description: string;
}

const ALGORITHM_TITLES: Record<string, string> = {
  random: 'random',
  grid: 'grid',
  bayesianoptimization: 'Bayesian optimization',
  tpe: 'TPE',
  'multivariate-tpe': 'multivariate TPE',
  cmaes: 'CMA-ES',
  sobol: 'Sobol',
  hyperband: 'Hyperband',
  pbt: 'PBT',
  darts: 'DARTS',
  enas: 'ENAS',
};

/** Katib's neural architecture search algorithms. @public */
export const KATIB_NAS_ALGORITHMS = ['darts', 'enas'] as const;

const TRIAL_TITLES: Record<string, string> = {
  'argoproj.io/Workflow': 'Argo Workflow',
  'tekton.dev/PipelineRun': 'Tekton PipelineRun',
  'tekton.dev/TaskRun': 'Tekton TaskRun',
  'trainer.kubeflow.org/TrainJob': 'TrainJob',
};

function trialTitle(kind?: string, group?: string, configMap?: string) {
  if (kind) return TRIAL_TITLES[`${group}/${kind}`] ?? kind;
  return configMap ? `template in ConfigMap ${configMap}` : 'unknown';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const settings = (list: Array<{ name?: string; value?: string }> | undefined) =>
  (list ?? []).map(s => ({
    name: String(s.name ?? ''),
    value: String(s.value ?? ''),
  }));

function parameter(p: KatibParameterSpec): KatibParameterSummary {
  const fs = p.feasibleSpace ?? {};
  return {
    name: p.name ?? '',
    type: p.parameterType ?? '',
    ...(fs.min !== undefined ? { min: String(fs.min) } : {}),
    ...(fs.max !== undefined ? { max: String(fs.max) } : {}),
    ...(fs.step !== undefined ? { step: String(fs.step) } : {}),
    ...(fs.list ? { list: fs.list.map(String) } : {}),
    ...(fs.distribution ? { distribution: fs.distribution } : {}),
  };
}

/** The feasible space in a few words: `0.01 … 0.05 step 0.01 (logUniform)` or `3, 5`. @public */
export function katibFeasibleSpaceText(p: KatibParameterSummary): string {
  const range = p.list?.length
    ? p.list.join(', ')
    : `${p.min ?? '?'} … ${p.max ?? '?'}${p.step ? ` step ${p.step}` : ''}`;
  return p.distribution ? `${range} (${p.distribution})` : range;
}

/** Whether an experiment searches an architecture (DARTS, ENAS, or one with a nasConfig). @public */
export function isKatibNasExperiment(experiment: KatibExperiment): boolean {
  const spec = experiment.spec ?? {};
  return (
    !!spec.nasConfig ||
    (KATIB_NAS_ALGORITHMS as readonly string[]).includes(
      spec.algorithm?.algorithmName ?? '',
    )
  );
}

/** What a Katib experiment is: the one mapping the catalog and the pages share. @public */
export function katibExperimentSummary(
  experiment: KatibExperiment,
): KatibExperimentSummary {
  const spec = experiment.spec ?? {};
  const objective = spec.objective ?? {};
  const algorithm = spec.algorithm?.algorithmName ?? 'random';
  const algorithmTitle = ALGORITHM_TITLES[algorithm] ?? algorithm;
  const type = objective.type ?? 'maximize';
  const metricName = objective.objectiveMetricName ?? '';
  const additionalMetricNames = objective.additionalMetricNames ?? [];
  const stated = settings(objective.metricStrategies);
  const byDefault = type === 'minimize' ? 'min' : 'max';
  const metricStrategies = [
    ...stated,
    ...[metricName, ...additionalMetricNames]
      .filter(m => m && !stated.some(s => s.name === m))
      .map(name => ({ name, value: byDefault })),
  ];

  const parameters = (spec.parameters ?? []).map(parameter);
  const nasConfig = spec.nasConfig;
  const nas: KatibNasSummary | undefined = isKatibNasExperiment(experiment)
    ? {
        ...(nasConfig?.graphConfig?.numLayers !== undefined
          ? { numLayers: nasConfig.graphConfig.numLayers }
          : {}),
        inputSizes: nasConfig?.graphConfig?.inputSizes ?? [],
        outputSizes: nasConfig?.graphConfig?.outputSizes ?? [],
        operations: (nasConfig?.operations ?? []).map(o => ({
          type: o.operationType ?? '',
          parameters: (o.parameters ?? []).map(parameter),
        })),
      }
    : undefined;

  const collector = spec.metricsCollectorSpec;
  const source = collector?.source;
  const sourceText =
    source?.fileSystemPath?.path ??
    (source?.filter?.metricsFormat?.length
      ? source.filter.metricsFormat.join(' ')
      : undefined);

  const template = spec.trialTemplate ?? {};
  const trialSpec = template.trialSpec;
  const group = String(trialSpec?.apiVersion ?? '').split('/')[0];
  const kind = trialSpec?.kind;
  const configMap = template.configMap?.configMapName
    ? `${
        template.configMap.configMapNamespace ??
        experiment.metadata.namespace ??
        ''
      }/${template.configMap.configMapName}`
    : undefined;

  const description = nas
    ? `${algorithmTitle} neural architecture search${
        nas.numLayers !== undefined
          ? ` over ${plural(nas.numLayers, 'layer')}`
          : ''
      } with ${plural(nas.operations.length, 'operation')}`
    : `${algorithmTitle} search over ${plural(parameters.length, 'parameter')}`;

  return {
    algorithm,
    algorithmTitle,
    algorithmSettings: settings(spec.algorithm?.algorithmSettings),
    objective: {
      type,
      metricName,
      ...(objective.goal !== undefined && objective.goal !== null
        ? { goal: objective.goal }
        : {}),
      additionalMetricNames,
      metricStrategies,
    },
    parameters,
    ...(nas ? { nas } : {}),
    ...(spec.earlyStopping?.algorithmName
      ? {
          earlyStopping: {
            algorithm: spec.earlyStopping.algorithmName,
            settings: settings(spec.earlyStopping.algorithmSettings),
          },
        }
      : {}),
    metricsCollector: {
      kind: collector?.collector?.kind ?? 'StdOut',
      ...(sourceText ? { source: sourceText } : {}),
    },
    trial: {
      ...(kind ? { kind } : {}),
      ...(trialSpec?.apiVersion ? { apiVersion: trialSpec.apiVersion } : {}),
      title: trialTitle(kind, group, configMap),
      ...(configMap ? { configMap } : {}),
      ...(template.primaryContainerName
        ? { primaryContainerName: template.primaryContainerName }
        : {}),
      parameters: (template.trialParameters ?? []).map(p => ({
        name: p.name ?? '',
        reference: p.reference ?? p.name ?? '',
        ...(p.description ? { description: p.description.trim() } : {}),
      })),
    },
    resumePolicy: spec.resumePolicy ?? 'Never',
    ...(spec.maxTrialCount !== undefined
      ? { maxTrialCount: spec.maxTrialCount }
      : {}),
    ...(spec.parallelTrialCount !== undefined
      ? { parallelTrialCount: spec.parallelTrialCount }
      : {}),
    ...(spec.maxFailedTrialCount !== undefined
      ? { maxFailedTrialCount: spec.maxFailedTrialCount }
      : {}),
    description,
  };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A metric value as a number, only when it is one: Katib stores metric values as strings, and
 * some are text (a DARTS genotype, `unavailable`). `undefined` for anything else. @public
 */
export function katibMetricNumber(
  value: string | number | null | undefined,
): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !NUMBER.test(value.trim())) return undefined;
  return Number(value.trim());
}

/**
 * The latest value of each observed metric, as Katib recorded it (a number's text, or text such
 * as a genotype); `unavailable` and empty values are left out. @public
 */
export function katibMetricValues(
  metrics: Metric[] | null | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const m of metrics ?? []) {
    const latest = m?.latest;
    if (
      m?.name &&
      latest !== undefined &&
      latest !== null &&
      latest !== '' &&
      latest !== 'unavailable'
    ) {
      values[m.name] = String(latest);
    }
  }
  return values;
}
