import { Entity } from '@backstage/catalog-model';
import {
  KatibExperiment,
  KUBEFLOW_ENTITY_TYPES,
  Notebook,
  SCHEDULED_SPARK_APP_LABEL,
  ScheduledSparkApplication,
  SparkApplication,
  scheduledSparkApplicationDisplayState,
  TrainJob,
  TrainingOperatorJob,
  trainingOperatorJobDisplayState,
  trainingOperatorJobSummary,
  katibExperimentDisplayState,
  katibExperimentSummary,
  notebookDisplayState,
  sparkApplicationDisplayState,
  trainJobDisplayState,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  TransformContext,
  dashboardLink,
  kubernetesMetadata,
  ownerOf,
  sourceComponent,
} from './context';

function resourceEntity(
  context: TransformContext,
  object: { kind: string; metadata: any },
  type: string,
  metadata: Entity['metadata'],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata,
    spec: {
      type,
      owner: ownerOf(context, object.metadata.namespace),
      ...(sourceComponent(object).length
        ? { dependencyOf: sourceComponent(object) }
        : {}),
    },
  };
}

const SERVER_TYPES: Record<string, string> = {
  'group-one': 'VS Code',
  'group-two': 'RStudio',
};

/** A Notebook server: image, resources and state in the description; a link to open it. */
export function notebookToEntity(
  notebook: Notebook,
  context: TransformContext,
): Entity {
  const { namespace, name, annotations = {} } = notebook.metadata;
  const container = notebook.spec?.template.spec.containers[0];
  const image = container?.image ?? 'unknown image';
  const requests = container?.resources?.requests ?? {};
  const gpus = Object.entries(container?.resources?.limits ?? {}).find(([k]) =>
    k.endsWith('/gpu'),
  );
  const server =
    SERVER_TYPES[annotations['notebooks.kubeflow.org/server-type']] ??
    'Jupyter';
  const resources = [
    requests.cpu !== undefined ? `${requests.cpu} CPU` : undefined,
    requests.memory !== undefined ? `${requests.memory} memory` : undefined,
    gpus ? `${gpus[1]} GPU` : undefined,
  ].filter(Boolean);
  const state = notebookDisplayState(notebook);
  const metadata = kubernetesMetadata(context, notebook, {
    labelSelector: `notebook-name=${name}`,
    description: `${server} notebook in ${namespace} running ${image}${
      resources.length ? ` with ${resources.join(', ')}` : ''
    }. State: ${state.phase}.`,
    tags: ['notebook', server.toLowerCase().replace(/\s+/g, '-')],
  });
  metadata.links = dashboardLink(
    context,
    `/notebook/${namespace}/${name}/`,
    `Open ${server}`,
    'docs',
  );
  return resourceEntity(
    context,
    notebook,
    KUBEFLOW_ENTITY_TYPES.notebook,
    metadata,
  );
}

