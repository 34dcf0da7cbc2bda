import { Page, expect, test } from '@playwright/test';
import { signIn } from './signIn';

const sandbox = `http://127.0.0.1:${
  process.env.KUBEFLOW_SANDBOX_PORT ?? '7010'
}`;

/** Opens an entity's Kubeflow tab, reloading until the catalog has ingested the entity. */
async function openKubeflowTab(page: Page, path: string, heading: string) {
  await expect(async () => {
    await page.goto(`${path}/kubeflow`);
    const enter = page.getByRole('button', { name: 'Enter' });
    // A reload on a busy machine can land on the sign-in page again.
    if (await enter.isVisible().catch(() => false)) await enter.click();
    await expect(page.getByText(heading)).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 120_000 });
}

test('a pipeline: start a run with a parameter and watch its DAG succeed; find the failed run’s error', async ({
  page,
}) => {
  await signIn(page);
  await openKubeflowTab(
    page,
    '/catalog/sandbox/resource/team-vision.image-classifier-training',
    'Version v2',
  );
  await expect(page.getByRole('img', { name: 'register-model' })).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/pipeline-entity.png',
    fullPage: true,
  });

  // Start a run of v2 with parameters (the form comes from the version's declared inputs).
  await page.getByRole('button', { name: 'Start run' }).click();
  const dialog = page.getByRole('dialog');
  const runName = `e2e-run-${Date.now()}`;
  await dialog.getByLabel('Run name').fill(runName);
  await dialog.getByLabel('epochs').fill('2');
  await dialog.getByLabel('learning_rate').fill('0.003');
  await dialog.getByLabel('dataset').fill('s3://datasets/defects/v3');
  await page.screenshot({ path: 'e2e-screenshots/pipeline-start-run.png' });
  await dialog.getByRole('button', { name: 'Start run' }).click();

  // The run's page: its DAG fills in task by task until the run succeeded.
  await expect(page.getByText(`Run ${runName}`)).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'preprocess-images: running' }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole('button', { name: 'register-model: succeeded' }),
  ).toBeVisible({ timeout: 75_000 });
  await expect(page.getByText('Succeeded').first()).toBeVisible();
  await expect(page.getByText('0.003').first()).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/pipeline-run-succeeded.png',
    fullPage: true,
  });

  // Back to the runs: only the failed ones, and the failing task's error.
  await page.getByRole('button', { name: 'All runs' }).click();
  // The runs table's state filter (the first "State" control; the column header is the other).
  await page
    .getByRole('button', { name: 'State', exact: true })
    .first()
    .click();
  await page.getByRole('option', { name: 'Failed' }).click();
  const failed = page.getByRole('button', {
    name: 'Open run train-resnet50-bad-labels',
  });
  await expect(failed).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Open run train-resnet50-lr-0005' }),
  ).toHaveCount(0);
  await failed.click();
  await expect(
    page.getByRole('button', { name: 'register-model: failed' }),
  ).toBeVisible();
  await expect(page.getByText(/Task register-model failed/)).toBeVisible();
  await expect(
    page.getByText(/RuntimeError: register-model failed/).first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/pipeline-run-failed.png',
    fullPage: true,
  });
});

test('a Katib experiment: trials with the best one, and a parameter hidden in the plot', async ({
  page,
}) => {
  await signIn(page);
  await openKubeflowTab(
    page,
    '/catalog/sandbox/resource/team-vision.resnet-lr-tuning',
    'Katib experiment resnet-lr-tuning',
  );
  await expect(page.getByText('minimize loss')).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'best' }).first(),
  ).toBeVisible();
  const momentum = page.getByRole('img', { name: 'momentum against loss' });
  await expect(momentum).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/katib-experiment.png',
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Hide parameter momentum' }).click();
  await expect(momentum).toHaveCount(0);
  await expect(
    page.getByRole('img', { name: 'lr against loss' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/katib-parameter-hidden.png',
    fullPage: true,
  });
});

test('a TrainJob: suspend and resume it', async ({ page, request }) => {
  // The catalog has to ingest the new job first.
  test.setTimeout(240_000);
  // A job of its own, created suspended (the seeded ones finish within seconds of the start).
  const name = `e2e-train-${Date.now()}`;
  const created = await request.post(
    `${sandbox}/apis/trainer.kubeflow.org/v1alpha1/namespaces/team-vision/trainjobs`,
    {
      data: {
        apiVersion: 'trainer.kubeflow.org/v1alpha1',
        kind: 'TrainJob',
        metadata: { name, namespace: 'team-vision' },
        spec: {
          runtimeRef: { name: 'torch-distributed' },
          trainer: {
            numNodes: 2,
            image: 'pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime',
            resourcesPerNode: { limits: { 'nvidia.com/gpu': '1' } },
          },
          suspend: true,
        },
      },
    },
  );
  expect(created.status()).toBe(201);
  await signIn(page);
  await openKubeflowTab(
    page,
    `/catalog/sandbox/resource/team-vision.${name}`,
    `TrainJob ${name}`,
  );
  await expect(page.getByText(/^Stopped — /)).toBeVisible();
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(
    page.getByRole('button', { name: 'Suspend', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'Resumed', exact: true }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({
    path: 'e2e-screenshots/trainjob-running.png',
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(
    page.getByRole('button', { name: 'Resume', exact: true }),
  ).toBeVisible();
  await expect(page.getByText(/^Stopped — /)).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({
    path: 'e2e-screenshots/trainjob-suspended.png',
    fullPage: true,
  });
});
