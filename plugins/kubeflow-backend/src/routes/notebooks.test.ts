import { Sandbox } from '@kubeflow-backstage/kubeflow-sandbox';
import http from 'http';
import request from 'supertest';
import { as, startKubeflowTestBackend } from '../__testUtils__/testBackend';

describe('notebook page data and delete against the sandbox', () => {
  let sandbox: Sandbox;
  let server: http.Server;
  let onCluster: (path: string, init?: RequestInit) => Promise<any>;
  const notebooks =
    '/api/kubeflow/clusters/sandbox/namespaces/team-vision/notebooks';

  beforeAll(async () => {
    ({ sandbox, server, onCluster } = await startKubeflowTestBackend());
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('shows volumes and the configurations (PodDefaults) a notebook opts into', async () => {
    const res = await request(server)
      .get(`${notebooks}/resnet-finetune`)
      .set('Authorization', as('erin'));
    expect(res.status).toBe(200);
    expect(res.body.volumes).toEqual([
      {
        name: 'resnet-finetune-workspace',
        mountPath: '/home/jovyan',
        claimName: 'resnet-finetune-workspace',
      },
      { name: 'dshm', mountPath: '/dev/shm' },
    ]);
    expect(res.body.configurations).toEqual([
      {
        name: 'access-ml-pipeline',
        description: 'Allow access to Kubeflow Pipelines',
      },
      {
        name: 'add-minio-secret',
        description: 'Add MinIO (S3) credentials for the model bucket',
      },
    ]);
    const eda = await request(server)
      .get(`${notebooks}/defect-eda`)
      .set('Authorization', as('erin'));
    expect(eda.body.configurations.map((c: any) => c.name)).toEqual([
      'add-minio-secret',
    ]);
  });

  it('lists the notebook’s and its pod’s events, newest first, to members only', async () => {
    // Restarting the notebook makes the controller record fresh events.
    await request(server)
      .post(`${notebooks}/defect-eda/stop`)
      .set('Authorization', as('dave'));
    await request(server)
      .post(`${notebooks}/defect-eda/start`)
      .set('Authorization', as('dave'));
    let events: any[] = [];
    for (let i = 0; i < 100 && !events.some(e => e.reason === 'Started'); i++) {
      events = (
        await request(server)
          .get(`${notebooks}/defect-eda/events`)
          .set('Authorization', as('erin'))
      ).body;
      await new Promise(r => setTimeout(r, 100));
    }
    expect(events.length).toBeGreaterThan(0);
    expect(events.map(e => e.reason)).toContain('Started');
    // The pod's events arrive reissued on the Notebook, as the Jupyter web app reads them.
    for (const e of events) expect(e.object).toBe('Notebook/defect-eda');
    expect(
      events.some(e => /Reissued from pod\/defect-eda-0/.test(e.message)),
    ).toBe(true);
    const times = events.map(e => e.lastSeen);
    expect([...times].sort().reverse()).toEqual(times);
    const outsider = await request(server)
      .get(`${notebooks}/defect-eda/events`)
      .set('Authorization', as('bob'));
    expect(outsider.status).toBe(403);
  });

  it('deletes a notebook as an editor, idempotently; a viewer cannot', async () => {
    const path =
      '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks/vscode-dev';
    const viewer = await request(server)
      .delete(`${notebooks}/vscode-dev`)
      .set('Authorization', as('erin'));
    expect(viewer.status).toBe(403);
    expect((await onCluster(path)).metadata.name).toBe('vscode-dev');
    const editor = await request(server)
      .delete(`${notebooks}/vscode-dev`)
      .set('Authorization', as('dave'));
    expect(editor.status).toBe(204);
    expect((await onCluster(path)).code).toBe(404);
    const again = await request(server)
      .delete(`${notebooks}/vscode-dev`)
      .set('Authorization', as('dave'));
    expect(again.status).toBe(204);
  });
});
