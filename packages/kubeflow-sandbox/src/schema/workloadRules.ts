import type { KubeObject } from '../store/types';
import type { StatusCause } from '../store/StatusError';

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

/** Whether a LabelSelector selects an object with `labels` (the apimachinery semantics). */
export function selectorMatches(
  selector: LabelSelector,
  labels: Record<string, string>,
): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(
    ([k, v]) => labels[k] === v,
  );
  return (
    byLabel &&
    (selector.matchExpressions ?? []).every(({ key, operator, values }) => {
      const has = key in labels;
      switch (operator) {
        case 'In':
          return has && (values ?? []).includes(labels[key]);
        case 'NotIn':
          return !has || !(values ?? []).includes(labels[key]);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
}

/**
 * The apiserver's validation of workload selectors beyond the schema (apps/v1 Deployment,
 * StatefulSet, ReplicaSet, DaemonSet): a non-empty selector that selects the pod template.
 */
export function workloadSelectorCauses(object: KubeObject): StatusCause[] {
  const spec = (object as any).spec ?? {};
  const selector: LabelSelector | undefined = spec.selector;
  const labels: Record<string, string> = spec.template?.metadata?.labels ?? {};
  if (
    !selector ||
    (!Object.keys(selector.matchLabels ?? {}).length &&
      !(selector.matchExpressions ?? []).length)
  ) {
    return [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          selector ?? {},
        )}: empty selector is invalid for deployment`,
        field: 'spec.selector',
      },
    ];
  }
  if (!selectorMatches(selector, labels)) {
    return [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${JSON.stringify(
          labels,
        )}: \`selector\` does not match template \`labels\``,
        field: 'spec.template.metadata.labels',
      },
    ];
  }
  return [];
}
