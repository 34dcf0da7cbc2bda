import type { AccessAttributes, Decision } from './rbac';

/** One authorization decision, as an apiserver audit log records it. */
export interface AccessRecord {
  /** Who was authorized: the authenticated caller, or the user it impersonates. */
  user: string;
  verb: string;
  /** '' for the core group. */
  group: string;
  /** `<plural>` or `<plural>/<subresource>` (e.g. `services/proxy`). */
  resource: string;
  namespace?: string;
  name?: string;
  allowed: boolean;
  /**
   * `request`: an API request; `impersonation`: the caller's right to act as a user or group;
   * `kfp`: KFP's multi-user check of the caller of a proxied request.
   */
  source: 'request' | 'impersonation' | 'kfp';
}

const logs = new WeakMap<object, AccessLog>();

/**
 * Records every RBAC decision the sandbox makes about a cluster's callers (when the sandbox was
 * started with `recordAccess`), so tests can derive the least privilege a client needs. Decisions
 * about a SubjectAccessReview's subject are answers, not access, and are not recorded.
 */
export class AccessLog {
  private readonly entries: AccessRecord[] = [];

  /** Starts recording the decisions made against `store`'s RBAC objects. */
  static attach(store: object): AccessLog {
    const log = new AccessLog();
    logs.set(store, log);
    return log;
  }

  /** The log recording decisions for `store`, if any. */
  static of(store: object): AccessLog | undefined {
    return logs.get(store);
  }

  record(
    user: string,
    attrs: AccessAttributes,
    decision: Decision,
    source: AccessRecord['source'],
  ): void {
    if (attrs.path !== undefined) return;
    this.entries.push({
      user,
      verb: attrs.verb,
      group: attrs.group ?? '',
      resource: attrs.subresource
        ? `${attrs.resource}/${attrs.subresource}`
        : attrs.resource ?? '',
      namespace: attrs.namespace,
      name: attrs.name,
      allowed: decision.allowed,
      source,
    });
  }

  /** What was recorded, optionally only for one user. */
  records(user?: string): AccessRecord[] {
    return user ? this.entries.filter(e => e.user === user) : [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
