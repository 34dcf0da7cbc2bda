import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { ModelDto } from '@kubeflow-backstage/plugin-kubeflow-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { fakeApi, model } from '../../__testUtils__/fakeApi';
import { kubeflowEntity } from '../../__testUtils__/renderEntity';
import { ModelVersionPicker } from './ModelVersionPicker';
import { ProfilePicker } from './ProfilePicker';
import { ServingRuntimePicker } from './ServingRuntimePicker';

const MODEL_REF = 'resource:sandbox/team-vision.resnet50-vision';
const catalogApi = catalogApiMock({
  entities: [kubeflowEntity('RegisteredModel', 'resnet50-vision', { id: '1' })],
});

/** A field as the scaffolder renders it: the value, onChange and the whole form's data. */
function renderField(
  Field: typeof ModelVersionPicker,
  api: KubeflowApi,
  options: {
    value?: string;
    form: Record<string, unknown>;
    uiSchema?: Record<string, unknown>;
  },
) {
  const onChange = jest.fn();
  const props = {
    formData: options.value,
    onChange,
    schema: { title: 'Field', description: 'What to pick.' },
    uiSchema: options.uiSchema ?? {},
    formContext: { formData: options.form },
    idSchema: { $id: 'root_field' },
    rawErrors: [],
    required: true,
  } as any;
  renderInTestApp(
    <TestApiProvider
      apis={[
        [kubeflowApiRef, api],
        [catalogApiRef, catalogApi],
      ]}
    >
      <Field {...props} />
    </TestApiProvider>,
  );
  return onChange;
}

/** Never settles: the field stays loading. */
const pending = () => new Promise<never>(() => {});

/** Opens a select field and answers its options. */
async function openOptions() {
  fireEvent.mouseDown(await screen.findByRole('button', { name: /Field/ }));
  return within(await screen.findByRole('listbox')).getAllByRole('option');
}

jest.setTimeout(30_000);

describe('KubeflowModelVersionPicker', () => {
  it('lists the model’s versions with state and format, archived ones disabled, and keeps a prefilled live one', async () => {
    const { api } = fakeApi({ getModel: async () => model(true) });
    const onChange = renderField(ModelVersionPicker, api, {
      value: '2.0.0',
      form: { model: MODEL_REF, version: '2.0.0' },
    });
    const options = await openOptions();
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringMatching(/^2\.0\.0live · onnx 1 · created/),
      expect.stringMatching(/^1\.0\.0archived · onnx 1/),
    ]);
    expect(options[1]).toHaveAttribute('aria-disabled', 'true');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('chooses the newest live version when none (or an archived one) is given', async () => {
    const { api } = fakeApi();
    const onChange = renderField(ModelVersionPicker, api, {
      form: { model: MODEL_REF },
    });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith('2.0.0'));
  });

  it('shows loading while the versions are read', async () => {
    const { api } = fakeApi({ getModel: pending });
    renderField(ModelVersionPicker, api, { form: { model: MODEL_REF } });
    expect(
      await screen.findByText(`Loading the versions of ${MODEL_REF}…`),
    ).toBeInTheDocument();
  });

  it('says when the model has no live version, and what to do', async () => {
    const archived: ModelDto = {
      ...model(true),
      versions: model(true).versions.filter(v => v.state === 'ARCHIVED'),
    };
    const { api } = fakeApi({ getModel: async () => archived });
    renderField(ModelVersionPicker, api, { form: { model: MODEL_REF } });
    expect(
      await screen.findByText(/This model has no live versions\. Restore/),
    ).toBeInTheDocument();
  });

  it('shows why the versions could not be read', async () => {
    const { api } = fakeApi({
      getModel: async () => {
        throw new NotAllowedError('bob may not list inferenceservices');
      },
    });
    renderField(ModelVersionPicker, api, { form: { model: MODEL_REF } });
    expect(
      await screen.findByText(/Could not load the model's versions/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/bob may not list inferenceservices/)[0],
    ).toBeInTheDocument();
    expect(screen.getByText(/member of its\s+profile/)).toBeInTheDocument();
  });

  it('asks for the model first', async () => {
    const { api } = fakeApi();
    renderField(ModelVersionPicker, api, { form: {} });
    expect(
      await screen.findByText(/Choose the registered model first/),
    ).toBeInTheDocument();
  });
});

