import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  MetricsComparisonDto,
  MetricsRowDto,
  katibExperimentDisplayState,
  kfpRunDisplayState,
  kubeflowEntityName,
  kubeflowModelReadPermission,
  kubeflowPipelineReadPermission,
  trainJobDisplayState,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  KubeflowClusterConfig,
  KubeflowClusters,
} from '@kubeflow-backstage/plugin-kubeflow-node';
import Router from 'express-promise-router';
import { Caller, CallerResolver } from '../services/CallerResolver';
import { kfpApi } from '../services/kfpRequests';
import {
  kfpRunOf,
  namespaceOf,
  numericProperties,
  stringProperty,
  versionArtifacts,
} from '../services/registryLinks';
import { namespacedTarget } from './params';

const resourceRef = (cluster: string, ...parts: string[]) =>
  `resource:${cluster}/${kubeflowEntityName(...parts)}`;

const text = (record: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(record ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );

function metricsOf(list: any[] | undefined): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const m of list ?? []) {
    const value = Number(m?.latest ?? m?.value);
    if (m?.name && Number.isFinite(value)) metrics[m.name] = value;
  }
  return metrics;
}

/** What the caller may read in a namespace, per kind of source (one SubjectAccessReview each). */
async function readable(
  clusters: KubeflowClusters,
  cluster: string,
  caller: Caller,
  namespace: string,
) {
  const can = (group: string, resource: string) =>
    clusters.tenancy.can(cluster, caller.identity, {
      verb: 'list',
      group,
      resource,
      namespace,
    });
  const [runs, katib, training, notebooks] = await Promise.all([
    can('pipelines.kubeflow.org', 'runs'),
    can('kubeflow.org', 'experiments'),
    can('trainer.kubeflow.org', 'trainjobs'),
    can('kubeflow.org', 'notebooks'),
  ]);
  return { runs, katib, training, notebooks };
}

/** Builds the rows of each kind of source, from the cache (runs from KFP as the caller). */
function sourceRows(
  clusters: KubeflowClusters,
  cluster: KubeflowClusterConfig,
) {
  const kfp = kfpApi(clusters, cluster);
  return {
    async run(namespace: string, runId: string): Promise<MetricsRowDto> {
      const run = await kfp({ path: `/runs/${encodeURIComponent(runId)}` });
      const experiments = await clusters.cache.list(
        cluster.name,
        'kfp.experiments',
      );
      const experiment = experiments.find(
        e => e.experiment_id === run.experiment_id,
      );
      if (experiment?.namespace !== namespace)
        throw new NotFoundError(`run ${runId} is not in ${namespace}`);
      const pipelineId = run.pipeline_version_reference?.pipeline_id;
      const pipeline = pipelineId
        ? clusters.cache.source(cluster.name, 'kfp.pipelines').get(pipelineId)
        : undefined;
      return {
        source: {
          kind: 'pipeline-run',
          name: run.display_name ?? runId,
          id: runId,
          namespace,
          state: kfpRunDisplayState(run),
          ...(pipeline
            ? {
                entityRef: resourceRef(
                  cluster.name,
                  pipeline.namespace || 'shared',
                  pipeline.name || pipeline.display_name,
                ),
              }
            : {}),
        },
        parameters: text(run.runtime_config?.parameters),
        metrics: {},
      };
    },
    async katib(namespace: string, name: string): Promise<MetricsRowDto> {
      await clusters.cache.list(cluster.name, 'experiments');
      const experiment = clusters.cache
        .source(cluster.name, 'experiments')
        .get(`${namespace}/${name}`);
      if (!experiment)
        throw new NotFoundError(`Katib experiment ${namespace}/${name}`);
      const best = experiment.status?.currentOptimalTrial;
      return {
        source: {
          kind: 'katib-experiment',
          name,
          namespace,
          state: katibExperimentDisplayState(experiment),
          entityRef: resourceRef(cluster.name, namespace, name),
        },
        parameters: Object.fromEntries(
          (best?.parameterAssignments ?? []).map((a: any) => [
            a.name,
            String(a.value),
          ]),
        ),
        metrics: metricsOf(best?.observation?.metrics),
      };
    },
    async trainJob(namespace: string, name: string): Promise<MetricsRowDto> {
      await clusters.cache.list(cluster.name, 'trainjobs');
      const job = clusters.cache
        .source(cluster.name, 'trainjobs')
        .get(`${namespace}/${name}`);
      if (!job) throw new NotFoundError(`TrainJob ${namespace}/${name}`);
      return {
        source: {
          kind: 'trainjob',
          name,
          namespace,
          state: trainJobDisplayState(job),
          entityRef: resourceRef(cluster.name, namespace, name),
        },
        parameters: {
          nodes: String(job.spec?.trainer?.numNodes ?? 1),
          runtime: String(job.spec?.runtimeRef?.name ?? ''),
        },
        metrics: metricsOf(job.status?.trainerStatus?.metrics),
      };
    },
  };
}

