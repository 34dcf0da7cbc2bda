import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import crypto from 'crypto';
import yaml from 'js-yaml';
import { ClusterSession, KubeflowActionEnv } from '../services/ClusterSession';
import { Kfp } from '../services/Kfp';
import { clusterInput, namespaceInput } from './common';
import { entityLink } from './entityLinks';
import { checkName, printable, readWorkspaceFile } from './inputs';
import { examples } from './pipelineUpload.examples';

/** The PipelineSpec of a compiled KFP package (IR YAML / JSON; a platform spec may follow). */
export function parsePipelineIr(
  text: string,
  file: string,
): Record<string, any> {
  let documents: unknown[];
  try {
    documents = yaml.loadAll(text);
  } catch (error) {
    throw new InputError(
      `${file} is not valid YAML or JSON: ${(error as Error).message}`,
    );
  }
  const spec = documents.find(
    (d: any) => d && typeof d === 'object' && d.pipelineInfo && d.root,
  ) as Record<string, any> | undefined;
  if (
    !spec ||
    typeof spec.pipelineInfo?.name !== 'string' ||
    !spec.schemaVersion
  ) {
    throw new InputError(
      `${file} is not a compiled KFP pipeline (IR with pipelineInfo.name, root and schemaVersion); compile it with kfp.compiler`,
    );
  }
  return spec;
}

/**
 * `kubeflow:pipeline:upload` — uploads a compiled pipeline (IR) from the workspace as a new KFP
 * pipeline or a new version of it. The version name defaults to a hash of the IR, so uploading
 * the same file again changes nothing.
 *
 * @public
 */
export function createPipelineUploadAction(env: KubeflowActionEnv) {
  return createTemplateAction({
    id: 'kubeflow:pipeline:upload',
    description:
      'Uploads a compiled Kubeflow pipeline (IR YAML) from the workspace as a new pipeline or pipeline version, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: namespaceInput,
        name: z => z.string().describe('Pipeline name (RFC 1123)'),
        displayName: z =>
          z
            .string()
            .optional()
            .describe('Title shown in KFP (default: the name)'),
        description: z =>
          z.string().optional().describe('What the pipeline does'),
        path: z =>
          z
            .string()
            .describe(
              'Compiled pipeline (IR YAML) in the workspace, e.g. pipeline.yaml',
            ),
        version: z =>
          z
            .string()
            .optional()
            .describe('Version name (default: derived from the file contents)'),
        sourceUrl: z =>
          z
            .string()
            .optional()
            .describe('Link to the pipeline source (code_source_url)'),
      },
      output: {
        name: z => z.string().describe('Pipeline name'),
        namespace: z => z.string().optional().describe('Its namespace'),
        pipelineId: z =>
          z
            .string()
            .describe('KFP pipeline id (empty on a dry run of a new pipeline)'),
        versionId: z =>
          z.string().describe('KFP version id (empty on a dry run)'),
        version: z => z.string().describe('Version name'),
        entityRef: z => z.string().describe('Catalog entity of the pipeline'),
        url: z => z.string().describe('Path of its page in the portal'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const name = checkName(input.name, 'name');
      const namespace = checkName(input.namespace, 'namespace');
      const file = await readWorkspaceFile(
        ctx.workspacePath,
        input.path,
        'path',
      );
      const spec = parsePipelineIr(file.content, input.path);
      const hash = crypto
        .createHash('sha256')
        .update(JSON.stringify(spec))
        .digest('hex')
        .slice(0, 10);
      const version = input.version ?? `${name}-${hash}`;
      if (!/^[a-zA-Z0-9][\w.-]{0,127}$/.test(version)) {
        throw new InputError(
          `version '${printable(version)}' is not a valid version name`,
        );
      }
      if (input.sourceUrl && !/^https?:\/\/\S+$/.test(input.sourceUrl)) {
        throw new InputError(
          `sourceUrl '${printable(input.sourceUrl)}' is not an http(s) URL`,
        );
      }
      const session = await ClusterSession.open(env, ctx, input.cluster);
      await session.authorize({
        verb: 'create',
        group: 'pipelines.kubeflow.org',
        resource: 'pipelines',
        namespace,
      });
      const kfp = new Kfp(session);
      const link = entityLink(session.cluster, 'resource', namespace, name);
      const done = (pipelineId: string, versionId: string) => {
        ctx.output('name', name);
        ctx.output('namespace', namespace);
        ctx.output('pipelineId', pipelineId);
        ctx.output('versionId', versionId);
        ctx.output('version', version);
        ctx.output('entityRef', link.entityRef);
        ctx.output('url', link.url);
      };
      const versionBody = {
        name: version,
        display_name: version,
        description: input.description ?? '',
        pipeline_spec: spec,
        ...(input.sourceUrl ? { code_source_url: input.sourceUrl } : {}),
      };
      ctx.logger.info(`Looking up pipeline ${name} in ${namespace}`);
      const pipeline = await kfp.pipelineByName(name, namespace);
      if (!pipeline) {
        if (session.dryRun) {
          ctx.logger.info(
            `Dry run: would create pipeline ${name} with version ${version}`,
          );
          done('', '');
          return;
        }
        const created = await kfp.create(
          'pipelines',
          namespace,
          '/pipelines/create',
          {
            pipeline: {
              name,
              display_name: input.displayName ?? name,
              description: input.description ?? '',
              namespace,
            },
            pipeline_version: versionBody,
          },
          `create pipeline ${name}`,
        );
        const [first] = await kfp.versions(created.pipeline_id, namespace);
        ctx.logger.info(
          `Created pipeline ${name} (${created.pipeline_id}) with version ${version}`,
        );
        done(created.pipeline_id, first?.pipeline_version_id ?? '');
        return;
      }
      const existing = (
        await kfp.versions(pipeline.pipeline_id, namespace)
      ).find(v => v.name === version);
      if (existing) {
        ctx.logger.info(
          `Pipeline ${name} already has version ${version}; nothing to upload`,
        );
        done(pipeline.pipeline_id, existing.pipeline_version_id);
        return;
      }
      if (session.dryRun) {
        ctx.logger.info(
          `Dry run: would add version ${version} to pipeline ${name}`,
        );
        done(pipeline.pipeline_id, '');
        return;
      }
      const created = await kfp.create(
        'pipelineversions',
        namespace,
        `/pipelines/${encodeURIComponent(pipeline.pipeline_id)}/versions`,
        { pipeline_id: pipeline.pipeline_id, ...versionBody },
        `upload version ${version} of ${name}`,
      );
      ctx.logger.info(`Uploaded version ${version} of pipeline ${name}`);
      done(pipeline.pipeline_id, created.pipeline_version_id);
    },
  });
}
