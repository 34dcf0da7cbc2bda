import {
  AuthService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogService,
  locationSpecToLocationEntity,
} from '@backstage/plugin-catalog-node';
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
  /** Absolute targets of the catalog's configured `file` locations. */
  catalogFileLocations?: string[];
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
      // A project belongs to the user who first published it: a rerun of their template replaces
      // it, anyone else gets a conflict instead of overwriting it. The claim is a file beside the
      // project (outside what the catalog reads), created exclusively so two first publishes of
      // one name cannot both win.
      const publisher = ctx.user?.ref ?? 'an unknown user';
      const claim = path.join(root, `.${name}.publisher`);
      const claimedBy = await fs.readFile(claim, 'utf8').catch(() => undefined);
      const refuse = (by: string) =>
        new ConflictError(
          `A project named '${name}' was already published by ${by}; choose another name`,
        );
      if (claimedBy !== undefined && claimedBy !== publisher) {
        throw refuse(claimedBy);
      }
      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would publish to ${target}`);
        done();
        return;
      }
      await fs.mkdir(root, { recursive: true });
      if (claimedBy === undefined) {
        try {
          await fs.writeFile(claim, publisher, { flag: 'wx' });
        } catch (e: any) {
          if (e?.code !== 'EEXIST') throw e;
          const winner = await fs.readFile(claim, 'utf8');
          if (winner !== publisher) throw refuse(winner);
        }
      }
      // Replace the previous copy of this project (a rerun publishes the same files again).
      const staging = path.join(root, `.${name}.${randomUUID()}.tmp`);
      await fs.rm(staging, { recursive: true, force: true });
      await fs.cp(source, staging, { recursive: true });
      await fs.rm(target, { recursive: true, force: true });
      await fs.rename(staging, target);
      ctx.logger.info(`Published the project to ${target}`);
      // Ask the catalog to re-read the locations that read the projects directory now, rather
      // than on its next pass (minutes away). A configured glob location that matched nothing
      // yet failed its first read, so the catalog has no stitched Location entity to list: its
      // ref is derived from its target, as the catalog names configured locations.
      // Reading locations and refreshing one is the portal's housekeeping, not the user's write.
      const under = (file: string) =>
        path.resolve(file).startsWith(root + path.sep);
      const refs = new Set(
        (options.catalogFileLocations ?? []).filter(under).map(
          file =>
            `location:default/${
              locationSpecToLocationEntity({
                location: { type: 'file', target: file },
              }).metadata.name
            }`,
        ),
      );
      const credentials = await options.auth.getOwnServiceCredentials();
      const { items } = await options.catalog.getEntities(
        { filter: { kind: 'Location' } },
        { credentials },
      );
      for (const l of items) {
        const spec = l.spec as { target?: string; targets?: string[] };
        if ([spec?.target, ...(spec?.targets ?? [])].some(t => t && under(t))) {
          refs.add(stringifyEntityRef(l));
        }
      }
      let refreshed = 0;
      for (const ref of refs) {
        try {
          await options.catalog.refreshEntity(ref, { credentials });
          refreshed++;
        } catch (e) {
          ctx.logger.warn(`The catalog could not refresh ${ref}: ${e}`);
        }
      }
      ctx.logger.info(
        refreshed
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
