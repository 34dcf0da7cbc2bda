/** Pure parts of the sandbox's Katib: seeded randomness, parameter sampling, synthetic metrics. */

/** A Katib experiment parameter (spec.parameters[]). */
export interface KatibParameter {
  name: string;
  parameterType: 'double' | 'int' | 'discrete' | 'categorical';
  feasibleSpace: { min?: string; max?: string; step?: string; list?: string[] };
}

/** 32-bit string hash used to seed the PRNG. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++)
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Mulberry32: a small, deterministic PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function formatDouble(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** The values a parameter can take on a grid (double without step: 5 points). */
export function gridValues(p: KatibParameter): string[] {
  const fs = p.feasibleSpace;
  if (fs.list?.length) return fs.list;
  const min = Number(fs.min ?? 0);
  const max = Number(fs.max ?? 1);
  if (p.parameterType === 'int') {
    const step = Number(fs.step ?? 1) || 1;
    const out: string[] = [];
    for (let v = min; v <= max; v += step) out.push(String(Math.round(v)));
    return out;
  }
  const step = fs.step ? Number(fs.step) : (max - min) / 4;
  const out: string[] = [];
  for (let v = min; v <= max + step / 1e6; v += step) out.push(formatDouble(v));
  return out;
}

/** One random assignment drawn uniformly from each feasible space. */
export function randomAssignment(
  parameters: KatibParameter[],
  random: () => number,
): Array<{ name: string; value: string }> {
  return parameters.map(p => {
    const fs = p.feasibleSpace;
    if (p.parameterType === 'categorical' || p.parameterType === 'discrete') {
      const list = fs.list ?? [];
      return {
        name: p.name,
        value: list[Math.floor(random() * list.length)] ?? '',
      };
    }
    const min = Number(fs.min ?? 0);
    const max = Number(fs.max ?? 1);
    if (p.parameterType === 'int') {
      return {
        name: p.name,
        value: String(min + Math.floor(random() * (max - min + 1))),
      };
    }
    return { name: p.name, value: formatDouble(min + random() * (max - min)) };
  });
}

/** The `index`-th point of the grid (cartesian product, last parameter varying fastest). */
export function gridAssignment(
  parameters: KatibParameter[],
  index: number,
): Array<{ name: string; value: string }> | undefined {
  const axes = parameters.map(gridValues);
  const total = axes.reduce((n, a) => n * a.length, 1);
  if (index >= total) return undefined;
  let rest = index;
  const values: string[] = [];
  for (let i = axes.length - 1; i >= 0; i--) {
    values[i] = axes[i][rest % axes[i].length];
    rest = Math.floor(rest / axes[i].length);
  }
  return parameters.map((p, i) => ({ name: p.name, value: values[i] }));
}

/** Assignment for the n-th trial of an experiment, by algorithm (others fall back to random). */
export function sampleAssignment(options: {
  algorithm: string;
  parameters: KatibParameter[];
  index: number;
  seed: string;
}): Array<{ name: string; value: string }> | undefined {
  if (options.algorithm === 'grid')
    return gridAssignment(options.parameters, options.index);
  return randomAssignment(
    options.parameters,
    prng(seedOf(`${options.seed}#${options.index}`)),
  );
}

function normalized(p: KatibParameter, value: string): number {
  const fs = p.feasibleSpace;
  if (fs.list?.length) {
    const i = fs.list.indexOf(value);
    return fs.list.length > 1 ? Math.max(i, 0) / (fs.list.length - 1) : 0.5;
  }
  const min = Number(fs.min ?? 0);
  const max = Number(fs.max ?? 1);
  return max > min ? (Number(value) - min) / (max - min) : 0.5;
}

/**
 * The objective value of a trial: a smooth bowl around an optimum that depends on the experiment
 * (so different experiments differ), plus seeded noise. Loss-like metrics are minimised, the rest
 * (accuracy…) maximised; the returned value respects `type` either way.
 */
export function objectiveValue(options: {
  experiment: string;
  metricName: string;
  type: 'minimize' | 'maximize';
  parameters: KatibParameter[];
  assignment: Array<{ name: string; value: string }>;
  trialName: string;
}): number {
  const { parameters, assignment } = options;
  const optimumRandom = prng(seedOf(`${options.experiment}/optimum`));
  let distance = 0;
  for (const p of parameters) {
    const value = assignment.find(a => a.name === p.name)?.value ?? '';
    const d = normalized(p, value) - (0.2 + 0.6 * optimumRandom());
    distance += d * d;
  }
  distance /= Math.max(parameters.length, 1);
  const noise =
    prng(seedOf(`${options.trialName}/${options.metricName}`))() - 0.5;
  if (options.type === 'minimize') {
    return Math.max(0.0005, 0.02 + 1.2 * distance + 0.02 * noise);
  }
  return Math.min(0.999, 0.97 - 0.9 * distance + 0.015 * noise);
}

/** A companion metric for reports (accuracy for a loss objective and vice versa). */
export function companionMetric(
  objective: number,
  type: 'minimize' | 'maximize',
): number {
  return type === 'minimize'
    ? Math.min(0.999, 0.99 - objective * 0.8)
    : Math.max(0.001, (1 - objective) * 1.5);
}

/** Formats a metric value the way Katib stores it (a string). */
export function metricString(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** Whether the objective meets the goal. */
export function goalReached(
  value: number,
  goal: number | undefined,
  type: string,
): boolean {
  if (goal === undefined || goal === null || Number.isNaN(goal)) return false;
  return type === 'minimize' ? value <= goal : value >= goal;
}

/** Whether a trial fails (deterministic: ~8% of trials, by name). */
export function trialFails(trialName: string): boolean {
  return prng(seedOf(`${trialName}/fail`))() < 0.08;
}
