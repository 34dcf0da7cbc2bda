import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';

const run = promisify(execFile);

/** The repository's `deploy/` folder. */
export const DEPLOY_DIR = path.resolve(__dirname, '../../../../../deploy');

/** A rendered Kubernetes object. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  [key: string]: any;
}

/** Every overlay under deploy/overlays, by name. */
export function overlays(): string[] {
  return fs
    .readdirSync(path.join(DEPLOY_DIR, 'overlays'), { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => entry.name)
    .sort();
}

/** `kubectl <args>`, resolving with stdout or rejecting with stderr in the message. */
export async function kubectl(
  args: string[],
  options: { input?: string; kubeconfig?: string } = {},
): Promise<string> {
  const child = run('kubectl', args, {
    env: {
      ...process.env,
      ...(options.kubeconfig ? { KUBECONFIG: options.kubeconfig } : {}),
    },
    maxBuffer: 32 * 1024 * 1024,
  });
  if (options.input !== undefined) {
    child.child.stdin!.end(options.input);
  }
  try {
    return (await child).stdout;
  } catch (error: any) {
    throw new Error(
      `kubectl ${args.join(' ')} failed: ${error.stderr || error.message}`,
    );
  }
}

/** `kubectl kustomize deploy/<dir>`, parsed. */
export async function render(dir: string): Promise<Manifest[]> {
  const text = await kubectl(['kustomize', path.join(DEPLOY_DIR, dir)]);
  return (yaml.loadAll(text) as Manifest[]).filter(Boolean);
}

export const toYaml = (objects: unknown[]) =>
  objects.map(o => yaml.dump(o, { noRefs: true })).join('---\n');

/** A kubeconfig in a temp dir pointing at `server`, with an optional bearer token. */
export function writeKubeconfig(server: string, token?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeflow-portal-kube-'));
  const file = path.join(dir, 'config');
  fs.writeFileSync(
    file,
    yaml.dump({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'sandbox', cluster: { server } }],
      users: [{ name: 'portal', user: token ? { token } : {} }],
      contexts: [
        { name: 'sandbox', context: { cluster: 'sandbox', user: 'portal' } },
      ],
      'current-context': 'sandbox',
    }),
  );
  return file;
}

/** The one object of `kind` (and `name`, if given) among `objects`. */
export function only(
  objects: Manifest[],
  kind: string,
  name?: string,
): Manifest {
  const found = objects.filter(
    o => o.kind === kind && (!name || o.metadata.name === name),
  );
  if (found.length !== 1) {
    throw new Error(
      `expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`,
    );
  }
  return found[0];
}