describe('KubeflowServingRuntimePicker', () => {
  const form = {
    model: MODEL_REF,
    version: '2.0.0',
    profile: 'group:sandbox/team-vision',
  };

  it('offers Automatic (the runtime the action picks) first, then the runtimes for the version’s format', async () => {
    const getServingRuntimes = jest.fn(fakeApi().api.getServingRuntimes);
    const { api } = fakeApi({ getServingRuntimes });
    const onChange = renderField(ServingRuntimePicker, api, { form });
    expect(
      await screen.findByRole('button', {
        name: /Automatic \(kserve-tritonserver\)/,
      }),
    ).toBeInTheDocument();
    expect(getServingRuntimes).toHaveBeenCalledWith({
      cluster: 'sandbox',
      namespace: 'team-vision',
      format: 'onnx',
      formatVersion: '1',
    });
    expect(
      screen.getByText(/serve onnx 1 models in profile team-vision/),
    ).toBeInTheDocument();
    const options = await openOptions();
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringMatching(/^Automatic \(kserve-tritonserver\)/),
      expect.stringMatching(/^vision-onnxthe profile's own runtime · disabled/),
      expect.stringMatching(/^kserve-tritonservercluster runtime/),
    ]);
    expect(options[1]).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(options[2]);
    expect(onChange).toHaveBeenCalledWith('kserve-tritonserver');
  });

  it('falls back to Automatic when the chosen runtime does not serve the version', async () => {
    const { api } = fakeApi();
    const onChange = renderField(ServingRuntimePicker, api, {
      value: 'kserve-sklearnserver',
      form,
    });
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(''));
  });

  it('shows loading while the runtimes are read', async () => {
    const { api } = fakeApi({ getServingRuntimes: pending });
    renderField(ServingRuntimePicker, api, { form });
    expect(
      await screen.findByText('Loading the serving runtimes…'),
    ).toBeInTheDocument();
  });

  it('says when no runtime serves the format, and what to do', async () => {
    const { api } = fakeApi({
      getServingRuntimes: async ({ format }) => ({ format, runtimes: [] }),
    });
    renderField(ServingRuntimePicker, api, { form });
    expect(
      await screen.findByText(
        /No serving runtime on sandbox serves onnx 1 models\. Ask a platform operator/,
      ),
    ).toBeInTheDocument();
  });

  it('shows why the runtimes could not be read', async () => {
    const { api } = fakeApi({
      getServingRuntimes: async () => {
        throw new NotAllowedError('bob may not list servingruntimes');
      },
    });
    renderField(ServingRuntimePicker, api, { form });
    expect(
      await screen.findByText(/Could not load the serving runtimes/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/bob may not list servingruntimes/)[0],
    ).toBeInTheDocument();
    expect(
      screen.getByText(/member of profile team-vision/),
    ).toBeInTheDocument();
  });

  it('asks for the profile first', async () => {
    const { api } = fakeApi();
    renderField(ServingRuntimePicker, api, {
      form: { model: MODEL_REF, version: '2.0.0' },
    });
    expect(
      await screen.findByText('Choose the profile first.'),
    ).toBeInTheDocument();
  });
});

describe('KubeflowProfilePicker', () => {
  const owner = { 'ui:options': { minRole: 'owner' } };

  it('offers the profiles the user may write to, as group refs, and picks a lone one', async () => {
    // team-vision: edit; team-nlp: view (not offered).
    const onChange = renderField(ProfilePicker, fakeApi().api, { form: {} });
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith('group:sandbox/team-vision'),
    );
    const options = await openOptions();
    expect(options.map(o => o.textContent)).toEqual([
      'team-visionedit · Local sandbox',
    ]);
  });

  it('offers only profiles the user owns when the template needs an owner, and says why there are none', async () => {
    const onChange = renderField(ProfilePicker, fakeApi().api, {
      value: 'group:sandbox/team-vision',
      form: {},
      uiSchema: owner,
    });
    expect(
      await screen.findByText(/You are not the owner of any Kubeflow profile/),
    ).toBeInTheDocument();
    // The prefilled profile is one the user may not use: cleared.
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('lists owned profiles for an owner', async () => {
    const { api } = fakeApi({
      getProfiles: async () => [
        { name: 'team-vision', role: 'owner' },
        { name: 'team-nlp', role: 'edit' },
      ],
    });
    renderField(ProfilePicker, api, { form: {}, uiSchema: owner });
    const options = await openOptions();
    expect(options.map(o => o.textContent)).toEqual([
      'team-visionowner · Local sandbox',
    ]);
  });

  it('shows a progress bar while loading', async () => {
    renderField(ProfilePicker, fakeApi({ getClusters: pending }).api, {
      form: {},
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('says why the profiles could not be read', async () => {
    const { api } = fakeApi({
      getProfiles: async () => {
        throw new Error('sandbox: 503 profiles unavailable');
      },
    });
    renderField(ProfilePicker, api, { form: {} });
    expect(
      await screen.findByText(/Could not load your Kubeflow profiles/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/503 profiles unavailable/)[0],
    ).toBeInTheDocument();
  });
});
