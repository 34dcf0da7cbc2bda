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

  it('serves the Kubeflow kinds permissively when the specs directory is missing', async () => {
    const warnings: string[] = [];
    const sandbox = await startSandbox({
      port: 0,
      seed: 'none',
      controllers: false,
      specsDir: '/nonexistent',
      logger: { warn: m => warnings.push(m) },
    });
    try {
      expect(warnings).toHaveLength(1);
      await sandbox.store.create('namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'x' },
      });
      const res = await fetch(
        `${sandbox.url}/apis/kubeflow.org/v1/namespaces/x/notebooks`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            apiVersion: 'kubeflow.org/v1',
            kind: 'Notebook',
            metadata: { name: 'n' },
            spec: { anything: true },
          }),
        },
      );
      expect(res.status).toBe(201);
      expect((await res.json()).spec).toEqual({ anything: true });
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
