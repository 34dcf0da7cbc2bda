import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './cli';
import { startSandbox } from './sandbox';

describe('startSandbox', () => {
  it('persists objects and resourceVersion across a stop/start with --state', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-sandbox-'));
    const stateFile = path.join(dir, 'state.json');
    const first = await startSandbox({
      port: 0,
      seed: 'none',
      stateFile,
      controllers: false,
    });
    await fetch(`${first.url}/api/v1/namespaces`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'team-a' } }),
    });
    const created = await fetch(
      `${first.url}/api/v1/namespaces/team-a/configmaps`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          metadata: { name: 'kept' },
          data: { answer: '42' },
        }),
      },
    ).then(r => r.json());
    const rv = first.store.currentResourceVersion();
    await first.stop();
    expect(fs.existsSync(stateFile)).toBe(true);
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    expect(saved.store.resourceVersion).toBe(rv);
    expect(Object.keys(saved.services)).toEqual(
      expect.arrayContaining([
        'kubeflow/ml-pipeline:8888',
        'kubeflow/model-registry-service:8080',
      ]),
    );

    const second = await startSandbox({
      port: 0,
      seed: 'none',
      stateFile,
      controllers: false,
    });
    try {
      const got = await fetch(
        `${second.url}/api/v1/namespaces/team-a/configmaps/kept`,
      ).then(r => r.json());
      expect(got.data).toEqual({ answer: '42' });
      expect(got.metadata.uid).toBe(created.metadata.uid);
      expect(got.metadata.resourceVersion).toBe(
        created.metadata.resourceVersion,
      );
      expect(second.store.currentResourceVersion()).toBe(rv);
      const next = await fetch(
        `${second.url}/api/v1/namespaces/team-a/configmaps`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ metadata: { name: 'later' } }),
        },
      ).then(r => r.json());
      expect(Number(next.metadata.resourceVersion)).toBe(rv + 1);
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without the official definitions, serves the demo and validates the core of every kind', async () => {
    const warnings: string[] = [];
    const sandbox = await startSandbox({
      port: 0,
      seed: 'demo',
      timeScale: 0.01,
      specsDir: '/nonexistent',
      logger: { warn: m => warnings.push(m) },
    });
    const post = (url: string, body: object) =>
      fetch(`${sandbox.url}${url}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    try {
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/no official definitions in \/nonexistent/);
      // The demo seeds itself from its own data: every kind the portal ingests is there.
      for (const [key, min] of Object.entries({
        'notebooks.kubeflow.org': 5,
        'inferenceservices.serving.kserve.io': 3,
        'experiments.kubeflow.org': 3,
        'trainjobs.trainer.kubeflow.org': 1,
        'sparkapplications.sparkoperator.k8s.io': 1,
        'clustertrainingruntimes.trainer.kubeflow.org': 1,
      })) {
        expect(sandbox.store.list(key).length).toBeGreaterThanOrEqual(min);
      }
      const notebooks =
        '/apis/kubeflow.org/v1/namespaces/team-vision/notebooks';
      const noImage = await post(notebooks, {
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name: 'no-image' },
        spec: { template: { spec: { containers: [{ name: 'no-image' }] } } },
      });
      expect(noImage.status).toBe(422);
      expect((await noImage.json()).details.causes).toEqual([
        expect.objectContaining({
          field: 'spec.template.spec.containers[0].image',
        }),
      ]);
      const isvcs =
        '/apis/serving.kserve.io/v1beta1/namespaces/team-vision/inferenceservices';
      const badReplicas = await post(isvcs, {
        apiVersion: 'serving.kserve.io/v1beta1',
        kind: 'InferenceService',
        metadata: { name: 'bad' },
        spec: { predictor: { minReplicas: 'two' } },
      });
      expect(badReplicas.status).toBe(422);
      const kept = await post(notebooks, {
        apiVersion: 'kubeflow.org/v1',
        kind: 'Notebook',
        metadata: { name: 'kept' },
        spec: {
          template: { spec: { containers: [{ name: 'kept', image: 'x' }] } },
          anything: true,
        },
      });
      expect(kept.status).toBe(201);
      expect((await kept.json()).spec.anything).toBe(true);
    } finally {
      await sandbox.stop();
    }
  });
});

describe('the CLI', () => {
  it('prints exactly one ready line and serves until SIGTERM', async () => {
    const root = path.resolve(__dirname, '..');
    const child = spawn(
      path.join(root, 'bin/kubeflow-sandbox'),
      ['--port', '0', '--seed', 'none', '--time-scale', '0.01'],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', d => {
      out += d;
    });
    const deadline = Date.now() + 15_000;
    while (!out.includes('\n') && Date.now() < deadline)
      await new Promise(r => setTimeout(r, 50));
    const match = /^sandbox ready (http:\/\/127\.0\.0\.1:(\d+))\n$/.exec(out);
    expect(match).not.toBeNull();
    const version = await fetch(`${match![1]}/version`).then(r => r.json());
    expect(version.major).toBe('1');
    const exited = new Promise(resolve => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
  }, 20_000);
});

describe('parseArgs', () => {
  it('parses the CLI contract with defaults', () => {
    expect(parseArgs(['--port', '8001'])).toEqual({
      port: 8001,
      seed: 'demo',
      stateFile: undefined,
      timeScale: 1,
      specsDir: undefined,
    });
    expect(
      parseArgs([
        '--port=0',
        '--seed',
        'scale:100',
        '--state',
        '/tmp/s.json',
        '--time-scale',
        '0.5',
      ]),
    ).toMatchObject({
      port: 0,
      seed: 'scale:100',
      stateFile: '/tmp/s.json',
      timeScale: 0.5,
    });
    expect(() => parseArgs(['--seed', 'none'])).toThrow('--port is required');
    expect(() => parseArgs(['--port', '1', '--nope', 'x'])).toThrow(
      'Unknown option --nope',
    );
  });
});
