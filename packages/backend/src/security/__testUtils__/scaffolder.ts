import { resolveSpecsDir } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import { Client, Decision } from './cells';
import { Need, Target } from './matrix';

/**
 * One row per `kubeflow:*` scaffolder action: the input a template would pass for a user and a
 * namespace, the workspace files it reads, and the object it would create (which must not exist
 * after a denial, nor after a dry run).
 */
export interface ScaffolderRow {
  action: string;
  need: Need;
  input(t: Target, user: string): Record<string, unknown>;
  /** Workspace files (the same for every cell): templates fetch them from `./mx-files`. */
  files?(): Record<string, string>;
  creates?(t: Target, user: string): string;
  /** Objects of the target the input names (see Operation.uses). */
  uses?: Array<keyof Target['ids']>;
}

const nameFor = (user: string, what: string) => `mx-${user}-${what}`;

const pipelineIr = () =>
  fs.readFileSync(
    path.join(resolveSpecsDir(), 'pipelines/samples/add_numbers.yaml'),
    'utf8',
  );

const ns = (t: Target) => t.namespace;

export const SCAFFOLDER_ROWS: ScaffolderRow[] = [
  {
    action: 'kubeflow:notebook:create',
    need: 'write',
    input: (t, u) => ({
      namespace: ns(t),
      name: nameFor(u, 'nb'),
      cpu: '1',
      memory: '1Gi',
    }),
    creates: (t, u) =>
      `/apis/kubeflow.org/v1/namespaces/${ns(t)}/notebooks/${nameFor(u, 'nb')}`,
  },
  {
    action: 'kubeflow:katib:experiment:create',
    need: 'write',
    input: (t, u) => ({
      namespace: ns(t),
      name: nameFor(u, 'hp'),
      objectiveType: 'maximize',
      objectiveMetric: 'accuracy',
      algorithm: 'random',
      parameters: [{ name: 'lr', type: 'double', min: '0.001', max: '0.1' }],
      maxTrialCount: 2,
      parallelTrialCount: 1,
      image: 'docker.io/kubeflowkatib/pytorch-mnist-cpu:v0.17.0',
      command: ['python3', '/opt/pytorch-mnist/mnist.py', '--epochs=1'],
    }),
    creates: (t, u) =>
      `/apis/kubeflow.org/v1beta1/namespaces/${ns(t)}/experiments/${nameFor(
        u,
        'hp',
      )}`,
  },
  {
    action: 'kubeflow:trainjob:create',
    need: 'write',
    input: (t, u) => ({
      namespace: ns(t),
      name: nameFor(u, 'tj'),
      runtime: 'torch-distributed',
      image: 'docker.io/kubeflow/pytorch-mnist:v1.0',
      command: ['torchrun', 'train.py'],
      numNodes: 1,
    }),
    creates: (t, u) =>
      `/apis/trainer.kubeflow.org/v1alpha1/namespaces/${ns(
        t,
      )}/trainjobs/${nameFor(u, 'tj')}`,
  },
  {
    action: 'kubeflow:spark:submit',
    need: 'write',
    input: (t, u) => ({
      namespace: ns(t),
      name: nameFor(u, 'sp'),
      type: 'Python',
      mainApplicationFile: 'local:///opt/spark/examples/src/main/python/pi.py',
      arguments: ['10'],
      executorInstances: 1,
    }),
    creates: (t, u) =>
      `/apis/sparkoperator.k8s.io/v1beta2/namespaces/${ns(
        t,
      )}/sparkapplications/${nameFor(u, 'sp')}`,
  },
  {
    action: 'kubeflow:inferenceservice:deploy',
    need: 'write',
    uses: ['deployModel', 'deployVersion'],
    input: (t, u) => ({
      namespace: ns(t),
      name: nameFor(u, 'is'),
      model: t.ids.deployModel,
      version: t.ids.deployVersion,
    }),
    creates: (t, u) =>
      `/apis/serving.kserve.io/v1beta1/namespaces/${ns(
        t,
      )}/inferenceservices/${nameFor(u, 'is')}`,
  },
  {
    action: 'kubeflow:apply',
    need: 'write',
    input: t => ({ namespace: ns(t), paths: ['kubeflow/resources.yaml'] }),
    files: () => ({
      'kubeflow/resources.yaml': yaml.dump({
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name: 'mx-applied' },
        spec: {
          template: {
            spec: {
              containers: [
                {
                  name: 'mx-applied',
                  image:
                    'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest',
                },
              ],
            },
          },
        },
      }),
    }),
    creates: t =>
      `/apis/kubeflow.org/v1/namespaces/${ns(t)}/notebooks/mx-applied`,
  },
  {
    action: 'kubeflow:pipeline:upload',
    need: 'write',
    input: (t, u) => ({
      namespace: ns(t),
      name: nameFor(u, 'pl'),
      path: 'pipelines/pipeline.yaml',
    }),
    files: () => ({ 'pipelines/pipeline.yaml': pipelineIr() }),
  },
  {
    action: 'kubeflow:pipeline:run',
    need: 'write',
    uses: ['pipelineName'],
    input: (t, u) => ({
      namespace: ns(t),
      pipeline: t.ids.pipelineName,
      runName: nameFor(u, 'run'),
      parameters: JSON.parse(t.ids.runParameters ?? '{}'),
    }),
  },
  {
    // Not a cluster operation: copies the workspace into the operator's projects directory.
    action: 'kubeflow:project:publish',
    need: 'signed-in',
    input: (t, u) => ({ name: nameFor(u, t.namespace) }),
    files: () => ({
      'catalog-info.yaml': yaml.dump({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'mx-published' },
        spec: {
          type: 'service',
          lifecycle: 'experimental',
          owner: 'group:default/ml-org',
        },
      }),
    }),
  },
  {
    action: 'kubeflow:profile:contributor:add',
    need: 'manage',
    input: t => ({
      namespace: ns(t),
      user: 'mx-newcomer@example.com',
      role: 'view',
    }),
    creates: t =>
      `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns(
        t,
      )}/rolebindings/user-mx-newcomer-example-com-clusterrole-view`,
  },
  {
    action: 'kubeflow:profile:create',
    need: 'cluster-admin',
    input: (_t, u) => ({
      name: nameFor(u, 'profile'),
      owner: `${u}@example.com`,
    }),
    creates: (_t, u) =>
      `/apis/kubeflow.org/v1/profiles/${nameFor(u, 'profile')}`,
  },
];

