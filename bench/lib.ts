/** What the benchmarks share: a sandbox in its own process, a recording proxy, percentiles. */
import { spawn, ChildProcess } from 'child_process';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';

export const REPO = path.resolve(__dirname, '..');

/** The sandbox CLI in a child process, resolved once it says it is ready. */
export function startSandboxProcess(
  port: number,
  seed: string,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'node',
      [
        '--import',
        'tsx',
        'packages/kubeflow-sandbox/src/cli.ts',
        '--port',
        String(port),
        '--seed',
        seed,
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    child.stdout!.on('data', chunk => {
      if (String(chunk).includes('sandbox ready')) resolve(child);
    });
    child.on('exit', code => reject(new Error(`sandbox exited ${code}`)));
  });
}

/** A reverse proxy to `target` that records every request it forwards. */
export function recordingProxy(target: string, port: number) {
  const requests: Array<{ method: string; url: string }> = [];
  const { hostname, port: targetPort } = new URL(target);
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '' });
    const upstream = http.request(
      {
        host: hostname,
        port: targetPort,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      response => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise<{ requests: typeof requests; close: () => void }>(r =>
    server.listen(port, '127.0.0.1', () =>
      r({ requests, close: () => server.close() }),
    ),
  );
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

/**
 * Writes a benchmark backend's app-config: SQLite in memory, guest sign-in as the demo guest, the
 * demo organisation in the catalog, plus what the benchmark adds (`extra`, merged at the top level
 * and into `catalog`). Returns the file's path.
 */
export function writeBenchConfig(
  backendPort: number,
  extra: { catalog?: object; [key: string]: unknown },
): string {
  const { catalog, ...rest } = extra;
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-')),
    'app-config.yaml',
  );
  fs.writeFileSync(
    file,
    JSON.stringify({
      app: { baseUrl: `http://localhost:${backendPort}` },
      backend: {
        baseUrl: `http://localhost:${backendPort}`,
        listen: { port: backendPort },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      auth: {
        providers: {
          guest: {
            userEntityRef: 'user:default/guest',
            dangerouslyAllowOutsideDevelopment: true,
          },
        },
      },
      catalog: {
        locations: [
          {
            type: 'file',
            target: path.join(REPO, 'examples/org.yaml'),
            rules: [{ allow: ['User', 'Group'] }],
          },
        ],
        ...catalog,
      },
      ...rest,
    }),
  );
  return file;
}
