import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Sandbox, startSandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import path from 'path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleKubeflow } from './module';

const ORG = path.resolve(__dirname, '../../../examples/org.yaml');

async function eventually<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
}

// SQLite always; PostgreSQL when the test command started one (scripts/test.sh exports its URL).
const databaseIds: TestDatabaseId[] = [
  'SQLITE_3',
  ...(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
    ? (['POSTGRES_15'] as const)
    : []),
];
const databases = TestDatabases.create({ ids: databaseIds });

describe.each(databaseIds)(
  'the Kubeflow catalog module against the sandbox (%s)',
  databaseId => {
    let sandbox: Sandbox;
    let server: any;

    const get = (url: string) =>
      request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());
    const entity = async (ref: string) => {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      const r = await get(
        `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      );
      return r.status === 200 ? r.body : undefined;
    };
    const byType = async (type: string) =>
      (await get(`/api/catalog/entities?filter=spec.type=${type}`))
        .body as any[];

    beforeAll(async () => {
      sandbox = await startSandbox({
        port: 0,
        seed: 'demo',
        timeScale: 0.01,
        logger: { warn: () => {} },
      });
      ({ server } = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleKubeflow,
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.rootConfig.factory({
            data: {
              kubeflow: {
                clusters: [
                  {
                    name: 'sandbox',
                    url: sandbox.url,
                    dashboardUrl: 'https://kubeflow.example.com',
                  },
                ],
              },
              catalog: {
                processingInterval: { seconds: 1 },
                locations: [
                  {
                    type: 'file',
                    target: ORG,
                    rules: [{ allow: ['User', 'Group'] }],
                  },
                ],
                providers: {
                  kubeflow: {
                    schedule: {
                      frequency: { minutes: 30 },
                      timeout: { minutes: 1 },
                      initialDelay: { seconds: 1 },
                    },
                  },
                },
              },
            },
          }),
        ],
      }));
    }, 60_000);

    afterAll(async () => {
      await sandbox?.stop();
    });

    it('ingests notebooks with owner, description, links and Kubernetes annotations', async () => {
      const notebook = await eventually(
        () => entity('resource:sandbox/team-vision.defect-eda'),
        'the notebook entity',
      );
      expect(notebook.spec).toMatchObject({
        type: 'kubeflow-notebook',
        owner: 'group:sandbox/team-vision',
      });
      expect(notebook.metadata.description).toMatch(
        /notebook in team-vision running .+/,
      );
      expect(notebook.metadata.annotations).toMatchObject({
        'kubeflow.org/cluster': 'sandbox',
        'kubeflow.org/namespace': 'team-vision',
        'backstage.io/kubernetes-namespace': 'team-vision',
        'backstage.io/kubernetes-label-selector': 'notebook-name=defect-eda',
      });
      expect(notebook.metadata.links[0].url).toBe(
        'https://kubeflow.example.com/notebook/team-vision/defect-eda/',
      );
      // The catalog processes entities progressively: wait for all of the demo's.
      const notebooks = await eventually(async () => {
        const list = await byType('kubeflow-notebook');
        return list.length >= 7 ? list : undefined;
      }, 'the demo notebooks');
      expect(notebooks.map(n => n.metadata.name)).toContain(
        'team-nlp.bert-experiments',
      );
      const pipelines = await eventually(async () => {
        const list = await byType('kubeflow-pipeline');
        return list.length ? list : undefined;
      }, 'the demo pipelines');
      expect(pipelines[0].metadata.description).toMatch(
        /\d+ versions?, latest .+\(/,
      );
      expect(
        pipelines[0].metadata.annotations['kubeflow.org/latest-version-id'],
      ).toBeTruthy();
    }, 60_000);

    it('makes each profile a group whose members are its owner and contributors', async () => {
      const group = await eventually(async () => {
        const g = await entity('group:sandbox/team-vision');
        return g?.spec?.members?.length ? g : undefined;
      }, 'the profile group with members');
      expect(group.spec.type).toBe('kubeflow-profile');
      expect(group.spec.members).toEqual(
        expect.arrayContaining([
          'user:default/alice',
          'user:default/dave',
          'user:default/erin',
          'user:default/guest',
        ]),
      );
      // The user's side of the relation appears when the catalog re-stitches the user.
      const alice = await eventually(async () => {
        const a = await entity('user:default/alice');
        return a?.relations?.some(
          (r: any) => r.targetRef === 'group:sandbox/team-vision',
        )
          ? a
          : undefined;
      }, 'alice to be a member of team-vision');
      expect(alice.relations).toEqual(
        expect.arrayContaining([
          { type: 'memberOf', targetRef: 'group:sandbox/team-vision' },
        ]),
      );
    }, 60_000);

    it('walks lineage: endpoint → model version → model, and version → producing notebook', async () => {
      const endpoints = await eventually(async () => {
        const list = await byType('model-server');
        return list.some(e => e.spec.dependsOn?.length) ? list : undefined;
      }, 'an endpoint depending on a model version');
      const served = endpoints.find(e => e.spec.dependsOn?.length)!;
      const versionRef: string = served.spec.dependsOn[0];
      expect(versionRef).toMatch(/^resource:sandbox\//);
      expect(served.spec.providesApis[0]).toMatch(
        /^api:sandbox\/.+-inference$/,
      );
      const version = await eventually(async () => {
        const v = await entity(versionRef);
        const types = (v?.relations ?? []).map((r: any) => r.type);
        return types.includes('partOf') && types.includes('dependencyOf')
          ? v
          : undefined;
      }, 'the version with its partOf and dependencyOf relations');
      expect(version.spec.type).toBe('ai-model-version');
      const modelRef = version.relations.find(
        (r: any) => r.type === 'partOf',
      ).targetRef;
      const model = await eventually(() => entity(modelRef), 'the model');
      expect(model.spec.type).toBe('ai-model');
      expect(model.metadata.description).toMatch(
        /Registered model \(.+\), latest version/,
      );
      expect(version.relations).toEqual(
        expect.arrayContaining([
          {
            type: 'dependencyOf',
            targetRef: `component:${served.metadata.namespace}/${served.metadata.name}`,
          },
        ]),
      );
      const fromNotebook = await eventually(async () => {
        const versions = await byType('ai-model-version');
        return versions.find(v =>
          v.spec.dependsOn?.some((ref: string) =>
            ref.startsWith('resource:sandbox/'),
          ),
        );
      }, 'a model version produced by a notebook');
      const notebookRef = fromNotebook.spec.dependsOn[0];
      const notebook = await eventually(
        () => entity(notebookRef),
        'the producing notebook',
      );
      // The first version found with a producer may come from a notebook, a Katib experiment or a
      // TrainJob (the catalog's order differs between databases); each is a producer entity.
      expect(notebook.spec.type).toMatch(
        /kubeflow-notebook|katib-experiment|kubeflow-trainjob/,
      );
      // A version trained by a TrainJob (registry property `trainjob`) depends on its entity.
      const trainJobRef = 'resource:sandbox/team-vision.resnet50-ddp';
      const fromTrainJob = await eventually(
        async () =>
          (await byType('ai-model-version')).find(v =>
            v.spec.dependsOn?.includes(trainJobRef),
          ),
        'a model version produced by a TrainJob',
      );
      expect(fromTrainJob.metadata.title).toMatch(/^resnet50-vision /);
      expect((await entity(trainJobRef)).spec.type).toBe('kubeflow-trainjob');
    }, 60_000);

    it('reflects a create, a stop and a delete on the cluster live, without a full read', async () => {
      const body = {
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name: 'live-notebook', namespace: 'team-nlp' },
        spec: {
          template: {
            spec: {
              containers: [{ name: 'live-notebook', image: 'jupyter/scipy' }],
            },
          },
        },
      };
      const created = await fetch(
        `${sandbox.url}/apis/kubeflow.org/v1/namespaces/team-nlp/notebooks`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      );
      expect(created.status).toBe(201);
      const started = Date.now();
      await eventually(
        () => entity('resource:sandbox/team-nlp.live-notebook'),
        'the new notebook entity',
      );
      expect(Date.now() - started).toBeLessThan(20_000);

      // Stopping it (the Jupyter web app's annotation) changes the entity's state.
      await fetch(
        `${sandbox.url}/apis/kubeflow.org/v1/namespaces/team-nlp/notebooks/live-notebook`,
        {
          method: 'PATCH',
          headers: { 'content-type': 'application/merge-patch+json' },
          body: JSON.stringify({
            metadata: {
              annotations: {
                'kubeflow-resource-stopped': new Date().toISOString(),
              },
            },
          }),
        },
      );
      await eventually(async () => {
        const e = await entity('resource:sandbox/team-nlp.live-notebook');
        return /State: (stopped|stopping)\./.test(e?.metadata.description)
          ? e
          : undefined;
      }, 'the entity to say the notebook is stopped');

      await fetch(
        `${sandbox.url}/apis/kubeflow.org/v1/namespaces/team-nlp/notebooks/live-notebook`,
        {
          method: 'DELETE',
        },
      );
      await eventually(
        async () =>
          (await entity('resource:sandbox/team-nlp.live-notebook'))
            ? undefined
            : true,
        'the entity to go',
      );
    }, 60_000);
  },
);
