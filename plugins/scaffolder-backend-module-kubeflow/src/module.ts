import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/**
 * Adds the `kubeflow:*` template actions to the scaffolder. The actions land with the templates
 * issue; the module is wired now so the backend's shape does not change when they do.
 *
 * @public
 */
export const scaffolderModuleKubeflow = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kubeflow',
  register(env) {
    env.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions();
      },
    });
  },
});
