/**
 * A minimal cron: next fire time for `@every <dur>`, `@hourly|@daily|@midnight|@weekly|@monthly|
 * @yearly|@annually`, and 5-field (or KFP's 6-field, seconds first) expressions with `*`, `*\/n`,
 * `a-b`, `a-b/n` and lists. Times are UTC.
 */

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Parses a Go duration like `3m`, `1h30m`, `90s` into milliseconds (undefined if invalid). */
export function parseGoDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const match of text.matchAll(re)) {
    const n = Number(match[1]);
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[
      match[2] as 'ms' | 'h' | 'm' | 's'
    ];
    total += n * unit;
    consumed += match[0].length;
  }
  return consumed === text.length && total > 0 ? total : undefined;
}

function field(
  spec: string,
  min: number,
  max: number,
): Set<number> | undefined {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    if (!Number.isInteger(step) || step < 1) return undefined;
    let lo = min;
    let hi = max;
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-');
      lo = Number(a);
      if (b !== undefined) hi = Number(b);
      else hi = stepText ? max : lo;
    }
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < min || hi > max)
      return undefined;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function dayMatches(
  t: Date,
  f: {
    days: Set<number>;
    weekdays: Set<number>;
    dayAny: boolean;
    weekAny: boolean;
  },
): boolean {
  if (f.dayAny && f.weekAny) return true;
  if (f.dayAny) return f.weekdays.has(t.getUTCDay());
  if (f.weekAny) return f.days.has(t.getUTCDate());
  // Both restricted: cron matches either (POSIX semantics).
  return f.days.has(t.getUTCDate()) || f.weekdays.has(t.getUTCDay());
}

/** The next fire time strictly after `after`, or undefined if the expression is not understood. */
export function nextCronTime(
  expression: string,
  after: Date,
): Date | undefined {
  const trimmed = expression.trim();
  if (trimmed.startsWith('@every ')) {
    const ms = parseGoDuration(trimmed.slice(7).trim());
    return ms ? new Date(after.getTime() + ms) : undefined;
  }
  let fields = (MACROS[trimmed] ?? trimmed).split(/\s+/);
  if (fields.length === 6) fields = fields.slice(1); // KFP cron has a seconds field
  if (fields.length !== 5) return undefined;
  const [minutes, hours, days, months, weekdays] = [
    field(fields[0], 0, 59),
    field(fields[1], 0, 23),
    field(fields[2], 1, 31),
    field(fields[3], 1, 12),
    field(fields[4].replace(/7/g, '0'), 0, 6),
  ];
  if (!minutes || !hours || !days || !months || !weekdays) return undefined;
  const dayAny = fields[2] === '*' || fields[2] === '?';
  const weekAny = fields[4] === '*' || fields[4] === '?';
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = after.getTime() + 5 * 366 * 24 * 3_600_000;
  while (t.getTime() < limit) {
    const dayMatch = dayMatches(t, { days, weekdays, dayAny, weekAny });
    if (!months.has(t.getUTCMonth() + 1) || !dayMatch) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
      continue;
    }
    if (!hours.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
      continue;
    }
    if (!minutes.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      continue;
    }
    return t;
  }
  return undefined;
}
