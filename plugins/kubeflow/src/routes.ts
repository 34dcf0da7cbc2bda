import { createExternalRouteRef } from '@backstage/frontend-plugin-api';

/**
 * A software template's page in the scaffolder; bound to the scaffolder's `selectedTemplate`
 * route by default. Pages that offer a template (Deploy on a model version) link through it.
 *
 * @public
 */
export const selectedTemplateRouteRef = createExternalRouteRef({
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});

/** The template the Deploy button of a model version opens. */
export const DEPLOY_MODEL_TEMPLATE = {
  namespace: 'default',
  templateName: 'kubeflow-deploy-model',
};
