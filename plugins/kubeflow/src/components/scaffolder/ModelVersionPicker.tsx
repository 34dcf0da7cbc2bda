import { ErrorPanel } from '@backstage/core-components';
import { ModelVersionDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect } from 'react';
import { FieldHint, FieldLoading, FieldSelect } from './FieldStates';
import { deployFormData, useSelectedModel } from './useSelectedModel';

/** A version's format as its model artifact declares it, e.g. `onnx 1`. */
export function versionFormat(version: ModelVersionDto): string | undefined {
  const artifact = version.artifacts.find(a => a.format);
  if (!artifact) return undefined;
  return `${artifact.format}${
    artifact.formatVersion ? ` ${artifact.formatVersion}` : ''
  }`;
}

const describe = (v: ModelVersionDto) =>
  [
    v.state === 'ARCHIVED' ? 'archived' : 'live',
    versionFormat(v) ?? 'no model format',
    v.createdAt
      ? `created ${new Date(v.createdAt).toLocaleDateString()}`
      : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

/**
 * `KubeflowModelVersionPicker`: the versions of the model chosen in the form's `model` field,
 * newest first, with state, format and creation date; archived ones cannot be chosen, and the
 * newest live one is chosen until the user picks another. The value is the version's name.
 */
export const ModelVersionPicker = (
  props: FieldExtensionComponentProps<string>,
) => {
  const {
    formData,
    onChange,
    schema,
    required,
    rawErrors,
    formContext,
    idSchema,
  } = props;
  const { model: modelRef } = deployFormData(formContext);
  const model = useSelectedModel(modelRef);
  const versions = model.value?.versions ?? [];
  const live = versions.filter(v => v.state !== 'ARCHIVED');
  const chosen = versions.find(v => v.name === formData);

  // Keep the value a live version of this model: the prefilled one, else the newest live one.
  useEffect(() => {
    if (!model.value) return;
    if (!chosen || chosen.state === 'ARCHIVED') {
      const next = live[0]?.name;
      if (next !== formData) onChange(next);
    }
  }, [model.value, chosen, live, formData, onChange]);

  const title = schema.title ?? 'Version';
  if (!modelRef) {
    return (
      <FieldHint title={title}>
        Choose the registered model first; its versions appear here.
      </FieldHint>
    );
  }
  if (model.loading) {
    return <FieldLoading>Loading the versions of {modelRef}…</FieldLoading>;
  }
  if (model.error) {
    return (
      <ErrorPanel
        title="Could not load the model's versions"
        defaultExpanded
        error={model.error}
      >
        Check that the model still exists and that you are a member of its
        profile, then choose the model again or reload the page.
      </ErrorPanel>
    );
  }
  if (!live.length) {
    return (
      <FieldHint title={title} error>
        This model has no live versions. Restore an archived version on the
        model's page, or register a new one, then come back.
      </FieldHint>
    );
  }
  return (
    <FieldSelect
      id={idSchema?.$id}
      title={title}
      required={required}
      value={chosen && chosen.state !== 'ARCHIVED' ? chosen.name : ''}
      onChange={onChange}
      error={!!rawErrors?.length}
      renderValue={value => String(value)}
      options={versions.map(v => ({
        value: v.name,
        primary: v.name,
        secondary: describe(v),
        disabled: v.state === 'ARCHIVED',
      }))}
    >
      {chosen ? `${describe(chosen)}. ` : ''}
      {schema.description}
    </FieldSelect>
  );
};
