import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { KubeflowApi, kubeflowApiRef } from '../../api/KubeflowApi';
import { fakeApi, model } from '../../__testUtils__/fakeApi';
import { selectedTemplateRouteRef } from '../../routes';
import { ModelsCard } from './ModelsCard';

jest.setTimeout(20_000);

function render(api: KubeflowApi, canChange?: boolean) {
  renderInTestApp(
    <TestApiProvider apis={[[kubeflowApiRef, api]]}>
      <ModelsCard
        cluster="sandbox"
        namespace="team-vision"
        refreshKey={0}
        canChange={canChange}
      />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/create/templates/:namespace/:templateName': selectedTemplateRouteRef,
      },
    },
  );
}

describe('ModelsCard', () => {
  it('lists models with their latest live version and where they are served', async () => {
    render(fakeApi().api);
    const link = await screen.findByText('resnet50-vision');
    const row = link.closest('tr')!;
    expect(link.closest('a')).toHaveAttribute(
      'href',
      '/catalog/sandbox/resource/team-vision.resnet50-vision',
    );
    expect(within(row).getByText('2.0.0')).toBeInTheDocument();
    expect(
      within(row).getByText('resnet50-vision (2.0.0)'),
    ).toBeInTheDocument();
  });

  it('offers Deploy of the latest live version to editors only', async () => {
    render(fakeApi().api, true);
    const deploy = await screen.findByRole('button', {
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
  });

  it('shows no Deploy to viewers', async () => {
    render(fakeApi().api, false);
    expect(await screen.findByText('resnet50-vision')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Deploy version/ }),
    ).toBeNull();
  });

  it('says when a model is not deployed, and when a profile has no models', async () => {
    const undeployed = model();
    undeployed.versions = undeployed.versions.map(v => ({
      ...v,
      deployments: [],
    }));
    render(fakeApi({ getModels: async () => [undeployed] }).api);
    expect(await screen.findByText('not deployed')).toBeInTheDocument();
  });

  it('says what to do when the profile has no models', async () => {
    render(fakeApi({ getModels: async () => [] }).api);
    expect(
      await screen.findByText(/No registered models in team-vision/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'deploy it' })).toHaveAttribute(
      'href',
      '/create/templates/default/kubeflow-deploy-model',
    );
  });

  it('shows the backend’s error, and a progress bar while loading', async () => {
    let fail: (e: Error) => void = () => {};
    render(
      fakeApi({
        getModels: () => new Promise((_, reject) => (fail = reject)),
      }).api,
    );
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    fail(new Error('The Model Registry of sandbox is unreachable'));
    expect(
      (await screen.findAllByText(/Model Registry of sandbox is unreachable/))
        .length,
    ).toBeGreaterThan(0);
  });
});
