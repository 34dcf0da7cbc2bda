import type { AccessRecord } from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { DEPLOY_DIR, Manifest } from './manifests';

/** One verb on one resource (optionally one named object), the unit RBAC grants. */
export interface Grant {
  verb: string;
  /** '' for the core group. */
  group: string;
  /** `<plural>` or `<plural>/<subresource>`. */
  resource: string;
  /** Set when the rule lists resourceNames. */
  name?: string;
}

/** `list kubeflow.org/notebooks`, `get core/services/proxy[ml-pipeline:8888]`. */
export const grantKey = (g: Grant) =>
  `${g.verb} ${g.group || 'core'}/${g.resource}${g.name ? `[${g.name}]` : ''}`;

/** A ClusterRole's rules, one Grant per verb × group × resource × name. Wildcards are refused. */
export function grantsOf(role: Manifest): Grant[] {
  const grants: Grant[] = [];
  for (const rule of role.rules ?? []) {
    if (rule.nonResourceURLs) throw new Error('nonResourceURLs are not used');
    const all = [
      rule.verbs,
      rule.apiGroups,
      rule.resources,
      rule.resourceNames ?? [],
    ];
    if (all.some((list: string[]) => list.includes('*'))) {
      throw new Error(`wildcard in ${JSON.stringify(rule)}: grant exactly`);
    }
    for (const verb of rule.verbs)
      for (const group of rule.apiGroups)
        for (const resource of rule.resources)
          for (const name of rule.resourceNames ?? [undefined])
            grants.push({ verb, group, resource, ...(name ? { name } : {}) });
  }
  return grants;
}

/** Whether `grant` allows the recorded decision. */
export function covers(grant: Grant, record: AccessRecord): boolean {
  return (
    grant.verb === record.verb &&
    grant.group === record.group &&
    grant.resource === record.resource &&
    (grant.name === undefined || grant.name === record.name)
  );
}

/** deploy/rbac-allowlist.yaml: grants kept without being seen in the run, each with its reason. */
export function readAllowList(): Array<Grant & { reason: string }> {
  const file = path.join(DEPLOY_DIR, 'rbac-allowlist.yaml');
  const entries = (yaml.load(fs.readFileSync(file, 'utf8')) as any[]) ?? [];
  for (const entry of entries) {
    if (!entry.reason?.trim()) {
      throw new Error(`${file}: ${grantKey(entry)} has no reason`);
    }
  }
  return entries.map(e => ({
    verb: e.verb,
    group: e.group ?? '',
    resource: e.resource,
    ...(e.name ? { name: e.name } : {}),
    reason: e.reason,
  }));
}
