import { StatusError } from '../../store/StatusError';

/** One RFC 6902 operation. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) {
    throw StatusError.badRequest(`invalid JSON pointer "${pointer}"`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function resolveParent(
  doc: unknown,
  tokens: string[],
  path: string,
): Container {
  let current: unknown = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (current && typeof current === 'object')
      current = (current as Record<string, unknown>)[token];
    else current = undefined;
    if (
      current === undefined ||
      current === null ||
      typeof current !== 'object'
    ) {
      throw StatusError.badRequest(
        `the server rejected our request due to an error in our request: doc is missing path: "${path}"`,
      );
    }
  }
  if (!current || typeof current !== 'object') {
    throw StatusError.badRequest(`doc is missing path: "${path}"`);
  }
  return current as Container;
}

function getAt(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return doc;
  const parent = resolveParent(doc, tokens, path);
  const last = tokens[tokens.length - 1];
  const value = Array.isArray(parent) ? parent[Number(last)] : parent[last];
  if (value === undefined)
    throw StatusError.badRequest(`doc is missing path: "${path}"`);
  return value;
}

function arrayIndex(
  array: unknown[],
  token: string,
  forAdd: boolean,
  path: string,
): number {
  if (forAdd && token === '-') return array.length;
  const index = Number(token);
  const max = forAdd ? array.length : array.length - 1;
  if (!/^\d+$/.test(token) || index > max) {
    throw StatusError.badRequest(`unable to access invalid index in "${path}"`);
  }
  return index;
}

function addAt(doc: unknown, path: string, value: unknown): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const parent = resolveParent(doc, tokens, path);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent))
    parent.splice(arrayIndex(parent, last, true, path), 0, value);
  else parent[last] = value;
  return doc;
}

function removeAt(doc: unknown, path: string): unknown {
  const tokens = parsePointer(path);
  const parent = resolveParent(doc, tokens, path);
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(parent, last, false, path), 1);
  } else {
    if (!(last in parent)) {
      throw StatusError.badRequest(
        `the server rejected our request due to an error in our request: remove operation does not apply: doc is missing path: "${path}"`,
      );
    }
    delete parent[last];
  }
  return doc;
}

/**
 * Applies an RFC 6902 JSON patch to a copy of `document` and returns it. Errors are
 * StatusErrors (400 for malformed paths, 422 for a failed `test`, as the apiserver answers).
 */
export function applyJsonPatch(
  document: unknown,
  operations: unknown,
): unknown {
  if (!Array.isArray(operations)) {
    throw StatusError.badRequest('json patch must be an array of operations');
  }
  let doc = structuredClone(document);
  for (const raw of operations as JsonPatchOperation[]) {
    const value =
      raw.value === undefined ? undefined : structuredClone(raw.value);
    switch (raw.op) {
      case 'add':
        doc = addAt(doc, raw.path, value);
        break;
      case 'remove':
        doc = removeAt(doc, raw.path);
        break;
      case 'replace':
        getAt(doc, raw.path);
        doc =
          raw.path === ''
            ? value
            : addAt(removeAt(doc, raw.path), raw.path, value);
        break;
      case 'move': {
        const moved = getAt(doc, raw.from ?? '');
        doc = addAt(removeAt(doc, raw.from ?? ''), raw.path, moved);
        break;
      }
      case 'copy':
        doc = addAt(doc, raw.path, structuredClone(getAt(doc, raw.from ?? '')));
        break;
      case 'test':
        if (
          JSON.stringify(getAt(doc, raw.path)) !== JSON.stringify(raw.value)
        ) {
          throw new StatusError(
            422,
            'Invalid',
            `the server rejected our request due to an error in our request: testing value ${raw.path} failed`,
          );
        }
        break;
      default:
        throw StatusError.badRequest(
          `Unexpected kind: ${String((raw as { op?: unknown }).op)}`,
        );
    }
  }
  return doc;
}
