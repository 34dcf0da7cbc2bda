import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { kubeflowNotebookReadPermission } from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

// The claims of alice's sign-in: made while she was still a contributor of team-nlp.
const claims = [
  'user:default/alice',
  'group:default/computer-vision',
  'group:sandbox/team-nlp',
];
const user = {
  identity: {
    type: 'user',
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: claims,
  },
  info: { userEntityRef: 'user:default/alice', ownershipEntityRefs: claims },
} as unknown as PolicyQueryUser;

describe('PortalPermissionPolicy', () => {
  // The profile groups that list alice as a member now.
  const memberships = {
    groupsOf: async (ref: string) =>
      ref === 'user:default/alice' ? ['group:sandbox/team-vision'] : [],
  };
  const policy = new PortalPermissionPolicy({
    kubeflowClusters: ['sandbox'],
    memberships,
  });

  it('grants Kubeflow permissions to signed-in users only', async () => {
    const permission = kubeflowNotebookReadPermission;
    expect((await policy.handle({ permission }, user)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle({ permission })).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('shows Kubeflow entities to the current members of their profile only, profile groups to their members', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      user,
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        anyOf: [
          {
            // What the Kubeflow entity provider read from the cluster; not what a repository's
            // catalog-info declares (such as a project made by the New ML project template).
            not: {
              anyOf: [
                {
                  rule: 'HAS_ANNOTATION',
                  resourceType: 'catalog-entity',
                  params: {
                    annotation: 'backstage.io/managed-by-location',
                    value: 'kubeflow:sandbox',
                  },
                },
              ],
            },
          },
          {
            rule: 'HAS_LABEL',
            resourceType: 'catalog-entity',
            params: { label: 'kubeflow.org/public' },
          },
          {
            allOf: [
              {
                rule: 'IS_ENTITY_KIND',
                resourceType: 'catalog-entity',
                params: { kinds: ['Group'] },
              },
              {
                rule: 'HAS_SPEC',
                resourceType: 'catalog-entity',
                params: { key: 'members', value: 'user:default/alice' },
              },
            ],
          },
          {
            // The profiles she is a member of now, not those of her sign-in; the organisation
            // group (default owner of objects outside profiles) is left out.
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {
              claims: ['user:default/alice', 'group:sandbox/team-vision'],
            },
          },
        ],
      },
    });
  });

  it('denies the Kubernetes proxy, which acts as the portal’s cluster identity', async () => {
    const decision = await policy.handle(
      { permission: kubernetesProxyPermission },
      user,
    );
    expect(decision.result).toBe(AuthorizeResult.DENY);
  });

  it('keeps Backstage defaults for the rest', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      user,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
