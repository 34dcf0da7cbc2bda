import { katibMetricNumber } from '@kubeflow-backstage/plugin-kubeflow-common';
import { formatValue } from '../pipelines/format';

/**
 * A Katib metric value as a person reads it: a number rounded, text (a DARTS genotype) as Katib
 * recorded it, a dash when there is none.
 */
export function metricText(value?: string): string {
  if (value === undefined) return '—';
  const number = katibMetricNumber(value);
  return number !== undefined ? formatValue(number) : value;
}
