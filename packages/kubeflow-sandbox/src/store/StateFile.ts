import fs from 'node:fs';
import path from 'node:path';
import type { StoreSnapshot } from './MemoryStore';

/** What `--state` persists: every object plus each ProxiedService's snapshot. */
export interface SandboxState {
  version: 1;
  store: StoreSnapshot;
  services: Record<string, unknown>;
}

/** Reads a state file; undefined when it does not exist. */
export function readState(file: string): SandboxState | undefined {
  if (!fs.existsSync(file)) return undefined;
  const state = JSON.parse(fs.readFileSync(file, 'utf8')) as SandboxState;
  if (state.version !== 1 || !state.store)
    throw new Error(`${file} is not a kubeflow-sandbox state file`);
  return state;
}

/**
 * Debounced writer of a state file: `schedule()` after every change, `flush()` on stop. Writes
 * atomically (temporary file + rename).
 */
export class StateWriter {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly file: string,
    private readonly collect: () => SandboxState,
    private readonly delayMs = 500,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.delayMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private write(): void {
    fs.mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.collect()));
    fs.renameSync(tmp, this.file);
  }
}
