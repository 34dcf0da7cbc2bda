/** What a resource request addresses (the apiserver's RequestInfo). */
export interface ResourceRequest {
  /** '' for the core group. */
  group: string;
  version: string;
  namespace?: string;
  /** Resource plural. */
  resource: string;
  name?: string;
  subresource?: string;
  /** For `proxy`: the path after `/proxy` (starts with '/'). */
  subpath?: string;
  /** get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/**
 * Parses `/api/v1/...` and `/apis/<group>/<version>/...` resource paths; undefined for anything
 * else (discovery, openapi, unknown).
 */
export function parseResourcePath(
  method: string,
  pathname: string,
  query: URLSearchParams,
): ResourceRequest | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2]))
      rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  const subpath =
    subresource === 'proxy'
      ? `/${rest.slice(3).join('/')}${
          pathname.endsWith('/') && rest.length > 3 ? '/' : ''
        }`
      : undefined;
  if (subresource && rest.length > 3 && subresource !== 'proxy')
    return undefined;
  const watch = query.get('watch') === 'true' || query.get('watch') === '1';
  let verb: string;
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (name) verb = 'get';
      else verb = watch ? 'watch' : 'list';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name ? 'delete' : 'deletecollection';
      break;
    default:
      verb = method.toLowerCase();
  }
  if (subresource === 'proxy') verb = method === 'GET' ? 'get' : verb;
  return {
    group,
    version,
    namespace,
    resource,
    name,
    subresource,
    subpath,
    verb,
  };
}
