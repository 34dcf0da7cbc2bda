import { locationSpecToLocationEntity } from '@backstage/plugin-catalog-node';
import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import { resolveSpecsDir } from '@kubeflow-backstage/kubeflow-sandbox';
import {
  ActionHarness,
  SentRequest,
  manifestErrors,
  restBodyErrors,
  workspaceWith,
} from '../__testUtils__/harness';
import { examples as applyExamples, exampleWorkspace } from './apply.examples';
import { examples as isvcExamples } from './inferenceService.examples';
import { examples as katibExamples } from './katibExperiment.examples';
import { examples as notebookExamples } from './notebook.examples';
import { examples as publishExamples } from './publishLocal.examples';
import { examples as runExamples } from './pipelineRun.examples';
import { examples as uploadExamples } from './pipelineUpload.examples';
import { contributorExamples, profileExamples } from './profile.examples';
import { examples as sparkExamples } from './spark.examples';
import { examples as trainJobExamples } from './trainJob.examples';

const KFP = '/apis/v2beta1/';
const MR = '/api/model_registry/v1alpha3/';

/** The official definition a sent body must satisfy, by what it was sent to. */
function schemaErrorsOf(sent: SentRequest): string[] {
  const p = sent.path;
  if (sent.contentType === 'application/apply-patch+yaml')
    return manifestErrors(sent.body);
  const rest: Array<[RegExp, string, string]> = [
    [
      /pipelines\/create$/,
      'pipelines/pipeline.swagger.json',
      '#/definitions/v2beta1CreatePipelineAndVersionRequest',
    ],
    [
      /pipelines\/[^/]+\/versions$/,
      'pipelines/pipeline.swagger.json',
      '#/definitions/v2beta1PipelineVersion',
    ],
    [
      /experiments$/,
      'pipelines/experiment.swagger.json',
      '#/definitions/v2beta1Experiment',
    ],
    [/\/runs$/, 'pipelines/run.swagger.json', '#/definitions/v2beta1Run'],
    [
      /recurringruns$/,
      'pipelines/recurring_run.swagger.json',
      '#/definitions/v2beta1RecurringRun',
    ],
    [
      /serving_environments$/,
      'model-registry/model-registry.yaml',
      '#/components/schemas/ServingEnvironmentCreate',
    ],
    [
      /serving_environments\/[^/]+\/inference_services$/,
      'model-registry/model-registry.yaml',
      '#/components/schemas/InferenceServiceCreate',
    ],
    [
      /inference_services\/[^/]+$/,
      'model-registry/model-registry.yaml',
      '#/components/schemas/InferenceServiceUpdate',
    ],
  ];
  if (!p.includes(KFP) && !p.includes(MR))
    return [`unexpected write ${sent.method} ${p}`];
  const match = rest.find(([re]) => re.test(p));
  if (!match) return [`no schema known for ${sent.method} ${p}`];
  return restBodyErrors(match[1], match[2], sent.body);
}

const pipelineIr = fs.readFileSync(
  path.join(resolveSpecsDir(), 'pipelines/samples/add_numbers.yaml'),
  'utf8',
);

