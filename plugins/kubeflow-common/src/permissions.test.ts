import { kubeflowPermissions } from './permissions';

describe('kubeflowPermissions', () => {
  it('are named kubeflow.<resource>.<action>, once each, action matching the attribute', () => {
    const names = kubeflowPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const permission of kubeflowPermissions) {
      const match = /^kubeflow\.([a-z]+)\.(read|create|update|delete)$/.exec(
        permission.name,
      );
      expect(match).not.toBeNull();
      expect(permission.attributes.action).toBe(match![2]);
    }
  });
});
