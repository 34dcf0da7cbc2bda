import type { MemoryStore } from '../../store/MemoryStore';
import { StatusError } from '../../store/StatusError';
import type { Identity } from './identity';
import { AccessAttributes, authorize, rulesFor } from './rbac';

/**
 * Answers a SubjectAccessReview, SelfSubjectAccessReview or LocalSubjectAccessReview (fills
 * `status.allowed` / `denied` / `reason` by evaluating RBAC for the review's subject, the caller
 * itself for a self review) or a SelfSubjectRulesReview (lists the caller's rules in
 * `spec.namespace`). Nothing is stored.
 */
export function answerAccessReview(
  store: MemoryStore,
  caller: Identity,
  kind: string,
  review: Record<string, any>,
  namespace?: string,
): Record<string, any> {
  const spec = review?.spec ?? {};
  if (kind === 'SelfSubjectRulesReview') {
    const rules = rulesFor(store, caller, spec.namespace);
    return {
      apiVersion: 'authorization.k8s.io/v1',
      kind,
      metadata: { creationTimestamp: null },
      spec,
      status: {
        resourceRules: rules
          .filter(r => !r.nonResourceURLs)
          .map(({ verbs, apiGroups, resources, resourceNames }) => ({
            verbs,
            apiGroups,
            resources,
            ...(resourceNames ? { resourceNames } : {}),
          })),
        nonResourceRules: rules
          .filter(r => r.nonResourceURLs)
          .map(({ verbs, nonResourceURLs }) => ({ verbs, nonResourceURLs })),
        incomplete: false,
      },
    };
  }
  let subject: Identity = caller;
  if (kind !== 'SelfSubjectAccessReview') {
    if (!spec.user && !spec.groups?.length) {
      throw StatusError.invalid(
        { group: 'authorization.k8s.io', kind, kindName: kind, name: '' },
        [
          {
            reason: 'FieldValueRequired',
            message:
              'Required value: at least one of user or group must be specified',
            field: 'spec.user',
          },
        ],
      );
    }
    subject = {
      name: spec.user ?? '',
      groups: [...(spec.groups ?? [])],
      admin: false,
    };
  }
  let attrs: AccessAttributes;
  if (spec.nonResourceAttributes) {
    attrs = {
      verb: spec.nonResourceAttributes.verb ?? '',
      path: spec.nonResourceAttributes.path ?? '',
    };
  } else {
    const r = spec.resourceAttributes ?? {};
    attrs = {
      verb: r.verb ?? '',
      group: r.group ?? '',
      resource: r.resource ?? '',
      subresource: r.subresource || undefined,
      namespace:
        (kind === 'LocalSubjectAccessReview' ? namespace : r.namespace) ||
        undefined,
      name: r.name || undefined,
    };
  }
  const decision = authorize(store, subject, attrs);
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind,
    metadata: { ...(review?.metadata ?? {}), creationTimestamp: null },
    spec,
    status: decision.allowed
      ? { allowed: true, reason: decision.reason }
      : {
          allowed: false,
          ...(decision.reason ? { reason: decision.reason } : {}),
        },
  };
}