/** A metric value for a sentence: text (a DARTS genotype) is cut short. */
function shortValue(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

/**
 * A Katib experiment: what it searches (parameters, or the architecture for NAS), objective,
 * progress and best trial.
 */
export function katibExperimentToEntity(
  experiment: KatibExperiment,
  context: TransformContext,
): Entity {
  const { namespace, name } = experiment.metadata;
  const status = experiment.status ?? {};
  const summary = katibExperimentSummary(experiment);
  const { objective } = summary;
  const best = status.currentOptimalTrial;
  const bestMetric = best?.observation?.metrics?.find(
    m => m.name === objective.metricName,
  );
  const metadata = kubernetesMetadata(context, experiment, {
    labelSelector: `katib.kubeflow.org/experiment=${name}`,
    description: `Katib experiment: ${summary.description}, ${objective.type} ${
      objective.metricName || 'the objective'
    }${objective.goal !== undefined ? ` to ${objective.goal}` : ''}; ${
      status.trialsSucceeded ?? 0
    } of ${summary.maxTrialCount ?? '?'} trials succeeded${
      bestMetric?.latest && bestMetric.latest !== 'unavailable'
        ? `, best ${bestMetric.name} ${shortValue(bestMetric.latest)} (${
            best?.bestTrialName
          })`
        : ''
    }. State: ${katibExperimentDisplayState(experiment).phase}.`,
    tags: [
      'katib',
      summary.nas ? 'nas' : 'hyperparameter-tuning',
      summary.algorithm.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    ].filter(Boolean),
  });
  metadata.links = dashboardLink(
    context,
    `/katib/experiment/${namespace}/${name}`,
    'Katib UI',
  );
  return resourceEntity(
    context,
    experiment,
    KUBEFLOW_ENTITY_TYPES.katibExperiment,
    metadata,
  );
}

/** A TrainJob: runtime, nodes and state. */
export function trainJobToEntity(
  job: TrainJob,
  context: TransformContext,
): Entity {
  const { name } = job.metadata;
  const spec = job.spec;
  const metadata = kubernetesMetadata(context, job, {
    labelSelector: `jobset.sigs.k8s.io/jobset-name=${name}`,
    description: `Training job on runtime ${
      spec?.runtimeRef.name ?? 'unknown'
    } with ${spec?.trainer?.numNodes ?? 1} node(s)${
      spec?.trainer?.image ? ` running ${spec.trainer.image}` : ''
    }. State: ${trainJobDisplayState(job).message}.`,
    tags: ['training', spec?.runtimeRef.name ?? ''].filter(Boolean),
  });
  return resourceEntity(context, job, KUBEFLOW_ENTITY_TYPES.trainJob, metadata);
}

/**
 * A Training Operator v1 job (PyTorchJob, TFJob, …): framework, roles with their images, GPUs.
 * None for a Katib trial's job: an experiment runs one per trial, and its page shows them.
 */
export function trainingOperatorJobToEntity(
  job: TrainingOperatorJob,
  context: TransformContext,
): Entity[] {
  const { name } = job.metadata;
  const owners: Array<{ kind?: string }> =
    (job.metadata as any).ownerReferences ?? [];
  if (owners.some(o => o.kind === 'Trial')) return [];
  const summary = trainingOperatorJobSummary(job);
  const roles = summary.roles
    .map(
      r =>
        `${r.replicas} ${r.role}${r.image ? ` (${r.image})` : ''}${
          r.gpus ? `, ${r.gpus} GPU each` : ''
        }`,
    )
    .join(', ');
  const metadata = kubernetesMetadata(context, job, {
    labelSelector: `training.kubeflow.org/job-name=${name}`,
    description: `${summary.framework} training job (${summary.kind}) with ${
      roles || 'no replicas'
    }. State: ${trainingOperatorJobDisplayState(job).message.replace(
      /\.$/,
      '',
    )}.`,
    tags: [
      'training',
      summary.framework.toLowerCase(),
      ...(summary.roles.some(r => r.gpus) ? ['gpu'] : []),
    ],
  });
  return [
    resourceEntity(context, job, KUBEFLOW_ENTITY_TYPES.trainingJob, metadata),
  ];
}

/**
 * A SparkApplication: type, version, executors and state. None for a run of a
 * ScheduledSparkApplication: a daily schedule would add an entity a day; its page lists the runs.
 */
export function sparkApplicationToEntity(
  app: SparkApplication,
  context: TransformContext,
): Entity[] {
  const { name, labels = {} } = app.metadata;
  const owners: Array<{ kind?: string }> =
    (app.metadata as any).ownerReferences ?? [];
  if (
    labels[SCHEDULED_SPARK_APP_LABEL] ||
    owners.some(o => o.kind === 'ScheduledSparkApplication')
  )
    return [];
  const spec = app.spec;
  const metadata = kubernetesMetadata(context, app, {
    labelSelector: `sparkoperator.k8s.io/app-name=${name}`,
    description: `Spark ${spec?.sparkVersion ?? ''} ${
      spec?.type ?? ''
    } application with ${spec?.executor.instances ?? 1} executor(s). State: ${
      sparkApplicationDisplayState(app).message
    }.`.replace(/\s+/g, ' '),
    tags: ['spark', (spec?.type ?? '').toLowerCase()].filter(Boolean),
  });
  if (app.status?.driverInfo?.webUIAddress) {
    metadata.links = [
      {
        url: `http://${app.status.driverInfo.webUIAddress}`,
        title: 'Spark UI',
        icon: 'dashboard',
      },
    ];
  }
  return [
    resourceEntity(
      context,
      app,
      KUBEFLOW_ENTITY_TYPES.sparkApplication,
      metadata,
    ),
  ];
}

/** A ScheduledSparkApplication: its cron schedule and the application it runs. */
export function scheduledSparkApplicationToEntity(
  scheduled: ScheduledSparkApplication,
  context: TransformContext,
): Entity {
  const { name } = scheduled.metadata;
  const spec = scheduled.spec;
  const template = spec?.template;
  const main = template?.mainApplicationFile;
  const metadata = kubernetesMetadata(context, scheduled, {
    labelSelector: `${SCHEDULED_SPARK_APP_LABEL}=${name}`,
    description: `Scheduled Spark ${template?.sparkVersion ?? ''} ${
      template?.type ?? ''
    } application, cron ${spec?.schedule ?? '?'}${
      spec?.timeZone ? ` (${spec.timeZone})` : ''
    }, with ${template?.executor?.instances ?? 1} executor(s)${
      main ? `, running ${main}` : ''
    }. State: ${
      scheduledSparkApplicationDisplayState(scheduled).message
    }.`.replace(/\s+/g, ' '),
    tags: ['spark', 'scheduled', (template?.type ?? '').toLowerCase()].filter(
      Boolean,
    ),
  });
  return resourceEntity(
    context,
    scheduled,
    KUBEFLOW_ENTITY_TYPES.sparkApplication,
    metadata,
  );
}