function comparison(
  cluster: string,
  title: string,
  rows: MetricsRowDto[],
  missing: string[],
): MetricsComparisonDto {
  const names = new Set<string>();
  rows.forEach(r => Object.keys(r.metrics).forEach(n => names.add(n)));
  return {
    cluster,
    title,
    metricNames: [...names].sort(),
    rows,
    missing,
  };
}

/**
 * Metrics across components: for a registered model, the pipeline runs, Katib experiments (their
 * best trial), TrainJobs and notebooks that produced its versions, as the Model Registry links
 * them; for a profile, its recent runs, Katib experiments and TrainJobs. Sources the caller may
 * not read are left out and named.
 */
export function metricsRoutes(options: {
  clusters: KubeflowClusters;
  callers: CallerResolver;
}) {
  const { clusters, callers } = options;
  const router = Router();

  router.get('/clusters/:cluster/models/:modelId/metrics', async (req, res) => {
    const { cluster } = namespacedTarget(clusters, {
      cluster: req.params.cluster,
      namespace: 'x',
    });
    const modelId = String(req.params.modelId);
    const caller = await callers.caller(req);
    await callers.authorizePortal(caller, kubeflowModelReadPermission);
    await clusters.cache.list(cluster.name, 'modelregistry.models');
    const model = clusters.cache
      .source(cluster.name, 'modelregistry.models')
      .get(modelId);
    if (!model)
      throw new NotFoundError(`No model ${modelId} on ${cluster.name}`);
    const namespace = namespaceOf(model);
    const may = namespace
      ? await readable(clusters, cluster.name, caller, namespace)
      : { runs: false, katib: false, training: false, notebooks: false };
    if (namespace && !Object.values(may).some(Boolean)) {
      throw new NotAllowedError(
        `${caller.identity.user} may not see the experiments of ${namespace}`,
      );
    }
    const versions = (
      await clusters.cache.list(cluster.name, 'modelregistry.versions')
    )
      .filter(v => v.registeredModelId === modelId)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const sources = sourceRows(clusters, cluster);
    const rows: MetricsRowDto[] = [];
    const missing: string[] = [];
    for (const version of versions) {
      const ns = namespaceOf(version) ?? namespace;
      const registered = numericProperties(version.customProperties);
      const tasks: Array<[string, boolean, () => Promise<MetricsRowDto>]> = [];
      let runId = stringProperty(version.customProperties, 'kfp_run_id');
      if (!runId && ns && may.runs) {
        runId = kfpRunOf(
          version,
          await versionArtifacts(clusters, cluster.name, version.id).catch(
            () => [],
          ),
        );
      }
      if (runId && ns)
        tasks.push([
          `pipeline run ${runId}`,
          may.runs,
          async () => ({
            ...(await sources.run(ns, runId!)),
            metrics: registered,
          }),
        ]);
      const katib = stringProperty(
        version.customProperties,
        'katib_experiment',
      );
      if (katib && ns)
        tasks.push([
          `Katib experiment ${katib}`,
          may.katib,
          () => sources.katib(ns, katib),
        ]);
      const job = stringProperty(version.customProperties, 'trainjob');
      if (job && ns)
        tasks.push([
          `TrainJob ${job}`,
          may.training,
          () => sources.trainJob(ns, job),
        ]);
      const notebook = stringProperty(version.customProperties, 'notebook');
      if (notebook && ns)
        tasks.push([
          `notebook ${notebook}`,
          may.notebooks,
          async () => ({
            source: {
              kind: 'notebook',
              name: notebook,
              namespace: ns,
              entityRef: resourceRef(cluster.name, ns, notebook),
            },
            parameters: {},
            metrics: registered,
          }),
        ]);
      for (const [what, allowed, load] of tasks) {
        if (!allowed) {
          missing.push(`${what} (version ${version.name}): not permitted`);
          continue;
        }
        try {
          rows.push({ version: version.name, ...(await load()) });
        } catch (error) {
          missing.push(
            `${what} (version ${version.name}): ${(error as Error).message}`,
          );
        }
      }
    }
    res.json(
      comparison(
        cluster.name,
        `What produced the versions of ${model.name}`,
        rows,
        missing,
      ),
    );
  });

  router.get(
    '/clusters/:cluster/namespaces/:namespace/experiment-metrics',
    async (req, res) => {
      const { cluster, namespace } = namespacedTarget(clusters, req.params);
      const caller = await callers.caller(req);
      await callers.authorizePortal(caller, kubeflowPipelineReadPermission);
      const may = await readable(clusters, cluster.name, caller, namespace);
      if (!may.runs && !may.katib && !may.training) {
        throw new NotAllowedError(
          `${caller.identity.user} may not see the experiments of ${namespace}`,
        );
      }
      const sources = sourceRows(clusters, cluster);
      const rows: MetricsRowDto[] = [];
      const missing: string[] = [];
      const components = await clusters.components(cluster.name);
      if (may.runs && components.pipelines) {
        const page = await kfpApi(
          clusters,
          cluster,
        )({
          path: '/runs',
          query: {
            namespace,
            page_size: 50,
            sort_by: 'created_at desc',
            filter: JSON.stringify({
              predicates: [
                {
                  key: 'storage_state',
                  operation: 'NOT_EQUALS',
                  string_value: 'ARCHIVED',
                },
              ],
            }),
          },
        });
        const versions = components.modelRegistry
          ? await clusters.cache.list(cluster.name, 'modelregistry.versions')
          : [];
        await clusters.cache.list(cluster.name, 'kfp.pipelines');
        for (const run of page?.runs ?? []) {
          const produced = versions.find(
            v =>
              stringProperty(v.customProperties, 'kfp_run_id') === run.run_id,
          );
          const pipelineId = run.pipeline_version_reference?.pipeline_id;
          const pipeline = pipelineId
            ? clusters.cache
                .source(cluster.name, 'kfp.pipelines')
                .get(pipelineId)
            : undefined;
          rows.push({
            ...(produced ? { version: produced.name } : {}),
            source: {
              kind: 'pipeline-run',
              name: run.display_name ?? run.run_id,
              id: run.run_id,
              namespace,
              state: kfpRunDisplayState(run),
              ...(pipeline
                ? {
                    entityRef: resourceRef(
                      cluster.name,
                      pipeline.namespace || 'shared',
                      pipeline.name || pipeline.display_name,
                    ),
                  }
                : {}),
            },
            parameters: text(run.runtime_config?.parameters),
            metrics: produced
              ? numericProperties(produced.customProperties)
              : {},
          });
        }
      } else if (!may.runs) missing.push('pipeline runs: not permitted');
      for (const [kind, allowed, resource, load] of [
        [
          'Katib experiments',
          may.katib && components.resources.experiments,
          'experiments',
          sources.katib,
        ],
        [
          'TrainJobs',
          may.training && components.resources.trainjobs,
          'trainjobs',
          sources.trainJob,
        ],
      ] as const) {
        if (!allowed) {
          if (kind === 'Katib experiments' ? !may.katib : !may.training)
            missing.push(`${kind}: not permitted`);
          continue;
        }
        const items = (
          await clusters.cache.list(cluster.name, resource)
        ).filter(i => i.metadata.namespace === namespace);
        for (const item of items)
          rows.push(await load(namespace, item.metadata.name));
      }
      res.json(
        comparison(cluster.name, `Experiments in ${namespace}`, rows, missing),
      );
    },
  );

  return router;
}