/** The workspace files of every row, under `mx-files/` (written next to the templates). */
export function workspaceFiles(): Record<string, string> {
  return Object.fromEntries(
    SCAFFOLDER_ROWS.flatMap(row =>
      Object.entries(row.files?.() ?? {}).map(([p, c]) => [`mx-files/${p}`, c]),
    ),
  );
}

const filesStep = (row: ScaffolderRow) =>
  row.files
    ? [{ id: 'files', action: 'fetch:plain', input: { url: './mx-files' } }]
    : [];

const templateName = (action: string) =>
  `mx-${action.replace(/[^a-z0-9]+/g, '-')}`;

/**
 * One Template per action, for the real (not dry) runs: it writes the workspace files (through
 * `catalog:write`, which writes an object as YAML) and calls the action with the input's keys.
 */
export function templateDocuments(sample: Target): object[] {
  return SCAFFOLDER_ROWS.map(row => {
    const keys = Object.keys(row.input(sample, 'alice'));
    return {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: templateName(row.action), title: row.action },
      spec: {
        type: 'service',
        owner: 'user:default/alice',
        parameters: [
          {
            properties: { input: { type: 'object' } },
          },
        ],
        steps: [
          ...filesStep(row),
          {
            id: 'act',
            action: row.action,
            input: Object.fromEntries(
              keys.map(key => [key, `\${{ parameters.input.${key} }}`]),
            ),
          },
        ],
      },
    };
  });
}

const DENIED = /may not|NotAllowedError|forbidden/i;

/** The decision of a failure message: a refusal denies, anything else is an error. */
function failure(message: string): Decision {
  return DENIED.test(message) ? 'deny' : `error ${message.slice(0, 200)}`;
}

/** Runs the action through the scaffolder's dry-run API, as the user, with the files inline. */
export async function dryRun(
  client: Client,
  user: string,
  row: ScaffolderRow,
  t: Target,
): Promise<{ decision: Decision; log: string }> {
  const files = row.files ? workspaceFiles() : {};
  const reply = await client.as(user, {
    method: 'POST',
    path: '/api/scaffolder/v2/dry-run',
    body: {
      template: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name: templateName(row.action) },
        spec: {
          type: 'service',
          parameters: [],
          steps: [
            ...filesStep(row),
            { id: 'act', action: row.action, input: row.input(t, user) },
          ],
        },
      },
      values: {},
      directoryContents: Object.entries(files).map(([p, content]) => ({
        path: p,
        base64Content: Buffer.from(content).toString('base64'),
      })),
    },
  });
  const log = JSON.stringify(reply.json?.log ?? reply.text);
  if (reply.status === 200) return { decision: 'allow', log };
  return {
    decision: failure(String(reply.json?.error?.message ?? reply.text)),
    log,
  };
}

/** Runs the action as a real scaffolder task from its template, as the user; waits for the end. */
export async function runTask(
  client: Client,
  user: string,
  row: ScaffolderRow,
  t: Target,
): Promise<{ decision: Decision; log: string }> {
  const created = await client.as(user, {
    method: 'POST',
    path: '/api/scaffolder/v2/tasks',
    body: {
      templateRef: `template:default/${templateName(row.action)}`,
      values: { input: row.input(t, user) },
    },
  });
  if (created.status !== 201)
    return {
      decision: `error task ${created.status} ${created.text}`,
      log: '',
    };
  const id = created.json.id;
  const end = Date.now() + 60_000;
  let status = '';
  while (Date.now() < end) {
    const task = await client.as(user, {
      method: 'GET',
      path: `/api/scaffolder/v2/tasks/${id}`,
    });
    status = task.json?.status;
    if (['completed', 'failed', 'cancelled'].includes(status)) break;
    await new Promise(r => setTimeout(r, 200));
  }
  const events = await client.as(user, {
    method: 'GET',
    path: `/api/scaffolder/v2/tasks/${id}/events`,
  });
  const messages = (events.json ?? []).map((e: any) =>
    String(e.body?.message ?? ''),
  );
  const log = messages.join('\n');
  if (status === 'completed') return { decision: 'allow', log };
  return { decision: failure(log || status), log };
}
