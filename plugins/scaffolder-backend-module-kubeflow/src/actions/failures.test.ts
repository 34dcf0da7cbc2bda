import { resolveSpecsDir } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'fs';
import yaml from 'js-yaml';
import path from 'path';
import { ActionHarness, workspaceWith } from '../__testUtils__/harness';

const specs = resolveSpecsDir();
const addNumbers = fs.readFileSync(
  path.join(specs, 'pipelines/samples/add_numbers.yaml'),
  'utf8',
);
/** add_numbers with an optional STRING input `note`, to see what a YAML-looking value becomes. */
const withNote = (() => {
  const ir = yaml.load(addNumbers) as any;
  ir.pipelineInfo.name = 'notes-pipeline';
  ir.root.inputDefinitions.parameters.note = {
    parameterType: 'STRING',
    isOptional: true,
  };
  return yaml.dump(ir);
})();

const notebook = (name: string, extra = '') => `apiVersion: kubeflow.org/v1
kind: Notebook
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: jupyter/scipy${extra}
`;

const workspace = workspaceWith({
  'pipeline.yaml': addNumbers,
  'notes.yaml': withNote,
  'not-ir.yaml': 'apiVersion: v1\nkind: ConfigMap\n',
  'two-docs.yaml': `${notebook('should-not-exist')}---\n${notebook(
    'bad-one',
  )}          foo: bar\n`,
  'wrong-type.yaml':
    'apiVersion: kubeflow.org/v1\nkind: Notebook\nmetadata: { name: wrong-type }\nspec: { template: { spec: { containers: "none" } } }\n',
  'gizmo.yaml':
    'apiVersion: kubeflow.org/v1\nkind: Gizmo\nmetadata: { name: g }\n',
  'scoped.yaml':
    'apiVersion: kubeflow.org/v1\nkind: Profile\nmetadata: { name: p, namespace: team-vision }\nspec: { owner: { kind: User, name: alice@example.com } }\n',
});

const katib = {
  namespace: 'team-vision',
  name: 'sweep',
  objectiveType: 'maximize',
  objectiveMetric: 'accuracy',
  parameters: [{ name: 'lr', type: 'double', min: '0.01', max: '0.1' }],
  image: 'docker.io/kubeflowkatib/mnist:v1',
  command: ['python3', 'train.py'],
};
const trainJob = {
  namespace: 'team-vision',
  name: 'tj',
  image: 'docker.io/kubeflow/trainer:v1',
};
const spark = {
  namespace: 'team-vision',
  name: 'sp',
  type: 'Python',
  mainApplicationFile: 'local:///opt/app.py',
};
const deploy = {
  namespace: 'team-vision',
  name: 'ep',
  model: 'resnet50-vision',
};
const run = {
  namespace: 'team-vision',
  pipeline: 'add-numbers',
  runName: 'r1',
  parameters: { a: 1, b: 2 },
};

