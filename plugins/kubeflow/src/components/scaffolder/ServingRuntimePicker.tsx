import { ErrorPanel, Progress } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { ServingRuntimeOptionDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kubeflowApiRef } from '../../api/KubeflowApi';
import { deployFormData, useSelectedModel } from './useSelectedModel';

const AUTOMATIC = '';

const describe = (r: ServingRuntimeOptionDto) =>
  [
    r.clusterScoped ? 'cluster runtime' : "the profile's own runtime",
    r.disabled ? 'disabled' : undefined,
    !r.disabled && !r.autoSelect ? 'only when chosen' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

/** The profile entity ref's cluster and namespace (`group:<cluster>/<profile>`). */
function profileTarget(profile: string | undefined) {
  if (!profile) return undefined;
  try {
    const ref = parseEntityRef(profile, { defaultKind: 'group' });
    return { cluster: ref.namespace, namespace: ref.name };
  } catch {
    return undefined;
  }
}

/**
 * `KubeflowServingRuntimePicker`: the serving runtimes of the endpoint's profile and cluster that
 * serve the chosen version's model format, first "Automatic (<the one the action picks>)". The
 * value is the runtime's name, or empty for automatic.
 */
export const ServingRuntimePicker = (
  props: FieldExtensionComponentProps<string>,
) => {
  const { formData, onChange, schema, rawErrors, formContext, idSchema } =
    props;
  const form = deployFormData(formContext);
  const api = useApi(kubeflowApiRef);
  const model = useSelectedModel(form.model);
  const version =
    model.value?.versions.find(v => v.name === form.version) ??
    model.value?.versions.find(v => v.state !== 'ARCHIVED');
  const artifact = version?.artifacts.find(a => a.format);
  const target = profileTarget(form.profile);
  const runtimes = useAsyncRetry(async () => {
    if (!target || !artifact?.format) return undefined;
    return api.getServingRuntimes({
      ...target,
      format: artifact.format,
      formatVersion: artifact.formatVersion,
    });
  }, [
    api,
    target?.cluster,
    target?.namespace,
    artifact?.format,
    artifact?.formatVersion,
  ]);

  // A runtime chosen for another version or profile that cannot serve this one falls back to
  // automatic, so the form never sends what the list does not offer.
  const offered = runtimes.value?.runtimes;
  useEffect(() => {
    if (
      offered &&
      formData &&
      !offered.some(r => r.name === formData && !r.disabled)
    ) {
      onChange(AUTOMATIC);
    }
  }, [offered, formData, onChange]);

  const title = schema.title ?? 'Serving runtime';
  const hint = (text: string, error = false) => (
    <FormControl fullWidth margin="normal" error={error}>
      <TextField label={title} disabled value="" />
      <FormHelperText>{text}</FormHelperText>
    </FormControl>
  );
  if (!form.model) return hint('Choose the model first.');
  if (!target) return hint('Choose the profile first.');
  if (model.loading || runtimes.loading) {
    return (
      <FormControl fullWidth margin="normal">
        <Progress />
        <FormHelperText>Loading the serving runtimes…</FormHelperText>
      </FormControl>
    );
  }
  const error = model.error ?? runtimes.error;
  if (error) {
    return (
      <ErrorPanel
        title="Could not load the serving runtimes"
        error={error}
        defaultExpanded
      >
        Check that you are a member of profile {target.namespace} and that
        KServe is installed on {target.cluster}; choose another profile or
        reload the page.
      </ErrorPanel>
    );
  }
  if (!version) {
    return hint(
      'This model has no live versions, so there is nothing to serve.',
      true,
    );
  }
  if (!artifact?.format) {
    return hint(
      `Version ${version.name} has no model format; register its artifact with one (e.g. onnx, sklearn).`,
      true,
    );
  }
  const format = `${artifact.format}${
    artifact.formatVersion ? ` ${artifact.formatVersion}` : ''
  }`;
  const list = runtimes.value?.runtimes ?? [];
  const automatic = runtimes.value?.automatic;
  if (!list.length) {
    return hint(
      `No serving runtime on ${target.cluster} serves ${format} models. Ask a platform operator to install one, or pick a version of another format.`,
      true,
    );
  }
  const value = list.some(r => r.name === formData && !r.disabled)
    ? formData!
    : AUTOMATIC;
  return (
    <FormControl fullWidth margin="normal">
      <TextField
        id={idSchema?.$id}
        select
        label={title}
        value={automatic || value !== AUTOMATIC ? value : ''}
        onChange={e => onChange(e.target.value)}
        error={!!rawErrors?.length || (!automatic && value === AUTOMATIC)}
        SelectProps={{
          displayEmpty: true,
          renderValue: v => {
            if (v !== AUTOMATIC) return String(v);
            return automatic ? `Automatic (${automatic})` : 'Choose a runtime';
          },
        }}
      >
        <MenuItem value={AUTOMATIC} disabled={!automatic}>
          <ListItemText
            primary={
              automatic
                ? `Automatic (${automatic})`
                : 'Automatic (none: no runtime is auto-selectable)'
            }
            secondary="The runtime KServe selects for the format"
          />
        </MenuItem>
        {list.map(r => (
          <MenuItem key={r.name} value={r.name} disabled={r.disabled}>
            <ListItemText primary={r.name} secondary={describe(r)} />
          </MenuItem>
        ))}
      </TextField>
      <FormHelperText>
        Runtimes that serve {format} models in profile {target.namespace}.{' '}
        {schema.description}
      </FormHelperText>
    </FormControl>
  );
};
