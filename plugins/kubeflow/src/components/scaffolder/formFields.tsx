import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';

/** The deploy template's version field: `ui:field: KubeflowModelVersionPicker`. */
export const modelVersionPickerField = FormFieldBlueprint.make({
  name: 'model-version-picker',
  params: {
    field: () =>
      import('./ModelVersionPicker').then(m =>
        createFormField({
          name: 'KubeflowModelVersionPicker',
          component: m.ModelVersionPicker,
        }),
      ),
  },
});

/** The deploy template's runtime field: `ui:field: KubeflowServingRuntimePicker`. */
export const servingRuntimePickerField = FormFieldBlueprint.make({
  name: 'serving-runtime-picker',
  params: {
    field: () =>
      import('./ServingRuntimePicker').then(m =>
        createFormField({
          name: 'KubeflowServingRuntimePicker',
          component: m.ServingRuntimePicker,
        }),
      ),
  },
});

/** Profiles the user may write to: `ui:field: KubeflowProfilePicker` (`ui:options.minRole`). */
export const profilePickerField = FormFieldBlueprint.make({
  name: 'profile-picker',
  params: {
    field: () =>
      import('./ProfilePicker').then(m =>
        createFormField({
          name: 'KubeflowProfilePicker',
          component: m.ProfilePicker,
        }),
      ),
  },
});
