import {
  InferenceServiceComponentSummary,
  InferenceServiceSummary,
  ResourceRequirements,
} from '@kubeflow-backstage/plugin-kubeflow-common';

/** The model format and its version, or `custom container`; undefined when neither is known. */
export function formatText(
  summary: InferenceServiceSummary,
): string | undefined {
  if (summary.modelFormat) {
    return [summary.modelFormat, summary.modelFormatVersion]
      .filter(Boolean)
      .join(' ');
  }
  return summary.predictorForm === 'custom' ? 'custom container' : undefined;
}

/** The runtime the spec names, else the one KServe chose, marked as such. */
export function runtimeText(summary: InferenceServiceSummary): string {
  if (summary.runtime) return summary.runtime;
  return summary.selectedRuntime
    ? `${summary.selectedRuntime} (auto-selected)`
    : 'auto-selected';
}

/** `Serverless (KServe default)`, `ModelMesh`, `RawDeployment, Recreate`. */
export function deploymentModeText(summary: InferenceServiceSummary): string {
  return `${summary.deploymentMode}${
    summary.deploymentModeSource === 'default' ? ' (KServe default)' : ''
  }${summary.deploymentStrategy ? `, ${summary.deploymentStrategy}` : ''}`;
}

/** `requests cpu 1, memory 2Gi; limits memory 4Gi`; undefined when none is set. */
export function resourcesText(
  resources: ResourceRequirements | undefined,
): string | undefined {
  const part = (label: string, values?: Record<string, string | number>) =>
    values && Object.keys(values).length
      ? `${label} ${Object.entries(values)
          .map(([key, value]) => `${key} ${value}`)
          .join(', ')}`
      : undefined;
  return (
    [part('requests', resources?.requests), part('limits', resources?.limits)]
      .filter(Boolean)
      .join('; ') || undefined
  );
}

/** A transformer or explainer: its image (or `art SquareAttack`) and where its model is. */
export function componentText(
  component: InferenceServiceComponentSummary,
): string {
  const what = component.type
    ? `${component.kind} ${component.type}`
    : component.image ?? component.kind;
  return component.storageUri ? `${what} (${component.storageUri})` : what;
}

/** One line of how an endpoint serves, for a table cell: mode, runtime, GPU, companions. */
export function servingLine(summary: InferenceServiceSummary): string {
  return [
    summary.deploymentModeSource === 'default' ? '' : summary.deploymentMode,
    summary.predictorForm === 'custom' ? '' : runtimeText(summary),
    summary.gpu ? `${summary.gpu.count} × ${summary.gpu.resource}` : '',
    summary.transformer ? 'transformer' : '',
    summary.explainer ? 'explainer' : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
