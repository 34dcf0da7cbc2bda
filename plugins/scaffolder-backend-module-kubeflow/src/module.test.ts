import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'fs';
import yaml from 'js-yaml';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { USERS } from './__testUtils__/harness';
import { scaffolderModuleKubeflow } from './module';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';

const REPO = path.resolve(__dirname, '../../..');

function templateEntity(name: string) {
  const file = path.join(REPO, 'templates', name, 'template.yaml');
  const entity = yaml.load(fs.readFileSync(file, 'utf8')) as any;
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${file}`,
    'backstage.io/managed-by-origin-location': `file:${file}`,
  };
  return entity;
}

const profileGroup = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-vision', namespace: 'sandbox' },
  spec: { type: 'kubeflow-profile', children: [] },
};

describe('the scaffolder with the kubeflow module runs the templates', () => {
  let sandbox: Sandbox;
  let server: any;
  const projects = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-projects-'));
  const alice = mockCredentials.user.header('user:default/alice');
  const kfp =
    '/api/v1/namespaces/kubeflow/services/ml-pipeline:8888/proxy/apis/v2beta1';

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'demo',
      timeScale: 0.01,
      logger: { warn: () => {} },
    });
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKubeflow,
        catalogServiceMock.factory({
          entities: [
            ...USERS,
            profileGroup,
            templateEntity('ml-project'),
            templateEntity('notebook'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            kubeflow: {
              clusters: [
                { name: 'sandbox', url: sandbox.url, authProvider: 'none' },
              ],
              scaffolder: { localProjects: { directory: projects } },
            },
          },
        }),
      ],
    }));
  }, 120_000);
  afterAll(() => sandbox.stop());

  it('lists every kubeflow:* action', async () => {
    const res = await request(server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', alice);
    expect(res.status).toBe(200);
    expect(
      res.body
        .map((a: any) => a.id)
        .filter((id: string) => id.startsWith('kubeflow:'))
        .sort(),
    ).toEqual([
      'kubeflow:apply',
      'kubeflow:inferenceservice:deploy',
      'kubeflow:katib:experiment:create',
      'kubeflow:notebook:create',
      'kubeflow:pipeline:run',
      'kubeflow:pipeline:upload',
      'kubeflow:profile:contributor:add',
      'kubeflow:profile:create',
      'kubeflow:project:publish',
      'kubeflow:spark:submit',
      'kubeflow:trainjob:create',
    ]);
  });

  it('dry-runs the Notebook template without creating anything', async () => {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', alice)
      .send({
        template: templateEntity('notebook'),
        values: { profile: 'group:sandbox/team-vision', name: 'dry-notebook' },
        secrets: {},
        directoryContents: [],
      });
    expect(res.status).toBe(200);
    expect(res.body.log.map((l: any) => l.body.message).join('\n')).toMatch(
      /Dry run: nothing was stored/,
    );
    expect(res.body.output.links[0].url).toBe(
      '/catalog/sandbox/resource/team-vision.dry-notebook',
    );
    const nb = await fetch(
      `${sandbox.url}/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/dry-notebook`,
    );
    expect(nb.status).toBe(404);
  }, 60_000);

  it('runs "New ML project" end to end as alice: notebook ready, pipeline uploaded and run, project published', async () => {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', alice)
      .send({
        templateRef: 'template:default/ml-project',
        values: {
          name: 'churn-model',
          description: 'Predicts churn',
          owner: 'group:default/ml-platform',
          profileChoice: 'existing',
          profile: 'group:sandbox/team-vision',
          image:
            'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:latest',
          cpu: '0.5',
          memory: '1Gi',
          firstRun: true,
          publishTo: 'local',
        },
      });
    expect(created.status).toBe(201);
    let task: any;
    const end = Date.now() + 90_000;
    do {
      await new Promise(r => setTimeout(r, 250));
      task = (
        await request(server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
          .set('Authorization', alice)
      ).body;
    } while (
      !['completed', 'failed', 'cancelled'].includes(task.status) &&
      Date.now() < end
    );
    const events = await request(server)
      .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
      .set('Authorization', alice);
    const log = events.body
      .map((e: any) => e.body?.message)
      .filter(Boolean)
      .join('\n');
    expect({ status: task.status, log }).toEqual({
      status: 'completed',
      log: expect.any(String),
    });
    expect(log).toMatch(/Notebook server churn-model-notebook is ready/);
    expect(log).toMatch(/Created pipeline churn-model-training/);
    expect(log).toMatch(/Started run churn-model-first-run/);

    const nb = await (
      await fetch(
        `${sandbox.url}/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/churn-model-notebook`,
      )
    ).json();
    expect(nb.metadata.annotations['kubeflow.org/source-component']).toBe(
      'component:default/churn-model',
    );
    expect(nb.metadata.annotations['notebooks.kubeflow.org/creator']).toBe(
      'alice@example.com',
    );
    const pipelines = (
      await (
        await fetch(
          `${sandbox.url}${kfp}/pipelines?namespace=team-vision&page_size=200`,
        )
      ).json()
    ).pipelines;
    expect(pipelines.map((p: any) => p.name)).toContain('churn-model-training');
    const descriptor = yaml.load(
      fs.readFileSync(
        path.join(projects, 'churn-model', 'catalog-info.yaml'),
        'utf8',
      ),
    ) as any;
    expect(descriptor.spec.dependsOn).toEqual([
      'resource:sandbox/team-vision.churn-model-notebook',
      'resource:sandbox/team-vision.churn-model-training',
    ]);
    for (const file of [
      'README.md',
      'src/train.py',
      'pipelines/pipeline.py',
      'pipelines/pipeline.yaml',
      'notebooks/explore.ipynb',
      '.github/workflows/ci.yaml',
    ]) {
      expect(fs.existsSync(path.join(projects, 'churn-model', file))).toBe(
        true,
      );
    }
  }, 120_000);
});
