import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_KUBEFLOW_KIND,
  ANNOTATION_KUBEFLOW_NAME,
  ANNOTATION_KUBEFLOW_NAMESPACE,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { ClusterSession, KubeflowActionEnv } from '../services/ClusterSession';
import { Kfp } from '../services/Kfp';
import { clusterInput, namespaceInput } from './common';
import { entityLink } from './entityLinks';
import { checkName, printable } from './inputs';
import { examples } from './pipelineRun.examples';

type ParameterValue =
  | string
  | number
  | boolean
  | Record<string, unknown>
  | unknown[];

/**
 * The run's parameters checked against the pipeline's root inputs: no unknown names, every
 * required one given, each of its declared type. Strings stay strings — a value holding YAML or
 * newlines is passed as one string value, never interpreted.
 */
export function checkParameters(
  given: Record<string, ParameterValue>,
  spec: any,
): Record<string, ParameterValue> {
  const declared: Record<string, any> =
    spec?.root?.inputDefinitions?.parameters ?? {};
  const out: Record<string, ParameterValue> = {};
  for (const [name, value] of Object.entries(given)) {
    const def = declared[name];
    if (!def) {
      throw new InputError(
        `parameter '${printable(
          name,
        )}' is not an input of the pipeline; its inputs: ${
          Object.keys(declared).join(', ') || 'none'
        }`,
      );
    }
    const type = def.parameterType as string;
    const bad = (what: string) =>
      new InputError(
        `parameter ${name} must be ${what}, got ${printable(
          JSON.stringify(value),
        )}`,
      );
    switch (type) {
      case 'NUMBER_INTEGER': {
        const n =
          typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : value;
        if (typeof n !== 'number' || !Number.isInteger(n))
          throw bad('an integer');
        out[name] = n;
        break;
      }
      case 'NUMBER_DOUBLE': {
        const n =
          typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : value;
        if (typeof n !== 'number' || !Number.isFinite(n)) throw bad('a number');
        out[name] = n;
        break;
      }
      case 'BOOLEAN':
        if (typeof value === 'boolean') out[name] = value;
        else if (value === 'true' || value === 'false')
          out[name] = value === 'true';
        else throw bad('true or false');
        break;
      case 'STRUCT':
      case 'LIST': {
        let v: unknown = value;
        if (typeof value === 'string') {
          try {
            v = JSON.parse(value);
          } catch {
            throw bad(type === 'LIST' ? 'a JSON list' : 'a JSON object');
          }
        }
        if (
          type === 'LIST'
            ? !Array.isArray(v)
            : !v || typeof v !== 'object' || Array.isArray(v)
        )
          throw bad(type === 'LIST' ? 'a list' : 'an object');
        out[name] = v as ParameterValue;
        break;
      }
      default:
        if (typeof value === 'object') throw bad('a string');
        out[name] = String(value);
    }
  }
  const missing = Object.entries(declared)
    .filter(
      ([n, d]) => !(n in out) && !d.isOptional && d.defaultValue === undefined,
    )
    .map(([n]) => n);
  if (missing.length) {
    throw new InputError(
      `the pipeline needs the parameter(s) ${missing.join(', ')}`,
    );
  }
  return out;
}

/** A cron expression for KFP (with seconds): 5 fields get a leading `0`. */
export function kfpCron(expression: string): string {
  const fields = expression.trim().split(/\s+/);
  const field =
    /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/;
  if (
    (fields.length !== 5 && fields.length !== 6) ||
    !fields.every(f => field.test(f))
  ) {
    throw new InputError(
      `schedule '${printable(
        expression,
      )}' is not a cron expression (e.g. "0 3 * * *")`,
    );
  }
  return fields.length === 5 ? `0 ${fields.join(' ')}` : fields.join(' ');
}

/**
 * `kubeflow:pipeline:run` — runs a KFP pipeline version with parameters, once or on a cron
 * schedule, in an experiment (created when missing). A run or recurring run of the same name in
 * the experiment is reused, so a rerun or a resumed task starts nothing twice.
 *
 * @public
 */
