import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import CategoryIcon from '@material-ui/icons/Category';
import { kubeflowApiRef } from './api/KubeflowApi';
import { KubeflowClient } from './api/KubeflowClient';

const kubeflowApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubeflowApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KubeflowClient({ discoveryApi, fetchApi }),
    }),
});

const kubeflowPage = PageBlueprint.make({
  params: {
    path: '/kubeflow',
    title: 'Kubeflow',
    icon: <CategoryIcon />,
    loader: () =>
      import('./components/KubeflowPage').then(m => <m.KubeflowPage />),
  },
});

/**
 * The Kubeflow frontend plugin.
 *
 * @public
 */
export const kubeflowPlugin = createFrontendPlugin({
  pluginId: 'kubeflow',
  extensions: [kubeflowApi, kubeflowPage],
});
