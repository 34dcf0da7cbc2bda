import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { kubeflowNotebookReadPermission } from '@kubeflow-backstage/plugin-kubeflow-common';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

const user = {
  identity: {
    type: 'user',
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:sandbox/team-vision'],
  },
  info: {
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:sandbox/team-vision'],
  },
} as unknown as PolicyQueryUser;

describe('PortalPermissionPolicy', () => {
  const policy = new PortalPermissionPolicy();

  it('grants Kubeflow permissions to signed-in users only', async () => {
    const permission = kubeflowNotebookReadPermission;
    expect((await policy.handle({ permission }, user)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle({ permission })).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('shows Kubeflow entities to the members of their profile only', async () => {
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
            not: {
              rule: 'HAS_ANNOTATION',
              resourceType: 'catalog-entity',
              params: { annotation: 'kubeflow.org/cluster' },
            },
          },
          {
            rule: 'IS_ENTITY_KIND',
            resourceType: 'catalog-entity',
            params: { kinds: ['Group'] },
          },
          {
            rule: 'HAS_LABEL',
            resourceType: 'catalog-entity',
            params: { label: 'kubeflow.org/public' },
          },
          {
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

  it('keeps Backstage defaults for the rest', async () => {
    const decision = await policy.handle(
      { permission: catalogEntityDeletePermission },
      user,
    );
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
