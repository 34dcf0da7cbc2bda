import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { KubeflowPage } from './KubeflowPage';

function renderWith(api: KubeflowApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <KubeflowPage />
    </TestApiProvider>,
  );
}

describe('KubeflowPage', () => {
  it('lists the configured clusters', async () => {
    renderWith({
      getClusters: async () => [
        {
          name: 'sandbox',
          title: 'Local sandbox',
          dashboardUrl: 'https://kf.example.com',
        },
      ],
    });
    expect(await screen.findByText('Local sandbox')).toBeInTheDocument();
    expect(screen.getByText('https://kf.example.com')).toBeInTheDocument();
  });

  it('says how to configure a cluster when there is none', async () => {
    renderWith({ getClusters: async () => [] });
    expect(
      await screen.findByText(/No Kubeflow cluster is configured/),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    renderWith({
      getClusters: async () => {
        throw new Error('backend unreachable');
      },
    });
    expect(
      await screen.findByText('Error: backend unreachable', { selector: 'h6' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Local sandbox')).not.toBeInTheDocument();
  });
});