export function createPipelineRunAction(
  env: KubeflowActionEnv & { catalog: CatalogService },
) {
  return createTemplateAction({
    id: 'kubeflow:pipeline:run',
    description:
      'Starts a Kubeflow pipeline run (or a recurring run) from a pipeline version with parameters, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: clusterInput,
        namespace: namespaceInput,
        pipeline: z =>
          z
            .string()
            .describe(
              'The pipeline: its KFP name, or its catalog entity ref (kubeflow-pipeline)',
            ),
        pipelineVersion: z =>
          z.string().optional().describe('Version name (default: the latest)'),
        experiment: z =>
          z
            .string()
            .optional()
            .describe(
              'Experiment name (default Default; created when missing)',
            ),
        runName: z =>
          z
            .string()
            .describe(
              'Name of the run; a run of this name in the experiment is reused',
            ),
        parameters: z =>
          z
            .record(
              z.string(),
              z.union([
                z.string(),
                z.number(),
                z.boolean(),
                z.array(z.any()),
                z.record(z.string(), z.any()),
              ]),
            )
            .optional()
            .describe('Pipeline parameters by name'),
        schedule: z =>
          z
            .string()
            .optional()
            .describe(
              'Cron expression for a recurring run, e.g. "0 3 * * *" (omit for a single run)',
            ),
        maxConcurrency: z =>
          z
            .number()
            .int()
            .min(1)
            .max(10)
            .optional()
            .describe('Recurring: runs at once (default 1)'),
        serviceAccount: z =>
          z
            .string()
            .optional()
            .describe("Service account of the run (default: the profile's)"),
      },
      output: {
        name: z => z.string().describe('Run name'),
        namespace: z => z.string().optional().describe('Its namespace'),
        runId: z =>
          z
            .string()
            .describe('KFP run or recurring run id (empty on a dry run)'),
        recurring: z => z.boolean().describe('Whether it is a recurring run'),
        entityRef: z =>
          z
            .string()
            .describe('Catalog entity of the pipeline (runs are on its page)'),
        url: z =>
          z.string().describe('Path of the pipeline page in the portal'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const namespace = checkName(input.namespace, 'namespace');
      const runName = input.runName?.trim();
      if (!runName || runName.length > 128 || /[\n\r\t]/.test(runName)) {
        throw new InputError(
          'runName must be one line of at most 128 characters',
        );
      }
      const experimentName = (input.experiment ?? 'Default').trim();
      if (
        !experimentName ||
        experimentName.length > 128 ||
        /[\n\r\t]/.test(experimentName)
      ) {
        throw new InputError(
          'experiment must be one line of at most 128 characters',
        );
      }
      const cron = input.schedule ? kfpCron(input.schedule) : undefined;
      const serviceAccount = input.serviceAccount
        ? checkName(input.serviceAccount, 'serviceAccount')
        : undefined;
      const session = await ClusterSession.open(env, ctx, input.cluster);
      let pipelineName = input.pipeline;
      if (/^[a-z]+:/i.test(input.pipeline) || input.pipeline.includes('/')) {
        const entity = await env.catalog.getEntityByRef(input.pipeline, {
          credentials: await ctx.getInitiatorCredentials(),
        });
        const annotations = entity?.metadata.annotations ?? {};
        if (annotations[ANNOTATION_KUBEFLOW_KIND] !== 'Pipeline') {
          throw new InputError(
            `${printable(
              input.pipeline,
            )} is not a Kubeflow pipeline in the catalog`,
          );
        }
        pipelineName = annotations[ANNOTATION_KUBEFLOW_NAME];
        const home = annotations[ANNOTATION_KUBEFLOW_NAMESPACE];
        if (home && home !== namespace) {
          throw new InputError(
            `Pipeline ${pipelineName} is in namespace ${home}, not ${namespace}`,
          );
        }
      }
      const kfp = new Kfp(session);
      const pipeline = await kfp.pipelineByName(pipelineName, namespace);
      if (!pipeline) {
        throw new NotFoundError(
          `No pipeline '${printable(input.pipeline)}' in ${namespace} that ${
            session.identity.user
          } can read`,
        );
      }
      const versions = await kfp.versions(pipeline.pipeline_id, namespace);
      const version = input.pipelineVersion
        ? versions.find(
            v =>
              v.name === input.pipelineVersion ||
              v.display_name === input.pipelineVersion,
          )
        : versions[0];
      if (!version) {
        throw new NotFoundError(
          `Pipeline ${input.pipeline} has no version '${printable(
            input.pipelineVersion ?? '',
          )}'`,
        );
      }
      const parameters = checkParameters(
        input.parameters ?? {},
        version.pipeline_spec,
      );
      ctx.logger.info(
        `Pipeline ${input.pipeline}, version ${version.name}; parameters ${
          Object.keys(parameters).join(', ') || 'none'
        }`,
      );
      const link = entityLink(
        session.cluster,
        'resource',
        namespace,
        pipeline.name,
      );
      const done = (runId: string) => {
        ctx.output('name', runName);
        ctx.output('namespace', namespace);
        ctx.output('runId', runId);
        ctx.output('recurring', !!cron);
        ctx.output('entityRef', link.entityRef);
        ctx.output('url', link.url);
      };
      let experiment = await kfp.findByDisplayName(
        'experiments',
        'experiments',
        experimentName,
        { namespace },
      );
      if (experiment) {
        const existing = cron
          ? await kfp.findByDisplayName(
              'recurringruns',
              'recurringRuns',
              runName,
              {
                namespace,
                experiment_id: experiment.experiment_id,
              },
            )
          : await kfp.findByDisplayName('runs', 'runs', runName, {
              namespace,
              experiment_id: experiment.experiment_id,
            });
        if (existing) {
          ctx.logger.info(
            `A ${
              cron ? 'recurring run' : 'run'
            } named ${runName} already exists in experiment ${experimentName}; reusing it`,
          );
          done(existing.recurring_run_id ?? existing.run_id);
          return;
        }
      }
      if (session.dryRun) {
        // A dry run answers what the real run would: refused without the right to create.
        await kfp.mayCreate(cron ? 'recurringruns' : 'runs', namespace);
        if (!experiment) await kfp.mayCreate('experiments', namespace);
        ctx.logger.info(
          `Dry run: would start ${
            cron ? `recurring run (${cron})` : 'run'
          } ${runName} in experiment ${experimentName}`,
        );
        done('');
        return;
      }
      if (!experiment) {
        experiment = await kfp.create(
          'experiments',
          namespace,
          '/experiments',
          { display_name: experimentName, namespace },
          `create experiment ${experimentName}`,
        );
        ctx.logger.info(`Created experiment ${experimentName}`);
      }
      const common = {
        display_name: runName,
        experiment_id: experiment.experiment_id,
        pipeline_version_reference: {
          pipeline_id: pipeline.pipeline_id,
          pipeline_version_id: version.pipeline_version_id,
        },
        runtime_config: { parameters },
        ...(serviceAccount ? { service_account: serviceAccount } : {}),
      };
      if (cron) {
        const created = await kfp.create(
          'recurringruns',
          namespace,
          '/recurringruns',
          {
            ...common,
            namespace,
            trigger: { cron_schedule: { cron } },
            max_concurrency: String(input.maxConcurrency ?? 1),
            mode: 'ENABLE',
            no_catchup: true,
          },
          `create recurring run ${runName}`,
        );
        ctx.logger.info(`Scheduled recurring run ${runName} (${cron})`);
        done(created.recurring_run_id);
        return;
      }
      const created = await kfp.create(
        'runs',
        namespace,
        '/runs',
        common,
        `start run ${runName}`,
      );
      ctx.logger.info(`Started run ${runName} (${created.run_id})`);
      done(created.run_id);
    },
  });
}
