import { startSandbox } from './sandbox';

/** Parsed command line of `kubeflow-sandbox`. */
export interface CliOptions {
  port: number;
  seed: string;
  stateFile?: string;
  timeScale: number;
  specsDir?: string;
}

const USAGE =
  'Usage: kubeflow-sandbox --port <PORT> [--seed demo|none|scale:<N>] [--state <file>] [--time-scale <x>] [--specs <dir>]';

/** Parses `--port 8001 --seed demo …` (also `--port=8001`). */
export function parseArgs(argv: string[]): CliOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--'))
      throw new Error(`Unexpected argument ${arg}\n${USAGE}`);
    const eq = arg.indexOf('=');
    if (eq > 0) values.set(arg.slice(2, eq), arg.slice(eq + 1));
    else values.set(arg.slice(2), argv[++i] ?? '');
  }
  for (const key of values.keys()) {
    if (!['port', 'seed', 'state', 'time-scale', 'specs'].includes(key))
      throw new Error(`Unknown option --${key}\n${USAGE}`);
  }
  const port = Number(values.get('port'));
  if (
    !values.has('port') ||
    !Number.isInteger(port) ||
    port < 0 ||
    port > 65535
  )
    throw new Error(`--port is required\n${USAGE}`);
  const timeScale = Number(values.get('time-scale') ?? 1);
  if (!(timeScale >= 0))
    throw new Error(`--time-scale must be a number\n${USAGE}`);
  return {
    port,
    seed: values.get('seed') ?? 'demo',
    stateFile: values.get('state'),
    timeScale,
    specsDir: values.get('specs'),
  };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const sandbox = await startSandbox({ ...options });
  process.stdout.write(`sandbox ready ${sandbox.url}\n`);
  const shutdown = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (require.main === module) {
  main().catch(error => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
