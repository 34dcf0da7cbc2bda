#!/usr/bin/env node
// Materialises the official Kubeflow definitions pinned in specs/lock.json into specs/upstream/
// (git-ignored), verifying every sha256. From the mirror folder in $KUBEFLOW_SPECS_MIRROR when it
// is set (a byte-for-byte copy of the upstream files, laid out as the lock's `file` paths),
// otherwise by downloading each file from its upstream repository at the pinned commit.
//
//   node scripts/specs.mjs             materialise; exit 1 with one line when they cannot be had
//   node scripts/specs.mjs --optional  the same, but a failure only says so (exit 0): start.sh
//   node scripts/specs.mjs --check     verify what specs/upstream/ holds, fetch nothing
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = JSON.parse(
  fs.readFileSync(path.join(root, 'specs/lock.json'), 'utf8'),
);
const target = path.join(root, 'specs/upstream');
const mirror = process.env.KUBEFLOW_SPECS_MIRROR;
// No download (scripts/test-plain-clone.sh proves the start command needs none).
const offline = !mirror && process.env.KUBEFLOW_SPECS_OFFLINE === '1';
const optional = process.argv.includes('--optional');
const checkOnly = process.argv.includes('--check');
const TIMEOUT_MS = 20_000;

const sha256 = data => crypto.createHash('sha256').update(data).digest('hex');
const rawUrl = e =>
  `https://raw.githubusercontent.com/${e.repo}/${e.commit}/${e.path}`;

/** The bytes an entry stands for, from the mirror or upstream; throws with the reason. */
async function fetchEntry(entry) {
  if (mirror)
    return fs.readFileSync(path.join(path.resolve(root, mirror), entry.file));
  if (offline) throw new Error('KUBEFLOW_SPECS_OFFLINE=1: no download');
  if (entry.extract?.note) {
    throw new Error(
      `derived from ${entry.path} (${entry.extract.note}): only a mirror holds it`,
    );
  }
  const response = await fetch(rawUrl(entry), {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok)
    throw new Error(`HTTP ${response.status} from ${rawUrl(entry)}`);
  const data = Buffer.from(await response.arrayBuffer());
  if (!entry.extract?.lines) return data;
  // A recorded REST response that upstream keeps inside a Markdown file: its lines, verbatim.
  const [from, to] = entry.extract.lines;
  const text = data
    .toString('utf8')
    .split('\n')
    .slice(from - 1, to)
    .join('\n');
  const candidates = [text, `${text}\n`].map(t => Buffer.from(t));
  return candidates.find(c => sha256(c) === entry.sha256) ?? candidates[0];
}

function present(entry) {
  const file = path.join(target, entry.file);
  return fs.existsSync(file) && sha256(fs.readFileSync(file)) === entry.sha256;
}

function write(entry, data) {
  const file = path.join(target, entry.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, data);
  fs.renameSync(`${file}.part`, file);
}

async function main() {
  const missing = lock.files.filter(e => !present(e));
  const source = mirror ? `the mirror ${mirror}` : 'upstream';
  if (checkOnly || missing.length === 0) {
    const have = lock.files.length - missing.length;
    console.log(
      `specs: ${have} of ${lock.files.length} definitions verified in specs/upstream`,
    );
    return missing.length === 0;
  }
  const failures = [];
  let fetched = 0;
  // A few at a time: enough to hide latency, few enough to be polite to upstream.
  const queue = [...missing];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      try {
        const data = await fetchEntry(entry);
        const sum = sha256(data);
        if (sum !== entry.sha256) {
          throw new Error(
            `sha256 ${sum.slice(0, 16)}…, the lock pins ${entry.sha256.slice(
              0,
              16,
            )}…`,
          );
        }
        write(entry, data);
        fetched += 1;
      } catch (error) {
        const reason = error.cause?.code ?? error.code ?? error.message;
        failures.push(`${entry.file}: ${reason}`);
        if (!mirror && failures.length === 1 && !entry.extract)
          queue.length = 0; // offline: stop early
      }
    }
  };
  await Promise.all(Array.from({ length: mirror ? 1 : 6 }, worker));
  if (failures.length === 0) {
    console.log(
      `specs: ${fetched} fetched from ${source}, all ${lock.files.length} verified`,
    );
    return true;
  }
  const left = missing.length - fetched;
  const hint = mirror
    ? `check that KUBEFLOW_SPECS_MIRROR=${mirror} mirrors the upstream files`
    : 'set KUBEFLOW_SPECS_MIRROR to a folder that mirrors them';
  console.error(
    `specs: ${left} of ${
      lock.files.length
    } official definitions missing from specs/upstream (${failures[0]}${
      failures.length > 1 ? `, and ${failures.length - 1} more` : ''
    }); ${hint} (see specs/README.md)`,
  );
  return false;
}

const ok = await main();
if (!ok && optional) {
  console.log(
    'specs: the sandbox runs on its built-in core schemas (see packages/kubeflow-sandbox/README.md)',
  );
}
process.exit(ok || optional ? 0 : 1);
