import type { ServedType } from '../schema/coreTypes';
import type { ServedGroup, TypeRegistry } from '../schema/TypeRegistry';

/** The aggregated discovery media type (v2) kubectl prefers. */
const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether the Accept header prefers aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  return (
    !!accept &&
    accept
      .split(',')
      .some(a =>
        a
          .replace(/\s/g, '')
          .includes('g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'),
      )
  );
}

/** Response Content-Type for aggregated discovery. */
export const AGGREGATED_CONTENT_TYPE = AGGREGATED;

/** Filters hidden group/versions out of the registry's groups. */
export function visibleGroups(
  registry: TypeRegistry,
  hidden: (g: string, v: string) => boolean,
): ServedGroup[] {
  return registry
    .groups()
    .map(g => ({ ...g, versions: g.versions.filter(v => !hidden(g.name, v)) }))
    .filter(g => g.versions.length > 0);
}

/** `GET /api`: APIVersions. */
export function apiVersions(host: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [
      { clientCIDR: '0.0.0.0/0', serverAddress: host },
    ],
  };
}

function groupVersion(group: string, version: string) {
  return { groupVersion: group ? `${group}/${version}` : version, version };
}

/** `GET /apis`: APIGroupList (non-core groups). */
export function apiGroupList(groups: ServedGroup[]) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups
      .filter(g => g.name !== '')
      .map(g => ({
        name: g.name,
        versions: g.versions.map(v => groupVersion(g.name, v)),
        preferredVersion: groupVersion(g.name, g.versions[0]),
      })),
  };
}

/** `GET /apis/<group>`: APIGroup. */
export function apiGroup(group: ServedGroup) {
  return {
    kind: 'APIGroup',
    apiVersion: 'v1',
    name: group.name,
    versions: group.versions.map(v => groupVersion(group.name, v)),
    preferredVersion: groupVersion(group.name, group.versions[0]),
  };
}

function subresourceEntries(type: ServedType) {
  const out: Array<{ name: string; verbs: string[] }> = [];
  if (type.statusSubresource)
    out.push({ name: 'status', verbs: ['get', 'patch', 'update'] });
  if (type.subresources.includes('log'))
    out.push({ name: 'log', verbs: ['get'] });
  if (type.subresources.includes('scale'))
    out.push({ name: 'scale', verbs: ['get', 'patch', 'update'] });
  if (type.subresources.includes('proxy'))
    out.push({
      name: 'proxy',
      verbs: ['create', 'delete', 'get', 'patch', 'update'],
    });
  return out;
}

const SUBRESOURCE_KINDS: Record<string, string> = {
  scale: 'Scale',
  log: 'Pod',
  proxy: 'ServiceProxyOptions',
};

/** `GET /api/v1` or `/apis/<group>/<version>`: APIResourceList. */
export function apiResourceList(
  group: string,
  version: string,
  types: ServedType[],
) {
  const resources: Record<string, unknown>[] = [];
  for (const type of types) {
    resources.push({
      name: type.plural,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
      ...(type.shortNames?.length ? { shortNames: type.shortNames } : {}),
      ...(type.categories?.length ? { categories: type.categories } : {}),
      storageVersionHash: Buffer.from(type.key).toString('base64').slice(0, 11),
    });
    for (const sub of subresourceEntries(type)) {
      const kind = SUBRESOURCE_KINDS[sub.name] ?? type.kind;
      resources.push({
        name: `${type.plural}/${sub.name}`,
        singularName: '',
        namespaced: type.namespaced,
        kind,
        verbs: sub.verbs,
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

/** Aggregated discovery (apidiscovery.k8s.io/v2) for `/api` (core) or `/apis` (the rest). */
export function aggregatedDiscovery(
  registry: TypeRegistry,
  groups: ServedGroup[],
  core: boolean,
) {
  const items = groups
    .filter(g => (g.name === '') === core)
    .map(g => ({
      metadata: { name: g.name, creationTimestamp: null },
      versions: g.versions.map(version => ({
        version,
        freshness: 'Current',
        resources: registry.typesIn(g.name, version).map(type => ({
          resource: type.plural,
          responseKind: { group: type.group, version, kind: type.kind },
          scope: type.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: type.singular,
          verbs: type.verbs,
          ...(type.shortNames?.length ? { shortNames: type.shortNames } : {}),
          ...(type.categories?.length ? { categories: type.categories } : {}),
          subresources: subresourceEntries(type).map(sub => ({
            subresource: sub.name,
            responseKind:
              sub.name === 'scale'
                ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
                : {
                    group: type.group,
                    version,
                    kind: SUBRESOURCE_KINDS[sub.name] ?? type.kind,
                  },
            verbs: sub.verbs,
          })),
        })),
      })),
    }));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items,
  };
}
