/** A condition as used by Kubernetes and Kubeflow status blocks (fields vary by API). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  [key: string]: unknown;
}

/** Current time as RFC3339 without fractional seconds, as Kubernetes writes it. */
export function nowRfc3339(date: Date = new Date()): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * Returns `conditions` with `next` set: the transition time only moves when the status changes,
 * so re-applying the same condition is a no-op (keeps reconciles idempotent).
 */
export function setCondition(
  conditions: Condition[] | undefined,
  next: Condition,
  timeFields: Array<'lastTransitionTime' | 'lastUpdateTime'> = [
    'lastTransitionTime',
  ],
): Condition[] {
  const list = [...(conditions ?? [])];
  const index = list.findIndex(c => c.type === next.type);
  const previous = index >= 0 ? list[index] : undefined;
  const changed =
    !previous ||
    previous.status !== next.status ||
    previous.reason !== next.reason ||
    previous.message !== next.message;
  if (!changed) return list;
  const merged: Condition = { ...next };
  const now = nowRfc3339();
  for (const field of timeFields) {
    merged[field] =
      previous &&
      previous.status === next.status &&
      field === 'lastTransitionTime'
        ? previous[field] ?? now
        : next[field] ?? now;
  }
  for (const key of Object.keys(merged)) {
    if (merged[key] === undefined) delete merged[key];
  }
  if (index >= 0) list[index] = merged;
  else list.push(merged);
  return list;
}

/** The condition of a type, if present. */
export function findCondition(
  conditions: Condition[] | undefined,
  type: string,
): Condition | undefined {
  return conditions?.find(c => c.type === type);
}