/** Inputs that must fail with a clear message and leave the cluster as it was. */
const badInputs: Array<[string, string, Record<string, unknown>, RegExp]> = [
  [
    'name with capitals and _',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'My_Notebook' },
    /name 'My_Notebook' is not a valid name.*RFC 1123/,
  ],
  [
    'name of 64 characters',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'a'.repeat(64) },
    /is not a valid name/,
  ],
  [
    'namespace with a space',
    'kubeflow:notebook:create',
    { namespace: 'team vision', name: 'nb' },
    /namespace 'team vision' is not a valid name/,
  ],
  [
    'image that does not parse',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'nb', image: 'not an image!' },
    /not a valid container image/,
  ],
  [
    'image smuggling YAML',
    'kubeflow:notebook:create',
    {
      namespace: 'team-vision',
      name: 'nb',
      image: 'ubuntu:22.04\n  privileged: true',
    },
    /not a valid container image/,
  ],
  [
    'cpu that is not a quantity',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'nb', cpu: 'lots' },
    /cpu 'lots' is not a positive Kubernetes quantity/,
  ],
  [
    'negative memory',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'nb', memory: '-1Gi' },
    /not a positive Kubernetes quantity/,
  ],
  [
    'bad environment variable name',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'nb', env: { '1BAD': 'x' } },
    /not a valid environment variable name/,
  ],
  [
    'Katib parameter name that escapes its placeholder',
    'kubeflow:katib:experiment:create',
    {
      ...katib,
      parameters: [{ name: 'lr}; rm -rf', type: 'double', min: 0, max: 1 }],
    },
    /parameter name .* must start with a letter/,
  ],
  [
    'Katib min above max',
    'kubeflow:katib:experiment:create',
    {
      ...katib,
      parameters: [{ name: 'lr', type: 'double', min: '1', max: '0.1' }],
    },
    /min 1 must be below max 0.1/,
  ],
  [
    'Katib categorical without values',
    'kubeflow:katib:experiment:create',
    { ...katib, parameters: [{ name: 'opt', type: 'categorical' }] },
    /needs values/,
  ],
  [
    'Katib int with a fraction',
    'kubeflow:katib:experiment:create',
    { ...katib, parameters: [{ name: 'bs', type: 'int', min: 0.5, max: 8 }] },
    /min must be an integer/,
  ],
  [
    'Katib more parallel than total trials',
    'kubeflow:katib:experiment:create',
    { ...katib, maxTrialCount: 2, parallelTrialCount: 5 },
    /parallelTrialCount 5 exceeds maxTrialCount 2/,
  ],
  [
    'Katib metric name with a space',
    'kubeflow:katib:experiment:create',
    { ...katib, objectiveMetric: 'acc uracy' },
    /metric name 'acc uracy' is not valid/,
  ],
  [
    'TrainJob on a runtime that does not exist',
    'kubeflow:trainjob:create',
    { ...trainJob, runtime: 'no-such-runtime' },
    /ClusterTrainingRuntime 'no-such-runtime' does not exist/,
  ],
  [
    'TrainJob without an image',
    'kubeflow:trainjob:create',
    { ...trainJob, image: '' },
    /image is required/,
  ],
  [
    'TrainJob cpu with words',
    'kubeflow:trainjob:create',
    { ...trainJob, cpu: '4 cores' },
    /not a positive Kubernetes quantity/,
  ],
  [
    'Spark application that is not a URI',
    'kubeflow:spark:submit',
    { ...spark, mainApplicationFile: '/etc/passwd' },
    /must be a URI/,
  ],
  [
    'Spark Scala without a main class',
    'kubeflow:spark:submit',
    { ...spark, type: 'Scala' },
    /mainClass is required for a Scala application/,
  ],
  [
    'Spark memory in Kubernetes units',
    'kubeflow:spark:submit',
    { ...spark, executorMemory: '2Gi' },
    /not a Spark memory size/,
  ],
  [
    'Spark main class with a shell command',
    'kubeflow:spark:submit',
    { ...spark, type: 'Java', mainClass: 'org.Main;rm -rf /' },
    /not a class name/,
  ],
  [
    'manifest path out of the workspace',
    'kubeflow:apply',
    { paths: ['../../etc/passwd'] },
    /'..\/..\/etc\/passwd' is outside the workspace/,
  ],
  [
    'absolute manifest path',
    'kubeflow:apply',
    { paths: ['/etc/passwd'] },
    /is outside the workspace/,
  ],
  [
    'manifest file that does not exist',
    'kubeflow:apply',
    { paths: ['missing.yaml'] },
    /not a file in the workspace/,
  ],
  [
    'one unknown field among two documents',
    'kubeflow:apply',
    { namespace: 'team-vision', paths: ['two-docs.yaml'] },
    /unknown field "spec.template.spec.containers\[0\].foo"/,
  ],
  [
    'a field of the wrong type',
    'kubeflow:apply',
    { namespace: 'team-vision', paths: ['wrong-type.yaml'] },
    /Could not validate Notebook team-vision\/wrong-type.*containers/,
  ],
  [
    'a kind the cluster does not serve',
    'kubeflow:apply',
    { namespace: 'team-vision', paths: ['gizmo.yaml'] },
    /does not serve kind Gizmo/,
  ],
  [
    'a namespace on a cluster-scoped kind',
    'kubeflow:apply',
    { paths: ['scoped.yaml'] },
    /Profile is cluster-scoped/,
  ],
  [
    'a YAML file that is not a compiled pipeline',
    'kubeflow:pipeline:upload',
    { namespace: 'team-vision', name: 'x', path: 'not-ir.yaml' },
    /not a compiled KFP pipeline/,
  ],
  [
    'a pipeline file out of the workspace',
    'kubeflow:pipeline:upload',
    { namespace: 'team-vision', name: 'x', path: '../pipeline.yaml' },
    /outside the workspace/,
  ],
  [
    'a pipeline name with spaces',
    'kubeflow:pipeline:upload',
    { namespace: 'team-vision', name: 'Churn Training', path: 'pipeline.yaml' },
    /is not a valid name/,
  ],
  [
    'a parameter the pipeline does not have',
    'kubeflow:pipeline:run',
    { ...run, parameters: { a: 1, b: 2, c: 3 } },
    /parameter 'c' is not an input of the pipeline; its inputs: a, b/,
  ],
  [
    'YAML in an integer parameter',
    'kubeflow:pipeline:run',
    { ...run, parameters: { a: '1\n  privileged: true', b: 2 } },
    /parameter a must be an integer/,
  ],
  [
    'a missing required parameter',
    'kubeflow:pipeline:run',
    { ...run, parameters: { a: 1 } },
    /needs the parameter\(s\) b/,
  ],
  [
    'a schedule that is not cron',
    'kubeflow:pipeline:run',
    { ...run, schedule: 'every night' },
    /'every night' is not a cron expression/,
  ],
  [
    'a pipeline that does not exist',
    'kubeflow:pipeline:run',
    { ...run, pipeline: 'no-such-pipeline' },
    /No pipeline 'no-such-pipeline' in team-vision/,
  ],
  [
    'a model that is not registered',
    'kubeflow:inferenceservice:deploy',
    { ...deploy, model: 'no-such-model' },
    /No registered model named 'no-such-model'/,
  ],
  [
    'a version the model does not have',
    'kubeflow:inferenceservice:deploy',
    { ...deploy, version: '9.9.9' },
    /has no version '9.9.9'; versions: /,
  ],
  [
    'a runtime that cannot serve the format',
    'kubeflow:inferenceservice:deploy',
    { ...deploy, runtime: 'kserve-sklearnserver' },
    /ServingRuntime kserve-sklearnserver does not serve onnx/,
  ],
  [
    'more minimum than maximum replicas',
    'kubeflow:inferenceservice:deploy',
    { ...deploy, minReplicas: 3, maxReplicas: 1 },
    /minReplicas 3 exceeds maxReplicas 1/,
  ],
  [
    'a catalog entity that is not a model',
    'kubeflow:inferenceservice:deploy',
    { ...deploy, model: 'user:default/alice' },
    /is not a registered model or model version in the catalog/,
  ],
  [
    'a profile name with _',
    'kubeflow:profile:create',
    { name: 'Team_X' },
    /not a valid name/,
  ],
  [
    'a profile owner that is not an e-mail',
    'kubeflow:profile:create',
    { name: 'team-x', owner: 'not-an-email' },
    /owner 'not-an-email' is not an e-mail address/,
  ],
  [
    'a contributor that is not an e-mail',
    'kubeflow:profile:contributor:add',
    { namespace: 'team-vision', user: 'bob', role: 'edit' },
    /user 'bob' is not an e-mail address/,
  ],
  [
    'an unknown cluster',
    'kubeflow:notebook:create',
    { cluster: 'prod', namespace: 'team-vision', name: 'nb' },
    /Unknown Kubeflow cluster 'prod'; configured: sandbox/,
  ],
];

