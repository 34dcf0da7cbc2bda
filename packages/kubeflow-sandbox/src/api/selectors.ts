import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';

/** A compiled selector: true when the object matches. */
export type Matcher = (object: KubeObject) => boolean;

const MATCH_ALL: Matcher = () => true;

/** Splits on commas that are not inside parentheses (`a in (x,y),b`). */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of selector) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      terms.push(current);
      current = '';
    } else current += ch;
  }
  terms.push(current);
  return terms.map(t => t.trim()).filter(Boolean);
}

function labelTerm(term: string): (labels: Record<string, string>) => boolean {
  let m = /^!\s*([^\s=!]+)$/.exec(term);
  if (m) {
    const key = m[1];
    return labels => !(key in labels);
  }
  m = /^([^\s=!]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (m) {
    const [, key, op, list] = m;
    const values = new Set(list.split(',').map(v => v.trim()));
    return op === 'in'
      ? labels => key in labels && values.has(labels[key])
      : labels => !(key in labels) || !values.has(labels[key]);
  }
  m = /^([^\s=!]+)\s*(==|=|!=)\s*([^\s]*)$/.exec(term);
  if (m) {
    const [, key, op, value] = m;
    return op === '!='
      ? labels => labels[key] !== value
      : labels => labels[key] === value;
  }
  m = /^([^\s=!(),]+)$/.exec(term);
  if (m) {
    const key = m[1];
    return labels => key in labels;
  }
  throw StatusError.badRequest(
    `unable to parse requirement: found '${term}', expected a valid label selector`,
  );
}

/** Compiles a label selector (=, ==, !=, in, notin, exists, !key). */
export function parseLabelSelector(
  selector: string | null | undefined,
): Matcher {
  if (!selector) return MATCH_ALL;
  const terms = splitTerms(selector).map(labelTerm);
  return object => {
    const labels = object.metadata.labels ?? {};
    return terms.every(t => t(labels));
  };
}

function fieldValue(object: KubeObject, field: string): string | undefined {
  let value: unknown = object;
  for (const part of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null) return '';
  return String(value);
}

const SUPPORTED_FIELDS =
  /^(metadata\.name|metadata\.namespace|involvedObject\.\w+|regarding\.\w+|status\.phase|spec\.nodeName|spec\.serviceAccountName|reason|type|source|reportingComponent|spec\.claimRef\.\w+)$/;

/** Compiles a field selector (`metadata.name=x`, `involvedObject.uid!=y`, …). */
export function parseFieldSelector(
  selector: string | null | undefined,
): Matcher {
  if (!selector) return MATCH_ALL;
  const terms = splitTerms(selector).map(term => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m || !SUPPORTED_FIELDS.test(m[1])) {
      throw StatusError.badRequest(
        `"${
          m?.[1] ?? term
        }" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    }
    const [, field, op, value] = m;
    return (object: KubeObject) =>
      op === '!='
        ? fieldValue(object, field) !== value
        : fieldValue(object, field) === value;
  });
  return object => terms.every(t => t(object));
}

/** The exact name a field selector pins (`metadata.name=x`), for a direct lookup. */
export function selectedName(
  selector: string | null | undefined,
): string | undefined {
  if (!selector) return undefined;
  const terms = splitTerms(selector);
  for (const term of terms) {
    const m = /^metadata\.name\s*==?\s*(.+)$/.exec(term);
    if (m) return m[1];
  }
  return undefined;
}
