import { createPermission } from '@backstage/plugin-permission-common';

/** Read the Kubeflow resources of a namespace through the portal. @public */
export const kubeflowResourceReadPermission = createPermission({
  name: 'kubeflow.resource.read',
  attributes: { action: 'read' },
});

/** Every permission the Kubeflow plugins define, for policies and the permission backend. @public */
export const kubeflowPermissions = [kubeflowResourceReadPermission];
