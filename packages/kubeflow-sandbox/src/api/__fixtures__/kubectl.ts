import { execFile } from 'node:child_process';

/** The real client the sandbox must satisfy: kubectl 1.32, as installed on every machine. */
export const KUBECTL = '/usr/bin/kubectl';

/** What one kubectl call printed and its exit code. */
export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs kubectl against `server` with no kubeconfig, `input` on stdin. */
export function runKubectl(
  server: string,
  args: string[],
  input?: string,
): Promise<KubectlResult> {
  return new Promise(resolve => {
    const child = execFile(
      KUBECTL,
      [`--server=${server}`, ...args],
      {
        env: { ...process.env, KUBECONFIG: '/dev/null', HOME: '/tmp' },
        timeout: 15_000,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as any).code ?? 1) : 0,
          stdout,
          stderr,
        }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}
