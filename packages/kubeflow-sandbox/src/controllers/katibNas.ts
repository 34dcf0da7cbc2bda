/**
 * Neural architecture search in the sandbox's Katib: the assignments Katib's DARTS and ENAS
 * suggestion services hand each trial, and the metrics such a trial reports (DARTS reports its
 * best genotype, a string).
 *
 * Faithful to kubeflow/katib pkg/suggestion/v1beta1/nas: DARTS gives every trial the same three
 * assignments, `algorithm-settings` (its defaults overlaid with spec.algorithm.algorithmSettings),
 * `search-space` (each operation per filter size, `<type>_<k>x<k>`, and `skip_connection`) and
 * `num-layers`; ENAS gives `architecture` (per layer: an operation id, then one skip bit per
 * earlier layer) and `nn_config` (num_layers, input_sizes, output_sizes and the embedding of the
 * operations used). Both write JSON with `"` replaced by `'` (the values go into a command line).
 * The ENAS controller (an RNN) is not simulated: architectures are seeded draws.
 */
import type { Assignment } from './katibTrials';
import { metricString, prng, seedOf } from './katibModel';

/** Katib's NAS algorithms. */
export const NAS_ALGORITHMS = ['darts', 'enas'];

/** Whether an experiment spec asks for an architecture search. */
export function isNasSpec(spec: any): boolean {
  return (
    !!spec?.nasConfig ||
    NAS_ALGORITHMS.includes(spec?.algorithm?.algorithmName ?? '')
  );
}

