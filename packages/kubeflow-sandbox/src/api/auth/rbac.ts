import type { MemoryStore } from '../../store/MemoryStore';
import type { KubeObject } from '../../store/types';
import type { Identity } from './identity';

/** What an authorization decision is about (a SubjectAccessReview's attributes). */
export interface AccessAttributes {
  verb: string;
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** Non-resource requests (`/healthz`). */
  path?: string;
}

/** An authorization decision. */
export interface Decision {
  allowed: boolean;
  reason: string;
}

/** An RBAC PolicyRule. */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

function has(list: string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value));
}

/** Whether one RBAC rule allows the attributes. */
export function ruleAllows(rule: PolicyRule, attrs: AccessAttributes): boolean {
  if (!has(rule.verbs, attrs.verb)) return false;
  if (attrs.path !== undefined) {
    return (rule.nonResourceURLs ?? []).some(
      u =>
        u === '*' ||
        u === attrs.path ||
        (u.endsWith('*') && attrs.path!.startsWith(u.slice(0, -1))),
    );
  }
  if (!has(rule.apiGroups, attrs.group ?? '')) return false;
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource ?? '';
  const resources = rule.resources ?? [];
  const resourceOk =
    resources.includes('*') ||
    resources.includes(resource) ||
    (!!attrs.subresource && resources.includes(`*/${attrs.subresource}`));
  if (!resourceOk) return false;
  if (rule.resourceNames?.length)
    return !!attrs.name && rule.resourceNames.includes(attrs.name);
  return true;
}

function subjectMatches(
  subject: Subject,
  who: Identity,
  bindingNamespace?: string,
): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === who.name;
    case 'Group':
      return who.groups.includes(subject.name);
    case 'ServiceAccount':
      return (
        who.name ===
        `system:serviceaccount:${subject.namespace ?? bindingNamespace}:${
          subject.name
        }`
      );
    default:
      return false;
  }
}

function rulesOf(
  store: MemoryStore,
  roleRef: { kind: string; name: string },
  namespace?: string,
): PolicyRule[] {
  const role =
    roleRef.kind === 'ClusterRole'
      ? store.peek(
          'clusterroles.rbac.authorization.k8s.io',
          undefined,
          roleRef.name,
        )
      : store.peek('roles.rbac.authorization.k8s.io', namespace, roleRef.name);
  return (
    ((role as KubeObject | undefined)?.rules as PolicyRule[] | undefined) ?? []
  );
}

/**
 * Evaluates RBAC (ClusterRoleBindings everywhere, RoleBindings in their namespace) against the
 * objects in the store. `system:masters` (the admin) is always allowed.
 */
export function authorize(
  store: MemoryStore,
  who: Identity,
  attrs: AccessAttributes,
): Decision {
  if (who.admin || who.groups.includes('system:masters')) {
    return { allowed: true, reason: 'allowed: cluster-admin' };
  }
  for (const [, binding] of store
    .table('clusterrolebindings.rbac.authorization.k8s.io')
    .scan()) {
    const subjects = (binding.subjects as Subject[] | undefined) ?? [];
    if (!subjects.some(s => subjectMatches(s, who))) continue;
    const roleRef = binding.roleRef as { kind: string; name: string };
    if (rulesOf(store, roleRef).some(r => ruleAllows(r, attrs))) {
      return {
        allowed: true,
        reason: `RBAC: allowed by ClusterRoleBinding "${binding.metadata.name}" of ClusterRole "${roleRef.name}" to ${subjects[0]?.kind} "${who.name}"`,
      };
    }
  }
  if (attrs.namespace && attrs.path === undefined) {
    for (const [, binding] of store
      .table('rolebindings.rbac.authorization.k8s.io')
      .scan(attrs.namespace)) {
      const subjects = (binding.subjects as Subject[] | undefined) ?? [];
      if (!subjects.some(s => subjectMatches(s, who, attrs.namespace)))
        continue;
      const roleRef = binding.roleRef as { kind: string; name: string };
      if (
        rulesOf(store, roleRef, attrs.namespace).some(r => ruleAllows(r, attrs))
      ) {
        return {
          allowed: true,
          reason: `RBAC: allowed by RoleBinding "${binding.metadata.name}/${attrs.namespace}" of ${roleRef.kind} "${roleRef.name}" to User "${who.name}"`,
        };
      }
    }
  }
  return { allowed: false, reason: '' };
}

/** The apiserver's Forbidden message tail: `User "x" cannot get resource "y" in API group "z" …`. */
export function forbiddenMessage(
  who: Identity,
  attrs: AccessAttributes,
): string {
  if (attrs.path !== undefined) {
    return `User "${who.name}" cannot ${attrs.verb} path "${attrs.path}"`;
  }
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  const scope = attrs.namespace
    ? `in the namespace "${attrs.namespace}"`
    : 'at the cluster scope';
  return `User "${who.name}" cannot ${
    attrs.verb
  } resource "${resource}" in API group "${attrs.group ?? ''}" ${scope}`;
}

/** Every RBAC rule that applies to `who` in `namespace` (what SelfSubjectRulesReview lists). */
export function rulesFor(
  store: MemoryStore,
  who: Identity,
  namespace?: string,
): PolicyRule[] {
  if (who.admin || who.groups.includes('system:masters')) {
    return [
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      { verbs: ['*'], nonResourceURLs: ['*'] },
    ];
  }
  const rules: PolicyRule[] = [];
  for (const [, binding] of store
    .table('clusterrolebindings.rbac.authorization.k8s.io')
    .scan()) {
    const subjects = (binding.subjects as Subject[] | undefined) ?? [];
    if (subjects.some(s => subjectMatches(s, who))) {
      rules.push(
        ...rulesOf(store, binding.roleRef as { kind: string; name: string }),
      );
    }
  }
  if (namespace) {
    for (const [, binding] of store
      .table('rolebindings.rbac.authorization.k8s.io')
      .scan(namespace)) {
      const subjects = (binding.subjects as Subject[] | undefined) ?? [];
      if (subjects.some(s => subjectMatches(s, who, namespace))) {
        rules.push(
          ...rulesOf(
            store,
            binding.roleRef as { kind: string; name: string },
            namespace,
          ),
        );
      }
    }
  }
  return rules;
}
