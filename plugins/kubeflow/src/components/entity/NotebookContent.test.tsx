import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { fakeApi, notebook } from '../../__testUtils__/fakeApi';
import { NotebookContent } from './NotebookContent';

jest.setTimeout(20_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'team-vision.defect-eda',
    namespace: 'sandbox',
    annotations: {
      'kubeflow.org/cluster': 'sandbox',
      'kubeflow.org/namespace': 'team-vision',
      'kubeflow.org/name': 'defect-eda',
      'kubeflow.org/kind': 'Notebook',
    },
  },
  spec: { type: 'kubeflow-notebook' },
};

function render(api: KubeflowApi) {
  renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <EntityProvider entity={entity}>
        <NotebookContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('NotebookContent', () => {
  it('shows volumes, configurations and the pod’s events', async () => {
    const { api } = fakeApi({
      getNotebook: async () => ({
        ...notebook('defect-eda', false),
        volumes: [
          {
            name: 'ws',
            mountPath: '/home/jovyan',
            claimName: 'defect-eda-workspace',
          },
        ],
        configurations: [
          { name: 'add-minio-secret', description: 'Add MinIO credentials' },
        ],
      }),
    });
    render(api);
    expect(
      await screen.findByText('/home/jovyan ← claim defect-eda-workspace'),
    ).toBeInTheDocument();
    expect(screen.getByText('Add MinIO credentials')).toBeInTheDocument();
    expect(screen.getByText('FailedScheduling')).toBeInTheDocument();
    expect(
      screen.getByText(
        '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Pod/defect-eda-0')).toBeInTheDocument();
  });

  it('deletes only after confirmation', async () => {
    const { api } = fakeApi();
    render(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(
      await screen.findByText('Delete notebook defect-eda?'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(screen.queryByText('Delete notebook defect-eda?')).toBeNull(),
    );
    expect(api.deleteNotebook).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      (await screen.findAllByRole('button', { name: 'Delete' })).find(b =>
        dialog.contains(b),
      )!,
    );
    await waitFor(() =>
      expect(api.deleteNotebook).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'defect-eda' }),
      ),
    );
    expect(await screen.findByText('Notebook deleted')).toBeInTheDocument();
  });

  it('says when there are no recent events', async () => {
    render(fakeApi({ getNotebookEvents: async () => [] }).api);
    expect(await screen.findByText(/No recent events/)).toBeInTheDocument();
  });
});
