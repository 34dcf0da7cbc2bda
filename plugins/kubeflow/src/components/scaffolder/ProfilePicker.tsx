import { ErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect } from 'react';
import { FieldHint, FieldLoading, FieldSelect } from './FieldStates';
import useAsync from 'react-use/esm/useAsync';
import { kubeflowApiRef } from '../../api/KubeflowApi';

/** The roles Kubeflow gives a profile's members, weakest first. */
const ROLES = ['view', 'edit', 'owner'];

/**
 * `KubeflowProfilePicker`: the Kubeflow profiles, on every cluster, where the signed-in user has
 * at least `ui:options.minRole` (default `edit`: what creating something there needs; `owner` to
 * share a profile), as the cluster's RoleBindings say. The value is the profile's group ref
 * (`group:<cluster>/<profile>`), as the catalog names it, so templates read cluster and
 * namespace from it with `parseEntityRef`.
 */
export const ProfilePicker = (props: FieldExtensionComponentProps<string>) => {
  const {
    formData,
    onChange,
    schema,
    uiSchema,
    required,
    rawErrors,
    idSchema,
  } = props;
  const minRole = String(uiSchema?.['ui:options']?.minRole ?? 'edit');
  const api = useApi(kubeflowApiRef);
  const profiles = useAsync(async () => {
    const clusters = await api.getClusters();
    const perCluster = await Promise.all(
      clusters.map(async c =>
        (
          await api.getProfiles(c.name)
        ).map(p => ({
          ref: `group:${c.name}/${p.name}`,
          name: p.name,
          role: p.role,
          cluster: c.title,
        })),
      ),
    );
    return perCluster
      .flat()
      .filter(p => ROLES.indexOf(p.role ?? '') >= ROLES.indexOf(minRole));
  }, [api, minRole]);
  const options = profiles.value ?? [];
  const chosen = options.find(p => p.ref === formData);

  // A lone choice is made for the user; a value they may not use (prefilled) is cleared.
  useEffect(() => {
    const loaded = profiles.value;
    if (!loaded || loaded.some(p => p.ref === formData)) return;
    if (formData || loaded.length === 1) {
      onChange(loaded.length === 1 ? loaded[0].ref : undefined);
    }
  }, [profiles.value, formData, onChange]);

  const title = schema.title ?? 'Profile';
  if (profiles.loading) {
    return <FieldLoading>Loading your Kubeflow profiles…</FieldLoading>;
  }
  if (profiles.error) {
    return (
      <ErrorPanel
        title="Could not load your Kubeflow profiles"
        defaultExpanded
        error={profiles.error}
      >
        The portal could not ask the cluster which profiles you belong to.
        Reload the page; if it persists, the Kubeflow page shows each cluster's
        state.
      </ErrorPanel>
    );
  }
  if (!options.length) {
    return (
      <FieldHint title={title} error>
        You are not {minRole === 'owner' ? 'the owner' : 'an editor'} of any
        Kubeflow profile. Ask a profile's owner to add you as a contributor, or
        create your own profile with the Profile template.
      </FieldHint>
    );
  }
  return (
    <FieldSelect
      id={idSchema?.$id}
      title={title}
      required={required}
      value={chosen?.ref ?? ''}
      onChange={onChange}
      error={!!rawErrors?.length}
      renderValue={() => chosen?.name ?? ''}
      options={options.map(p => ({
        value: p.ref,
        primary: p.name,
        secondary: `${p.role} · ${p.cluster}`,
      }))}
    >
      {schema.description}
    </FieldSelect>
  );
};