/** Python's `json.dumps(...).replace('"', "'")` for the JSON text `json`. */
const singleQuoted = (json: string) => json.replace(/"/g, "'");

/** DARTS' defaults, as Python's json.dumps writes them (pkg/suggestion/v1beta1/nas/darts/service.py). */
const DARTS_DEFAULTS: Array<[string, string]> = [
  ['num_epochs', '50'],
  ['w_lr', '0.025'],
  ['w_lr_min', '0.001'],
  ['w_momentum', '0.9'],
  ['w_weight_decay', '0.0003'],
  ['w_grad_clip', '5.0'],
  ['alpha_lr', '0.0003'],
  ['alpha_weight_decay', '0.001'],
  ['batch_size', '128'],
  ['num_workers', '4'],
  ['init_channels', '16'],
  ['print_step', '50'],
  ['num_nodes', '4'],
  ['stem_multiplier', '3'],
];

function dartsSettings(spec: any): Array<[string, string]> {
  const settings = new Map(DARTS_DEFAULTS);
  for (const s of spec.algorithm?.algorithmSettings ?? []) {
    // Overrides are the spec's strings; "None" becomes null.
    settings.set(
      String(s.name),
      s.value === 'None' ? 'null' : JSON.stringify(String(s.value)),
    );
  }
  return [...settings];
}

/** DARTS' search space: `<operation>_<k>x<k>` per filter size, `skip_connection` as is. */
export function dartsSearchSpace(spec: any): string[] {
  const space: string[] = [];
  for (const op of spec.nasConfig?.operations ?? []) {
    if (op.operationType === 'skip_connection') {
      space.push(op.operationType);
      continue;
    }
    for (const size of op.parameters?.[0]?.feasibleSpace?.list ?? [])
      space.push(`${op.operationType}_${size}x${size}`);
  }
  return space;
}

/** One concrete ENAS operation: an operation type with one value per parameter. */
interface EnasOperation {
  opt_id: number;
  opt_type: string;
  opt_params: Record<string, string | number>;
}

function values(p: any): Array<string | number> {
  const fs = p.feasibleSpace ?? {};
  if (fs.list?.length) return fs.list.map(String);
  const min = Number(fs.min ?? 0);
  const max = Number(fs.max ?? min);
  const step = Number(fs.step ?? 1) || 1;
  const out: number[] = [];
  for (let v = min; v <= max; v += step) out.push(v);
  return out;
}

/** ENAS' search space: every combination of each operation's parameter values, numbered. */
export function enasSearchSpace(spec: any): EnasOperation[] {
  const space: EnasOperation[] = [];
  for (const op of spec.nasConfig?.operations ?? []) {
    let combos: Array<Record<string, string | number>> = [{}];
    for (const p of op.parameters ?? []) {
      combos = combos.flatMap(c => values(p).map(v => ({ ...c, [p.name]: v })));
    }
    for (const params of combos)
      space.push({
        opt_id: space.length,
        opt_type: op.operationType,
        opt_params: params,
      });
  }
  return space;
}

/** The n-th trial's assignment of a NAS experiment (DARTS: the same for every trial). */
export function nasAssignment(
  spec: any,
  index: number,
  seed: string,
): Assignment {
  const graph = spec.nasConfig?.graphConfig ?? {};
  const numLayers = Number(graph.numLayers ?? 1);
  if (spec.algorithm?.algorithmName === 'enas') {
    const random = prng(seedOf(`${seed}#${index}`));
    const space = enasSearchSpace(spec);
    const architecture: number[][] = [];
    for (let layer = 0; layer < numLayers; layer++) {
      const op = Math.floor(random() * Math.max(space.length, 1));
      const skips = Array.from({ length: layer }, () =>
        random() < 0.4 ? 1 : 0,
      );
      architecture.push([op, ...skips]);
    }
    const embedding: Record<string, EnasOperation> = {};
    for (const [op] of architecture) if (space[op]) embedding[op] = space[op];
    const nnConfig = {
      num_layers: numLayers,
      input_sizes: graph.inputSizes ?? [],
      output_sizes: graph.outputSizes ?? [],
      embedding,
    };
    return [
      {
        name: 'architecture',
        value: singleQuoted(JSON.stringify(architecture).replace(/,/g, ', ')),
      },
      { name: 'nn_config', value: singleQuoted(pythonJson(nnConfig)) },
    ];
  }
  const settings = dartsSettings(spec)
    .map(([k, v]) => `${JSON.stringify(k)}: ${v}`)
    .join(', ');
  return [
    { name: 'algorithm-settings', value: singleQuoted(`{${settings}}`) },
    {
      name: 'search-space',
      value: singleQuoted(pythonJson(dartsSearchSpace(spec))),
    },
    { name: 'num-layers', value: String(numLayers) },
  ];
}

/** JSON with Python's json.dumps separators (`, ` and `: `). */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/**
 * The genotype a DARTS trial prints (`Best-Genotype=Genotype(...)`, pt.darts' format): per cell
 * type, two (operation, input node) edges for each of `num_nodes` intermediate nodes.
 */
export function dartsGenotype(spec: any, trialName: string): string {
  const random = prng(seedOf(`${trialName}/genotype`));
  const ops = dartsSearchSpace(spec);
  const nodes =
    Number(
      (spec.algorithm?.algorithmSettings ?? []).find(
        (s: any) => s.name === 'num_nodes',
      )?.value ?? 4,
    ) || 4;
  const cell = () =>
    `[${Array.from({ length: nodes }, (_, i) => {
      const edge = () =>
        `('${
          ops[Math.floor(random() * ops.length)] ?? 'skip_connection'
        }', ${Math.floor(random() * (i + 2))})`;
      return `[${edge()}, ${edge()}]`;
    }).join(', ')}]`;
  const concat = `range(2, ${nodes + 2})`;
  return `Genotype(normal=${cell()}, normal_concat=${concat}, reduce=${cell()}, reduce_concat=${concat})`;
}

/**
 * Metrics of a finished NAS trial, every one the objective names: a genotype (text) for a
 * `*Genotype*` metric, as DARTS reports it, else a number (loss-like for `*loss*`, otherwise an
 * accuracy). Min, max and latest are strings, as Katib stores them.
 */
export function nasTrialMetrics(spec: any, trialName: string) {
  const objective = spec.objective ?? {};
  const names: string[] = [
    objective.objectiveMetricName ?? 'Validation-Accuracy',
    ...(objective.additionalMetricNames ?? []),
  ];
  return names.map(name => {
    if (/genotype/i.test(name)) {
      const genotype = dartsGenotype(spec, trialName);
      return { name, min: genotype, max: genotype, latest: genotype };
    }
    const r = prng(seedOf(`${trialName}/${name}`))();
    const accuracy = 0.82 + 0.15 * r;
    const value = /loss/i.test(name) ? 1 - accuracy : accuracy;
    const first = /loss/i.test(name) ? value * 3 : value * 0.6;
    return {
      name,
      min: metricString(Math.min(first, value)),
      max: metricString(Math.max(first, value)),
      latest: metricString(value),
    };
  });
}
