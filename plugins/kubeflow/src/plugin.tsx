import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import CategoryIcon from '@material-ui/icons/Category';
import { ANNOTATION_KUBEFLOW_KIND } from '@kubeflow-backstage/plugin-kubeflow-common';
import { kubeflowApiRef } from './api/KubeflowApi';
import { KubeflowClient } from './api/KubeflowClient';
import { isKubeflowLiveEntity } from './components/EntityKubeflowContent/isKubeflowLiveEntity';
import { selectedTemplateRouteRef } from './routes';
import {
  modelVersionPickerField,
  profilePickerField,
  servingRuntimePickerField,
} from './components/scaffolder/formFields';

const kubeflowApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kubeflowApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KubeflowClient({ discoveryApi, fetchApi }),
    }),
});

/** The Kubeflow home page. @public */
export const kubeflowRootRouteRef = createRouteRef();

const kubeflowPage = PageBlueprint.make({
  params: {
    path: '/kubeflow',
    routeRef: kubeflowRootRouteRef,
    title: 'Kubeflow',
    icon: <CategoryIcon />,
    loader: () =>
      import('./components/KubeflowPage').then(m => <m.KubeflowPage />),
  },
});

/** The live Kubeflow tab of notebook and endpoint entities. */
const entityKubeflowContent = EntityContentBlueprint.make({
  params: {
    path: 'kubeflow',
    title: 'Kubeflow',
    filter: isKubeflowLiveEntity,
    loader: () =>
      import('./components/EntityKubeflowContent').then(m => (
        <m.EntityKubeflowContent />
      )),
  },
});

/** A profile's experiments: runs, Katib experiments and TrainJobs with their metrics. */
const entityProfileExperimentsContent = EntityContentBlueprint.make({
  name: 'experiments',
  params: {
    path: 'experiments',
    title: 'Experiments',
    filter: entity =>
      entity.metadata.annotations?.[ANNOTATION_KUBEFLOW_KIND] === 'Profile',
    loader: () =>
      import('./components/ModelMetricsCard').then(m => (
        <m.ProfileExperimentsContent />
      )),
  },
});

/**
 * The Kubeflow frontend plugin.
 *
 * @public
 */
export const kubeflowPlugin = createFrontendPlugin({
  pluginId: 'kubeflow',
  title: 'Kubeflow',
  icon: <CategoryIcon />,
  routes: { root: kubeflowRootRouteRef },
  externalRoutes: { selectedTemplate: selectedTemplateRouteRef },
  extensions: [
    kubeflowApi,
    kubeflowPage,
    entityKubeflowContent,
    entityProfileExperimentsContent,
    modelVersionPickerField,
    profilePickerField,
    servingRuntimePickerField,
  ],
});
