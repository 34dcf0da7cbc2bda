import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { selectedTemplateRouteRef } from '../../routes';
import { fakeApi, model } from '../../__testUtils__/fakeApi';
import { ModelContent, lineageOf, producerLabel } from './ModelContent';

const modelEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'team-vision.resnet50-vision',
    namespace: 'sandbox',
    annotations: {
      'kubeflow.org/cluster': 'sandbox',
      'kubeflow.org/namespace': 'team-vision',
      'kubeflow.org/name': 'resnet50-vision',
      'kubeflow.org/kind': 'RegisteredModel',
      'kubeflow.org/id': '1',
    },
  },
  spec: { type: 'ai-model' },
};

function render(api: KubeflowApi) {
  renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <EntityProvider entity={modelEntity}>
        <ModelContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/create/templates/:namespace/:templateName': selectedTemplateRouteRef,
      },
    },
  );
}

jest.setTimeout(20_000);

/** The versions table, once the page has loaded. */
async function versionsTable() {
  const cell = await screen.findByText(
    's3://models/team-vision/resnet50-vision/2.0.0/',
  );
  return cell.closest('table')!;
}

describe('ModelContent', () => {
  it('shows the versions with artifacts, producers and deployments, and the lineage', async () => {
    const { api } = fakeApi();
    render(api);
    const table = await versionsTable();
    expect(within(table).getByText('2.0.0')).toBeInTheDocument();
    expect(
      within(table).getByText('s3://models/team-vision/resnet50-vision/2.0.0/'),
    ).toBeInTheDocument();
    expect(within(table).getByText('accuracy: 0.951')).toBeInTheDocument();
    expect(within(table).getAllByText('resnet-finetune')).toHaveLength(2);
    expect(within(table).getByText('resnet50-vision')).toBeInTheDocument();
    expect(within(table).getByText('not deployed')).toBeInTheDocument();
    expect(within(table).getAllByText('Pipeline run run-1').length).toBe(2);
    // The lineage graph: producer → version → endpoint.
    expect(
      await screen.findByLabelText('Endpoint resnet50-vision'),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('Notebook resnet-finetune'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Version 2.0.0')).toBeInTheDocument();
    expect(screen.getByText(/latest live version/i)).toBeInTheDocument();
  });

  it('archives a version as the signed-in user and shows it archived', async () => {
    let archived = false;
    const { api } = fakeApi({
      getModel: async () => model(archived),
      setModelVersionState: jest.fn(async ({ state }) => {
        archived = state === 'ARCHIVED';
        return model(archived);
      }),
    });
    render(api);
    const table = await versionsTable();
    const row = within(table).getByText('1.0.0').closest('tr')!;
    fireEvent.click(
      await within(row).findByRole('button', { name: 'Archive' }),
    );
    await waitFor(() =>
      expect(api.setModelVersionState).toHaveBeenCalledWith(
        expect.objectContaining({
          namespace: 'team-vision',
          name: 'resnet50-vision',
          version: '1.0.0',
          state: 'ARCHIVED',
        }),
      ),
    );
    // The page reloads the model: find the row again.
    await waitFor(() => {
      const after = within(table).getByText('1.0.0').closest('tr')!;
      expect(
        within(after).getByRole('button', { name: 'Restore' }),
      ).toBeInTheDocument();
      expect(within(after).getByText('Archived')).toBeInTheDocument();
    });
  });

  it('offers editors Deploy on live versions, opening the deploy template prefilled', async () => {
    const { api } = fakeApi({ getModel: async () => model(true) });
    render(api);
    const table = await versionsTable();
    // A link (it navigates) that looks and reads as a button, as MUI renders LinkButton.
    const deploy = await within(table).findByRole('button', {
      name: 'Deploy version 2.0.0',
    });
    const href = new URL(deploy.getAttribute('href')!, 'http://portal');
    expect(href.pathname).toBe(
      '/create/templates/default/kubeflow-deploy-model',
    );
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      model: 'resource:sandbox/team-vision.resnet50-vision',
      version: '2.0.0',
      profile: 'group:sandbox/team-vision',
    });
    // 1.0.0 is archived: it can be restored, not deployed.
    const archivedRow = within(table).getByText('1.0.0').closest('tr')!;
    expect(
      within(archivedRow).getByRole('button', { name: 'Restore' }),
    ).toBeInTheDocument();
    expect(within(archivedRow).queryByText('Deploy')).toBeNull();
    expect(within(table).getAllByText('Deploy')).toHaveLength(1);
  });

  it('shows viewers of the profile no Deploy, Archive or Restore', async () => {
    const { api } = fakeApi({
      getProfiles: async () => [
        { name: 'team-vision', owner: 'alice@example.com', role: 'view' },
      ],
    });
    render(api);
    const table = await versionsTable();
    // The table waits for the caller's role, so it is known once the table shows.
    expect(within(table).queryByText('Actions')).toBeNull();
    expect(within(table).queryByText('Deploy')).toBeNull();
    expect(within(table).queryByText('Archive')).toBeNull();
  });

  it('says why an archive was refused and keeps the page', async () => {
    const { api } = fakeApi({
      setModelVersionState: async () => {
        throw new NotAllowedError(
          'erin@example.com may not create inferenceservices',
        );
      },
    });
    render(api);
    const table = await versionsTable();
    fireEvent.click(
      (await within(table).findAllByRole('button', { name: 'Archive' }))[0],
    );
    expect(
      (await screen.findAllByText(/may not create inferenceservices/)).length,
    ).toBeGreaterThan(0);
    expect(within(table).getByText('2.0.0')).toBeInTheDocument();
  });

  it('says what to do when the model has no versions, and when the backend refuses', async () => {
    render(
      fakeApi({ getModel: async () => ({ ...model(), versions: [] }) }).api,
    );
    expect(
      await screen.findByText(/No versions are registered for this model yet/),
    ).toBeInTheDocument();
  });

  it('shows the backend’s refusal instead of a blank page', async () => {
    render(
      fakeApi({
        getModel: async () => {
          throw new NotAllowedError(
            'bob@example.com may not list inferenceservices in team-vision',
          );
        },
      }).api,
    );
    expect(
      (await screen.findAllByText(/may not list inferenceservices/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Versions')).toBeNull();
  });

  it('names a pipeline run by the start of its id', () => {
    expect(
      producerLabel({
        kind: 'Pipeline run',
        name: '906ef8aa-043f-4c05-aae4-347e761729fc',
      }),
    ).toBe('run 906ef8aa');
    expect(producerLabel({ kind: 'Notebook', name: 'resnet-finetune' })).toBe(
      'resnet-finetune',
    );
  });

  it('draws one node per producer, version and endpoint', () => {
    const { nodes, edges } = lineageOf(model());
    expect(nodes.map(n => n.id).sort()).toEqual([
      'Notebook:resnet-finetune',
      'Pipeline run:run-1',
      'endpoint:team-vision/resnet50-vision',
      'version:1.0.0',
      'version:2.0.0',
    ]);
    expect(nodes.find(n => n.kind === 'Pipeline run')?.label).toBe('run-1');
    expect(edges).toContainEqual({
      from: 'version:2.0.0',
      to: 'endpoint:team-vision/resnet50-vision',
    });
  });
});