/** Every action's examples, in an order where each finds what it needs (upload before run). */
const cases: Array<{
  id: string;
  examples: TemplateExample[];
  user: string;
  identity: string;
}> = [
  {
    id: 'kubeflow:notebook:create',
    examples: notebookExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:katib:experiment:create',
    examples: katibExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:trainjob:create',
    examples: trainJobExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:spark:submit',
    examples: sparkExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:apply',
    examples: applyExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:pipeline:upload',
    examples: uploadExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:pipeline:run',
    examples: runExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:inferenceservice:deploy',
    examples: isvcExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
  {
    id: 'kubeflow:profile:create',
    examples: profileExamples,
    user: 'ops',
    identity: 'ops@example.com',
  },
  {
    id: 'kubeflow:profile:contributor:add',
    examples: contributorExamples,
    user: 'alice',
    identity: 'alice@example.com',
  },
];

/** Lets ops@example.com create profiles, as an operator would (a ClusterRole bound to them). */
async function grantProfileCreation(sandbox: { url: string }) {
  const post = (p: string, body: unknown) =>
    fetch(`${sandbox.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'profile-creator' },
    rules: [
      {
        apiGroups: ['kubeflow.org'],
        resources: ['profiles'],
        verbs: ['get', 'list', 'create', 'patch'],
      },
    ],
  });
  await post('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'profile-creator-ops' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'profile-creator',
    },
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'User',
        name: 'ops@example.com',
      },
    ],
  });
}

describe('the kubeflow:* actions against the sandbox', () => {
  let h: ActionHarness;
  const workspace = workspaceWith({
    ...exampleWorkspace,
    'pipelines/pipeline.yaml': pipelineIr,
  });

  beforeAll(async () => {
    h = await ActionHarness.start();
    await grantProfileCreation(h.sandbox);
  }, 60_000);
  afterAll(() => h.stop());

  it('has an example for every action', () => {
    expect(
      [...cases.map(c => c.id), 'kubeflow:project:publish'].sort(),
    ).toEqual(h.actions.map(a => a.id).sort());
  });

  it('finds a manifest that breaks its CRD schema (the check can fail)', () => {
    expect(
      manifestErrors({
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name: 'x', namespace: 'y' },
        spec: {
          template: { spec: { containers: [{ image: 'x' }] }, extra: 1 },
        },
      }),
    ).not.toEqual([]);
    expect(
      restBodyErrors('pipelines/run.swagger.json', '#/definitions/v2beta1Run', {
        display_name: 'x',
        bogus: true,
      }),
    ).toEqual(['unknown field .bogus']);
  });

  it.each(
    cases.flatMap(c =>
      c.examples.map(
        (example, index) =>
          [`${c.id} example ${index + 1}`, c, example] as const,
      ),
    ),
  )(
    '%s: a dry run stores nothing, the run succeeds, reruns change nothing, every body is valid',
    async (_title, c, example) => {
      const step = (yaml.load(example.example) as any).steps[0];
      expect(step.action).toBe(c.id);
      const run = (dryRun = false) =>
        h.run(c.id, step.input, {
          user: c.user,
          dryRun,
          workspacePath: workspace,
        });

      h.sent = [];
      const before = h.snapshot();
      const dry = await run(true);
      expect(dry.output.entityRef).toMatch(
        /^(resource|component|group):sandbox\//,
      );
      expect(h.sent.every(s => s.query?.dryRun === 'All')).toBe(true);
      expect(h.snapshot()).toEqual(before);

      h.sent = [];
      const first = await run();
      expect(first.output).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          entityRef: expect.stringMatching(
            /^(resource|component|group):sandbox\/[a-z0-9.-]+$/,
          ),
          url: expect.stringMatching(
            /^\/catalog\/sandbox\/(resource|component|group)\/[a-z0-9.-]+$/,
          ),
        }),
      );
      expect(first.logs.length).toBeGreaterThan(1);
      const written = h.sent;
      expect(written.length).toBeGreaterThan(0);
      for (const sent of written) {
        expect({
          sent: `${sent.method} ${sent.path}`,
          errors: schemaErrorsOf(sent),
        }).toEqual({
          sent: `${sent.method} ${sent.path}`,
          errors: [],
        });
        // Cluster objects are written as the user; KFP and the registry (which cannot take the
        // user's identity) only after a SubjectAccessReview for the user.
        expect(sent.as).toBe(
          sent.contentType === 'application/apply-patch+yaml'
            ? c.identity
            : undefined,
        );
      }
      const after = h.snapshot();
      expect(after).not.toEqual(before);

      for (let i = 2; i <= 3; i++) {
        const again = await run();
        expect(again.output).toEqual(first.output);
        expect(h.snapshot()).toEqual(after);
      }
    },
    120_000,
  );

  it('kubeflow:project:publish example: copies the project where the catalog reads it, dry run writes nothing, reruns are identical', async () => {
    const step = (yaml.load(publishExamples[0].example) as any).steps[0];
    const project = workspaceWith({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: churn-model }\nspec: { type: ml-project, lifecycle: experimental, owner: group:default/ml-platform }\n',
      'src/train.py': 'print("train")\n',
    });
    const target = path.join(h.projectsDirectory, 'churn-model');
    const dry = await h.run(step.action, step.input, {
      dryRun: true,
      workspacePath: project,
    });
    expect(dry.output.entityRef).toBe('component:default/churn-model');
    expect(fs.existsSync(target)).toBe(false);
    // The catalog is asked to read the projects location now. Its glob matched nothing before
    // this project, so it has no stitched Location entity: the ref comes from the target.
    const refresh = jest.spyOn(h.catalog, 'refreshEntity');
    for (let i = 0; i < 3; i++) {
      const { output } = await h.run(step.action, step.input, {
        workspacePath: project,
      });
      expect(refresh).toHaveBeenLastCalledWith(
        `location:default/${
          locationSpecToLocationEntity({
            location: {
              type: 'file',
              target: `${h.projectsDirectory}/*/catalog-info.yaml`,
            },
          }).metadata.name
        }`,
        expect.anything(),
      );
      expect(output).toEqual(
        expect.objectContaining({
          entityRef: 'component:default/churn-model',
          url: '/catalog/default/component/churn-model',
        }),
      );
      expect(fs.readdirSync(h.projectsDirectory).sort()).toEqual([
        '.churn-model.publisher',
        'churn-model',
      ]);
      expect(fs.readFileSync(path.join(target, 'src/train.py'), 'utf8')).toBe(
        'print("train")\n',
      );
    }
    // Another user can neither replace it nor dry-run a replacement; the project is unchanged.
    const other = workspaceWith({
      'catalog-info.yaml': fs.readFileSync(
        path.join(target, 'catalog-info.yaml'),
        'utf8',
      ),
      'src/train.py': 'print("mine now")\n',
    });
    for (const dryRun of [true, false]) {
      await expect(
        h.run(step.action, step.input, {
          user: 'bob',
          dryRun,
          workspacePath: other,
        }),
      ).rejects.toThrow(
        "A project named 'churn-model' was already published by user:default/alice; choose another name",
      );
    }
    expect(fs.readFileSync(path.join(target, 'src/train.py'), 'utf8')).toBe(
      'print("train")\n',
    );
  });

  it('a task restarted mid-template (start over, or resume at the interrupted step) duplicates nothing', async () => {
    const steps: Array<[string, Record<string, unknown>]> = [
      [
        'kubeflow:notebook:create',
        { namespace: 'team-vision', name: 'recovery-nb' },
      ],
      [
        'kubeflow:pipeline:upload',
        {
          namespace: 'team-vision',
          name: 'recovery-pipeline',
          path: 'pipelines/pipeline.yaml',
        },
      ],
      [
        'kubeflow:pipeline:run',
        {
          namespace: 'team-vision',
          pipeline: 'recovery-pipeline',
          experiment: 'recovery',
          runName: 'first',
          parameters: { a: 1, b: 2 },
        },
      ],
    ];
    const attempt = async (from: number, to: number) => {
      for (const [id, input] of steps.slice(from, to)) {
        await h.run(id, input, { workspacePath: workspace });
      }
    };
    await attempt(0, 2); // the backend stops after step 2 …
    await attempt(0, 3); // … recovery strategy startOver: every step again
    await attempt(2, 3); // … and a crash inside step 3 after its write: step 3 again

    const kfp =
      '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/apis/v2beta1';
    const notebooks = h.sandbox.store
      .list('notebooks.kubeflow.org', 'team-vision')
      .filter(n => n.metadata.name === 'recovery-nb');
    expect(notebooks).toHaveLength(1);
    const pipelines = (
      await h.get(`${kfp}/pipelines?namespace=team-vision&page_size=200`)
    ).pipelines.filter((p: any) => p.name === 'recovery-pipeline');
    expect(pipelines).toHaveLength(1);
    const versions = await h.get(
      `${kfp}/pipelines/${pipelines[0].pipeline_id}/versions?page_size=200`,
    );
    expect(versions.pipeline_versions).toHaveLength(1);
    const runs = (
      await h.get(`${kfp}/runs?namespace=team-vision&page_size=200`)
    ).runs.filter(
      (r: any) =>
        r.display_name === 'first' &&
        r.pipeline_version_reference?.pipeline_id === pipelines[0].pipeline_id,
    );
    expect(runs).toHaveLength(1);
  }, 120_000);
});
