import type { z as Zod } from 'zod/v3';
import { kubeflowEntityName } from '@kubeflow-backstage/plugin-kubeflow-common';

/** The catalog entity of what an action created, and the path of its portal page. */
export interface EntityLink {
  entityRef: string;
  url: string;
}

/**
 * The entity the catalog module makes of a cluster object: namespace = cluster name, name =
 * {@link kubeflowEntityName} of its parts (e.g. `<namespace>.<name>`).
 */
export function entityLink(
  cluster: string,
  kind: 'resource' | 'component' | 'group',
  ...parts: string[]
): EntityLink {
  const name = kubeflowEntityName(...parts);
  return {
    entityRef: `${kind}:${cluster}/${name}`,
    url: `/catalog/${encodeURIComponent(cluster)}/${kind}/${encodeURIComponent(
      name,
    )}`,
  };
}

/** Outputs {@link objectOutputs} for the namespaced object an action created. */
export function outputObject(
  ctx: {
    output(
      name: 'name' | 'namespace' | 'entityRef' | 'url',
      value: string,
    ): void;
  },
  cluster: string,
  namespace: string,
  name: string,
) {
  const link = entityLink(cluster, 'resource', namespace, name);
  ctx.output('name', name);
  ctx.output('namespace', namespace);
  ctx.output('entityRef', link.entityRef);
  ctx.output('url', link.url);
}

/** The output schema every action shares. */
export const objectOutputs = {
  name: (z: typeof Zod) => z.string().describe('Name of the created object'),
  namespace: (z: typeof Zod) =>
    z.string().optional().describe('Its namespace (Kubeflow profile)'),
  entityRef: (z: typeof Zod) =>
    z
      .string()
      .describe('Ref of its catalog entity (once the catalog has read it)'),
  url: (z: typeof Zod) => z.string().describe('Path of its page in the portal'),
};
