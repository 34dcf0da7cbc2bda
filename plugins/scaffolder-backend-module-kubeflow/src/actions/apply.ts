import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'js-yaml';
import {
  ClusterSession,
  KubeflowActionEnv,
  KubeManifest,
} from '../services/ClusterSession';
import {
  clusterInput,
  sourceAnnotations,
  sourceComponentInput,
} from './common';
import { examples } from './apply.examples';
import {
  KUBEFLOW_ENTITY_KINDS,
  kubeflowEntityName,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { readWorkspaceFile } from './inputs';

/** Parses the YAML documents of a manifest file; each must be one object with apiVersion/kind. */
export function parseManifests(text: string, file: string): KubeManifest[] {
  let documents: unknown[];
  try {
    documents = yaml.loadAll(text, undefined, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    throw new InputError(
      `${file} is not valid YAML: ${(error as Error).message}`,
    );
  }
  return documents
    .filter(d => d !== null && d !== undefined)
    .map((d, i) => {
      if (typeof d !== 'object' || Array.isArray(d)) {
        throw new InputError(`${file} document ${i + 1} is not an object`);
      }
      const object = d as KubeManifest;
      if (!object.apiVersion || !object.kind || !object.metadata?.name) {
        throw new InputError(
          `${file} document ${i + 1} needs apiVersion, kind and metadata.name`,
        );
      }
      return object;
    });
}

/**
 * `kubeflow:apply` — applies the manifests of workspace files server-side as the user: every
 * document is validated by a strict server dry run before any is stored.
 *
 * @public
 */
export function createApplyAction(env: KubeflowActionEnv) {
  return createTemplateAction({
    id: 'kubeflow:apply',
    description:
      'Applies Kubernetes / Kubeflow manifests from the workspace (server-side apply as the user running the template).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        paths: z =>
          z
            .array(z.string())
            .min(1)
            .describe(
              'Manifest files (YAML, several documents allowed), relative to the workspace',
            ),
        namespace: z =>
          z
            .string()
            .optional()
            .describe('Namespace for namespaced objects that name none'),
        sourceComponent: sourceComponentInput,
      },
      output: {
        name: z => z.string().describe('Name of the first applied object'),
        namespace: z => z.string().optional().describe('Its namespace'),
        entityRef: z =>
          z.string().describe('Catalog entity ref of the first object'),
        url: z => z.string().describe('Path of its page in the portal'),
        applied: z =>
          z
            .array(z.string())
            .describe('Every applied object as `Kind namespace/name`'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const manifests: KubeManifest[] = [];
      for (const p of input.paths) {
        const file = await readWorkspaceFile(ctx.workspacePath, p, 'paths');
        manifests.push(...parseManifests(file.content, p));
      }
      if (!manifests.length)
        throw new InputError('The manifest files hold no objects');
      const session = await ClusterSession.open(env, ctx, input.cluster);
      for (const m of manifests) {
        const kind = await session.kindOf(m);
        if (kind.namespaced && !m.metadata.namespace) {
          if (!input.namespace) {
            throw new InputError(
              `${m.kind} ${m.metadata.name} has no namespace; set metadata.namespace or the namespace input`,
            );
          }
          m.metadata.namespace = input.namespace;
        }
        const annotations = sourceAnnotations(input.sourceComponent);
        if (Object.keys(annotations).length) {
          m.metadata.annotations = {
            ...m.metadata.annotations,
            ...annotations,
          };
        }
      }
      ctx.logger.info(
        `Applying ${manifests.length} object(s) as ${session.identity.user}`,
      );
      await session.apply(manifests);
      const first = manifests[0];
      const entity =
        KUBEFLOW_ENTITY_KINDS[first.kind as keyof typeof KUBEFLOW_ENTITY_KINDS];
      const kind = (entity?.kind ?? 'Resource').toLowerCase();
      const name = first.metadata.namespace
        ? kubeflowEntityName(first.metadata.namespace, first.metadata.name)
        : kubeflowEntityName(first.metadata.name);
      ctx.output('name', first.metadata.name);
      if (first.metadata.namespace)
        ctx.output('namespace', first.metadata.namespace);
      ctx.output('entityRef', `${kind}:${session.cluster}/${name}`);
      ctx.output('url', `/catalog/${session.cluster}/${kind}/${name}`);
      ctx.output(
        'applied',
        manifests.map(
          m =>
            `${m.kind} ${
              m.metadata.namespace ? `${m.metadata.namespace}/` : ''
            }${m.metadata.name}`,
        ),
      );
    },
  });
}
