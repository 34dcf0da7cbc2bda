import type { IncomingMessage } from 'node:http';
import type { MemoryStore } from '../../store/MemoryStore';
import { StatusError } from '../../store/StatusError';
import { header, headerValues } from '../http';

/** Who a request acts as. */
export interface Identity {
  name: string;
  groups: string[];
  /** The portal's identity (no credentials): cluster-admin, never denied. */
  admin: boolean;
}

/** The identity of a request with no credentials: cluster-admin (the portal's service identity). */
export const ADMIN: Identity = {
  name: 'kubeflow-sandbox-admin',
  groups: ['system:masters', 'system:authenticated'],
  admin: true,
};

function withAuthenticated(groups: string[]): string[] {
  return groups.includes('system:authenticated')
    ? groups
    : [...groups, 'system:authenticated'];
}

/** The ServiceAccount whose token secret holds `token`, as an identity. */
function serviceAccountFor(
  store: MemoryStore,
  token: string,
): Identity | undefined {
  for (const [, secret] of store.table('secrets').scan()) {
    if (secret.type !== 'kubernetes.io/service-account-token') continue;
    const data = secret.data as Record<string, string> | undefined;
    const stored = data?.token
      ? Buffer.from(data.token, 'base64').toString('utf8')
      : undefined;
    if (stored !== token) continue;
    const sa =
      secret.metadata.annotations?.['kubernetes.io/service-account.name'];
    const ns = secret.metadata.namespace;
    if (!sa || !ns) continue;
    return {
      name: `system:serviceaccount:${ns}:${sa}`,
      groups: withAuthenticated([
        'system:serviceaccounts',
        `system:serviceaccounts:${ns}`,
      ]),
      admin: false,
    };
  }
  return undefined;
}

/** Decides whether `requester` may impersonate; injected to avoid a cycle with RBAC. */
export type ImpersonationCheck = (
  requester: Identity,
  kind: 'users' | 'groups',
  name: string,
) => boolean;

/**
 * Authenticates a request: a Bearer token matching a ServiceAccount token secret acts as that
 * SA; anything else (no or unknown credentials) is the admin. `Impersonate-User` /
 * `Impersonate-Group` then switch to that user (if the requester may impersonate).
 */
export function authenticate(
  req: IncomingMessage,
  store: MemoryStore,
  mayImpersonate: ImpersonationCheck,
): Identity {
  let identity = ADMIN;
  const auth = header(req, 'authorization');
  if (auth?.startsWith('Bearer ')) {
    identity = serviceAccountFor(store, auth.slice(7).trim()) ?? ADMIN;
  }
  const user = header(req, 'impersonate-user');
  const groups = headerValues(req, 'impersonate-group');
  if (!user) {
    if (groups.length)
      throw StatusError.badRequest(
        'requested impersonation of groups without impersonating a user',
      );
    return identity;
  }
  const denied = [
    ['users', user] as const,
    ...groups.map(g => ['groups', g] as const),
  ].find(([kind, name]) => !mayImpersonate(identity, kind, name));
  if (denied) {
    throw new StatusError(
      403,
      'Forbidden',
      `${denied[0]} "${denied[1]}" is forbidden: User "${identity.name}" cannot impersonate resource "${denied[0]}" in API group "" at the cluster scope`,
    );
  }
  const sa = /^system:serviceaccount:([^:]+):/.exec(user);
  const implied = sa
    ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`]
    : [];
  return {
    name: user,
    groups: withAuthenticated([...implied, ...groups]),
    admin: false,
  };
}
