import {
  AuthService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs/promises';
import path from 'path';
import { checkName, printable } from './inputs';
import { examples } from './publishLocal.examples';
import yaml from 'js-yaml';

/**
 * `kubeflow:project:publish` — the embedded default's publish target, for a portal without an
 * SCM: copies the project from the workspace into the operator's projects directory, which the
 * catalog reads through a `file` location (`<directory>/<name>/catalog-info.yaml`), and asks the
 * catalog to read it now. Real installs use the scaffolder's `publish:*` actions instead.
 *
 * @public
 */
export function createProjectPublishAction(options: {
  catalog: CatalogService;
  auth: AuthService;
  directory?: string;
}) {
  return createTemplateAction({
    id: 'kubeflow:project:publish',
    description:
      'Publishes the project in the workspace to the local projects directory the catalog reads (the embedded default, no SCM needed).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z.string().describe('Project name: its directory (RFC 1123)'),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Sub-directory of the workspace to publish (default: all of it)',
            ),
      },
      output: {
        name: z => z.string().describe('Project name'),
        entityRef: z =>
          z.string().describe('The Component its catalog-info.yaml declares'),
        url: z => z.string().describe('Path of its page in the portal'),
        repoContentsUrl: z => z.string().describe('Where the files are'),
        catalogInfoPath: z => z.string().describe('The catalog descriptor'),
      },
    },
    async handler(ctx) {
      const name = checkName(ctx.input.name, 'name');
      if (!options.directory) {
        throw new InputError(
          'No local projects directory is configured (kubeflow.scaffolder.localProjects.directory); publish to an SCM instead',
        );
      }
      let source: string;
      try {
        source = resolveSafeChildPath(
          ctx.workspacePath,
          ctx.input.sourcePath ?? '.',
        );
      } catch {
        throw new InputError(
          `sourcePath '${printable(
            ctx.input.sourcePath ?? '',
          )}' is outside the workspace`,
        );
      }
      const descriptor = await fs
        .readFile(path.join(source, 'catalog-info.yaml'), 'utf8')
        .catch(() => {
          throw new InputError(
            'The project has no catalog-info.yaml to register',
          );
        });
      const component = (yaml.loadAll(descriptor) as any[]).find(
        d => d?.kind === 'Component',
      );
      if (!component?.metadata?.name) {
        throw new InputError('catalog-info.yaml declares no Component');
      }
      const entityRef = `component:${
        component.metadata.namespace ?? 'default'
      }/${component.metadata.name}`;
      const root = path.resolve(options.directory);
      const target = path.join(root, name);
      const done = () => {
        ctx.output('name', name);
        ctx.output('entityRef', entityRef);
        ctx.output(
          'url',
          `/catalog/${component.metadata.namespace ?? 'default'}/component/${
            component.metadata.name
          }`,
        );
        ctx.output('repoContentsUrl', `file://${target}`);
        ctx.output('catalogInfoPath', path.join(target, 'catalog-info.yaml'));
      };
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish to ${target}`);
        done();
        return;
      }
      await fs.mkdir(root, { recursive: true });
      // Replace the previous copy of this project (a rerun publishes the same files again).
      const staging = path.join(root, `.${name}.${process.pid}.tmp`);
      await fs.rm(staging, { recursive: true, force: true });
      await fs.cp(source, staging, { recursive: true });
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(staging, target);
      ctx.logger.info(`Published the project to ${target}`);
      // Ask the catalog to re-read the location that globs the projects directory.
      // Reading locations and refreshing one is the portal's housekeeping, not the user's write.
      const credentials = await options.auth.getOwnServiceCredentials();
      const { items } = await options.catalog.getEntities(
        { filter: { kind: 'Location' } },
        { credentials },
      );
      const locations = items.filter(l => {
        const targets = [
          (l.spec as any)?.target,
          ...(((l.spec as any)?.targets as string[]) ?? []),
        ].filter(Boolean);
        return targets.some(t => path.resolve(String(t)).startsWith(root));
      });
      for (const location of locations) {
        await options.catalog.refreshEntity(
          `location:${location.metadata.namespace ?? 'default'}/${
            location.metadata.name
          }`,
          { credentials },
        );
      }
      ctx.logger.info(
        locations.length
          ? `Asked the catalog to read ${entityRef} now`
          : `No catalog location reads ${root}; register ${path.join(
              target,
              'catalog-info.yaml',
            )}`,
      );
      done();
    },
  });
}
