import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { kubeflowNotebookReadPermission } from '@kubeflow-backstage/plugin-kubeflow-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';

const user = {
  identity: {
    type: 'user',
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice'],
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

  it('allows the catalog as Backstage does by default', async () => {
    const decision = await policy.handle({
      permission: catalogEntityReadPermission,
    });
    expect(decision.result).toBe(AuthorizeResult.ALLOW);
  });
});
