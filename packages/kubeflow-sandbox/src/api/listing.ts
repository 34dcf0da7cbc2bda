import type { ServedType } from '../schema/coreTypes';
import type { MemoryStore } from '../store/MemoryStore';
import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';
import {
  Matcher,
  parseFieldSelector,
  parseLabelSelector,
  selectedName,
} from './selectors';

/** A continue token's content: the list's resourceVersion and the last key returned. */
interface ContinueToken {
  rv: number;
  start: string;
}

/** Encodes an opaque continue token. */
export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'sandbox/v1', ...token })).toString(
    'base64url',
  );
}

/** Decodes a continue token; 400 when malformed. */
export function decodeContinue(text: string): ContinueToken {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof token.rv === 'number' && typeof token.start === 'string')
      return token;
  } catch {
    // fall through
  }
  throw StatusError.badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}

/** One page of a list. */
export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continueToken?: string;
  remainingItemCount?: number;
}

/** Selector + namespace predicate of a list or watch. */
export function listMatcher(query: URLSearchParams): Matcher {
  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(query.get('fieldSelector'));
  return object => labels(object) && fields(object);
}

/**
 * Lists a page by walking the type's sorted key index from the continue position: no sorting
 * per page. A token older than the watch history's floor is 410 Expired.
 */
export function listPage(
  store: MemoryStore,
  type: ServedType,
  namespace: string | undefined,
  query: URLSearchParams,
): ListPage {
  const matches = listMatcher(query);
  const limit = Number(query.get('limit') ?? 0);
  const continueText = query.get('continue');
  let listRv = store.currentResourceVersion();
  let after: string | undefined;
  if (continueText) {
    const token = decodeContinue(continueText);
    if (!store.history.covers(token.rv)) {
      throw StatusError.expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      );
    }
    listRv = token.rv;
    after = token.start;
  }
  const table = store.table(type.key);
  const items: KubeObject[] = [];
  const name = selectedName(query.get('fieldSelector'));
  if (name !== undefined) {
    const object =
      type.namespaced && namespace === undefined
        ? undefined
        : table.get(`${type.namespaced ? namespace : ''}/${name}`);
    if (object && matches(object)) items.push(object);
    if (type.namespaced && namespace === undefined) {
      for (const [, o] of table.scan())
        if (o.metadata.name === name && matches(o)) items.push(o);
    }
    return { items, resourceVersion: String(listRv) };
  }
  let lastKey: string | undefined;
  let more = false;
  for (const [key, object] of table.scan(
    type.namespaced ? namespace : undefined,
    after,
  )) {
    if (!matches(object)) continue;
    if (limit > 0 && items.length >= limit) {
      more = true;
      break;
    }
    items.push(object);
    lastKey = key;
  }
  return {
    items,
    resourceVersion: String(listRv),
    continueToken:
      more && lastKey !== undefined
        ? encodeContinue({ rv: listRv, start: lastKey })
        : undefined,
  };
}
