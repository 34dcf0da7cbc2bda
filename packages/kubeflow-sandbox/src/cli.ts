import type { DexClient } from './dex';
import { startSandbox } from './sandbox';

/** Parsed command line of `kubeflow-sandbox`. */
export interface CliOptions {
  port: number;
  seed: string;
  stateFile?: string;
  timeScale: number;
  specsDir?: string;
  /** Dex static clients (`--dex-client`), replacing the default `kubeflow-portal` client. */
  dexClients?: DexClient[];
}

const USAGE =
  'Usage: kubeflow-sandbox --port <PORT> [--seed demo|none|scale:<N>] [--state <file>] [--time-scale <x>] [--specs <dir>] [--dex-client <id>:<secret>:<redirectURI>[,<redirectURI>…]]';

/** `<id>:<secret>:<uri>[,<uri>…]` (the URIs may contain colons, the id and secret may not). */
export function parseDexClient(value: string): DexClient {
  const first = value.indexOf(':');
  const second = value.indexOf(':', first + 1);
  const redirectURIs =
    second > 0
      ? value
          .slice(second + 1)
          .split(',')
          .filter(Boolean)
      : [];
  if (first <= 0 || second <= first + 1 || redirectURIs.length === 0)
    throw new Error(
      `--dex-client must be <id>:<secret>:<redirectURI>[,<redirectURI>…]\n${USAGE}`,
    );
  return {
    id: value.slice(0, first),
    secret: value.slice(first + 1, second),
    redirectURIs,
  };
}

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
    if (
      !['port', 'seed', 'state', 'time-scale', 'specs', 'dex-client'].includes(
        key,
      )
    )
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
    dexClients: values.has('dex-client')
      ? [parseDexClient(values.get('dex-client')!)]
      : undefined,
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
  const { dexClients, ...rest } = options;
  const sandbox = await startSandbox({
    ...rest,
    dex: dexClients ? { clients: dexClients } : undefined,
  });
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
