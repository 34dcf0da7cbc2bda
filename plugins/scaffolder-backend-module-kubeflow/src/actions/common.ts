import type { z as Zod } from 'zod/v3';
import { ANNOTATION_KUBEFLOW_SOURCE_COMPONENT } from '@kubeflow-backstage/plugin-kubeflow-common';
import { InputError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import { checkName, printable } from './inputs';

/** Input fields most actions share. */
export const clusterInput = (z: typeof Zod) =>
  z
    .string()
    .optional()
    .describe('Configured Kubeflow cluster (default: the first one)');

export const namespaceInput = (z: typeof Zod) =>
  z
    .string()
    .describe(
      'Namespace (Kubeflow profile) to create it in; you need edit rights there',
    );

export const nameInput = (what: string) => (z: typeof Zod) =>
  z
    .string()
    .describe(
      `Name of the ${what} (RFC 1123: lower-case letters, digits, '-')`,
    );

export const sourceComponentInput = (z: typeof Zod) =>
  z
    .string()
    .optional()
    .describe(
      'Entity ref of the catalog component (project) that declares this object; the catalog links them',
    );

export const waitInput = (what: string) => (z: typeof Zod) =>
  z.boolean().optional().describe(`Wait until the ${what}`);

export const timeoutInput = (z: typeof Zod) =>
  z
    .number()
    .int()
    .min(1)
    .max(3600)
    .optional()
    .describe('How long to wait, in seconds (default 300)');

/** Annotations recording the component a template created the object for. */
export function sourceAnnotations(
  sourceComponent: string | undefined,
): Record<string, string> {
  if (!sourceComponent) return {};
  try {
    parseEntityRef(sourceComponent);
  } catch {
    throw new InputError(
      `sourceComponent '${printable(sourceComponent)}' is not an entity ref`,
    );
  }
  return { [ANNOTATION_KUBEFLOW_SOURCE_COMPONENT]: sourceComponent };
}

/** Name and namespace checked as RFC 1123 labels. */
export function checkTarget(input: { name: string; namespace: string }) {
  checkName(input.name, 'name');
  checkName(input.namespace, 'namespace');
}
