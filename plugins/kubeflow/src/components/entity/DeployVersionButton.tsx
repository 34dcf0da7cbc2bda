import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  ModelDto,
  ModelVersionDto,
} from '@kubeflow-backstage/plugin-kubeflow-common';
import { DEPLOY_MODEL_TEMPLATE, selectedTemplateRouteRef } from '../../routes';

/**
 * The deploy template's address, prefilled (the scaffolder reads `formData` from the query) with
 * the model, the version and the model's profile as the endpoint's profile.
 */
export function deployTemplateLink(
  templatePath: string,
  model: ModelDto,
  version: ModelVersionDto,
): string {
  const formData = {
    model: model.entityRef,
    version: version.name,
    ...(model.namespace
      ? { profile: `group:${model.cluster}/${model.namespace}` }
      : {}),
  };
  return `${templatePath}?${new URLSearchParams({
    formData: JSON.stringify(formData),
  })}`;
}

/** Opens the "Deploy a model version" template for a live version; nothing when the scaffolder is not installed. */
export const DeployVersionButton = ({
  model,
  version,
}: {
  model: ModelDto;
  version: ModelVersionDto;
}) => {
  const templateRoute = useRouteRef(selectedTemplateRouteRef);
  if (!templateRoute || version.state === 'ARCHIVED') return null;
  return (
    <LinkButton
      size="small"
      variant="contained"
      color="primary"
      aria-label={`Deploy version ${version.name}`}
      to={deployTemplateLink(
        templateRoute(DEPLOY_MODEL_TEMPLATE),
        model,
        version,
      )}
    >
      Deploy
    </LinkButton>
  );
};