/** Users acting where their profile gives them no right: a clear 403 and nothing created. */
const forbidden: Array<
  [string, string, string, Record<string, unknown>, RegExp]
> = [
  [
    'bob (team-nlp) creating a notebook in team-vision',
    'bob',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'bobs-nb' },
    /bob@example.com may not create notebooks in namespace team-vision/,
  ],
  [
    'erin (viewer) creating a notebook in team-vision',
    'erin',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'erins-nb' },
    /erin@example.com may not create notebooks in namespace team-vision/,
  ],
  [
    'bob starting a Katib experiment in team-vision',
    'bob',
    'kubeflow:katib:experiment:create',
    katib,
    /may not create experiments in namespace team-vision/,
  ],
  [
    'bob starting a TrainJob in team-vision',
    'bob',
    'kubeflow:trainjob:create',
    trainJob,
    /may not create trainjobs in namespace team-vision/,
  ],
  [
    'bob submitting Spark in team-vision',
    'bob',
    'kubeflow:spark:submit',
    spark,
    /may not create sparkapplications in namespace team-vision/,
  ],
  [
    'bob applying manifests in team-vision',
    'bob',
    'kubeflow:apply',
    { namespace: 'team-vision', paths: ['two-docs.yaml'] },
    /may not create notebooks in namespace team-vision/,
  ],
  [
    'bob uploading a pipeline to team-vision',
    'bob',
    'kubeflow:pipeline:upload',
    { namespace: 'team-vision', name: 'bobs-pipeline', path: 'pipeline.yaml' },
    /may not create pipelines in namespace team-vision/,
  ],
  [
    'bob running a pipeline in team-vision',
    'bob',
    'kubeflow:pipeline:run',
    run,
    /may not list pipelines in namespace team-vision/,
  ],
  [
    'bob deploying a model into team-vision',
    'bob',
    'kubeflow:inferenceservice:deploy',
    deploy,
    /may not create inferenceservices in namespace team-vision/,
  ],
  [
    'alice (no cluster right) creating a profile',
    'alice',
    'kubeflow:profile:create',
    { name: 'alices-profile' },
    /alice@example.com may not create profiles on cluster sandbox/,
  ],
  [
    'dave (edit, not owner) adding a contributor',
    'dave',
    'kubeflow:profile:contributor:add',
    { namespace: 'team-vision', user: 'eve@example.com', role: 'edit' },
    /dave@example.com may not create rolebindings in namespace team-vision/,
  ],
  [
    'a user without an e-mail',
    'nomail',
    'kubeflow:notebook:create',
    { namespace: 'team-vision', name: 'x' },
    /user:default\/nomail has no Kubeflow identity/,
  ],
];

