import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { resolveSpecsDir } from './sandbox';
import type { KubeObject } from './store/types';

/** One upstream sample file pinned in `specs/lock.json`, with its documents. */
export interface UpstreamSample {
  /** Path under the definitions folder, e.g. `samples/kserve/v1beta1__onnx__onnx.yaml`. */
  file: string;
  /** Where upstream keeps it: `<repo>@<commit>:<path>`. */
  upstream: string;
  /** How tests use it: `k8s-manifest`, `pipeline-package`, `mr-rest-response`, … */
  use: string;
  /** `<apiVersion> <kind>` of each document, as the lock lists them. */
  kinds: string[];
  /** The parsed documents (YAML: every non-empty document; JSON: the one value). */
  documents: KubeObject[];
}

interface LockEntry {
  file: string;
  repo: string;
  commit: string;
  path: string;
  sample?: { use: string; kinds: string[] };
}

/**
 * The upstream sample objects (`specs/lock.json` entries with `sample`), read from the
 * definitions folder (see resolveSpecsDir); `use` keeps those of one use.
 */
export function upstreamSamples(use?: string): UpstreamSample[] {
  // eslint-disable-next-line no-restricted-syntax
  const lockFile = path.resolve(__dirname, '../../../specs/lock.json');
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as {
    files: LockEntry[];
  };
  const dir = resolveSpecsDir();
  return lock.files
    .filter(e => e.sample && (!use || e.sample.use === use))
    .map(e => {
      const text = fs.readFileSync(path.join(dir, e.file), 'utf8');
      const documents = e.file.endsWith('.json')
        ? [JSON.parse(text)]
        : (yaml.loadAll(text).filter(Boolean) as KubeObject[]);
      return {
        file: e.file,
        upstream: `${e.repo}@${e.commit.slice(0, 12)}:${e.path}`,
        use: e.sample!.use,
        kinds: e.sample!.kinds,
        documents,
      };
    });
}
