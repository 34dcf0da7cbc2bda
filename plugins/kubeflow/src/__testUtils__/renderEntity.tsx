import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ReactElement } from 'react';
import { KubeflowApi, kubeflowApiRef } from '../api/KubeflowApi';

/** An entity as the Kubeflow catalog provider writes it. */
export function kubeflowEntity(
  kind: string,
  name: string,
  options: { namespace?: string; id?: string } = {},
) {
  const namespace = options.namespace ?? 'team-vision';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${namespace}.${name}`,
      namespace: 'sandbox',
      annotations: {
        'kubeflow.org/cluster': 'sandbox',
        'kubeflow.org/namespace': namespace,
        'kubeflow.org/name': name,
        'kubeflow.org/kind': kind,
        ...(options.id ? { 'kubeflow.org/id': options.id } : {}),
      },
    },
    spec: {},
  };
}

/** Renders a page of an entity with the given API, in the test app (with catalog routes). */
export function renderEntityPage(
  element: ReactElement,
  entity: ReturnType<typeof kubeflowEntity>,
  api: KubeflowApi,
  initialRouteEntries?: string[],
) {
  return renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...(initialRouteEntries ? { initialRouteEntries } : {}),
    },
  );
}
