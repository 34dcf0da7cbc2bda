import {
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import fs from 'fs';
import path from 'path';
import { inspect } from 'util';

/** Every log line of the backend and the sandbox, as text, in order. */
export class LogCapture {
  readonly lines: string[] = [];

  rootLogger(): RootLoggerService {
    const make = (fields: Record<string, unknown>): LoggerService => {
      const write =
        (level: string) => (message: string, meta?: Error | object) =>
          this.lines.push(
            `${level} ${inspect(
              { ...fields },
              { breakLength: Infinity },
            )} ${message}${
              meta
                ? ` ${inspect(meta, { depth: 8, breakLength: Infinity })}`
                : ''
            }`,
          );
      return {
        error: write('error'),
        warn: write('warn'),
        info: write('info'),
        debug: write('debug'),
        child: meta => make({ ...fields, ...meta }),
      };
    };
    return make({}) as RootLoggerService;
  }

  /** Writes the lines to $KUBEFLOW_TEST_LOG_DIR/<name> so scripts/canary-scan.sh reads them too. */
  save(name: string) {
    const dir = process.env.KUBEFLOW_TEST_LOG_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), `${this.lines.join('\n')}\n`);
  }
}