describe('kubeflow:* actions refuse bad input and missing rights, creating nothing', () => {
  let h: ActionHarness;
  beforeAll(async () => {
    h = await ActionHarness.start();
    // The pipeline the run cases refer to.
    await h.run(
      'kubeflow:pipeline:upload',
      { namespace: 'team-vision', name: 'add-numbers', path: 'pipeline.yaml' },
      { workspacePath: workspace },
    );
  }, 60_000);
  afterAll(() => h.stop());

  it(`has at least 30 bad-input cases across the actions`, () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(badInputs.map(c => c[1])).size).toBe(10);
  });

  it.each(badInputs)(
    '%s: %s fails clearly',
    async (_what, id, input, message) => {
      const before = h.snapshot();
      h.sent = [];
      const error = await h.run(id, input, { workspacePath: workspace }).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeDefined();
      expect(error.message).toMatch(message);
      expect(['InputError', 'NotFoundError']).toContain(error.name);
      expect(h.sent.filter(s => s.query?.dryRun !== 'All')).toEqual([]);
      expect(h.snapshot()).toEqual(before);
    },
  );

  it.each(forbidden)('%s gets 403', async (_what, user, id, input, message) => {
    const before = h.snapshot();
    h.sent = [];
    const error = await h
      .run(id, input, { user, workspacePath: workspace })
      .then(
        () => undefined,
        e => e,
      );
    expect(error?.name).toBe('NotAllowedError');
    expect(error.message).toMatch(message);
    expect(h.sent).toEqual([]);
    expect(h.snapshot()).toEqual(before);
  });

  it('passes a YAML-looking value as one string, never as structure', async () => {
    const sneaky = 'x\n  privileged: true\n{{ parameters.name }}';
    await h.run(
      'kubeflow:pipeline:upload',
      { namespace: 'team-vision', name: 'notes-pipeline', path: 'notes.yaml' },
      { workspacePath: workspace },
    );
    const { output } = await h.run('kubeflow:pipeline:run', {
      ...run,
      pipeline: 'notes-pipeline',
      runName: 'sneaky',
      parameters: { a: 1, b: 2, note: sneaky },
    });
    const stored = await h.get(
      `/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/apis/v2beta1/runs/${output.runId}`,
    );
    expect(stored.runtime_config.parameters).toEqual({
      a: 1,
      b: 2,
      note: sneaky,
    });

    await h.run('kubeflow:notebook:create', {
      namespace: 'team-vision',
      name: 'env-nb',
      env: { NOTE: sneaky },
    });
    const nb = await h.get(
      '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/env-nb',
    );
    const container = nb.spec.template.spec.containers[0];
    expect(container.env).toEqual([{ name: 'NOTE', value: sneaky }]);
    expect(container.securityContext).toBeUndefined();
  });

  it('fails a wait with the reason when an endpoint cannot load its model', async () => {
    const mr =
      '/api/v1/namespaces/kubeflow/services/model-registry-service:8080/proxy/api/model_registry/v1alpha3';
    const post = async (p: string, body: unknown) =>
      (
        await fetch(`${h.sandbox.url}${mr}${p}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const model = await post('/registered_models', { name: 'broken-model' });
    const version = await post(`/registered_models/${model.id}/versions`, {
      name: 'v1',
      registeredModelId: model.id,
    });
    await post(`/model_versions/${version.id}/artifacts`, {
      artifactType: 'model-artifact',
      name: 'broken',
      uri: 's3://models/team-vision/does-not-exist/v1/',
      modelFormatName: 'sklearn',
      modelFormatVersion: '1',
    });
    const error = await h
      .run('kubeflow:inferenceservice:deploy', {
        namespace: 'team-vision',
        name: 'broken-ep',
        model: 'broken-model',
        waitForReady: true,
        timeoutSeconds: 60,
      })
      .then(
        () => undefined,
        e => e,
      );
    expect(error?.message).toMatch(
      /InferenceService team-vision\/broken-ep (failed|.*last state): .+/,
    );
  });

  it('times out a notebook wait with the last state it saw', async () => {
    const error = await h
      .run('kubeflow:notebook:create', {
        namespace: 'team-vision',
        name: 'never-ready',
        image: 'docker.io/library/python:does-not-exist',
        waitForReady: true,
        timeoutSeconds: 3,
      })
      .then(
        () => undefined,
        e => e,
      );
    expect(error?.message).toMatch(
      /Timed out after 3s waiting for Notebook team-vision\/never-ready to be ready; last state: .*(ErrImagePull|ImagePullBackOff)/,
    );
  });
});
