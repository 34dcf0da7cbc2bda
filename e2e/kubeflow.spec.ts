import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

test('the Kubeflow page: pick a profile, stop and start a notebook live, promote a canary', async ({
  page,
}) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Kubeflow' }).click();

  await expect(page.getByText('Local Kubeflow sandbox')).toBeVisible();
  await expect(page.getByText('Synced')).toBeVisible();
  // The guest contributes to team-nlp (view) and team-vision (edit), and sees only those.
  await expect(page.getByText('Notebooks in team-nlp')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Stop / })).toHaveCount(0);
  await page.getByText('team-nlp (view)').click();
  await expect(page.getByRole('option')).toHaveCount(2);
  await page.getByRole('option', { name: 'team-vision (edit)' }).click();
  await expect(page.getByText('Notebooks in team-vision')).toBeVisible();

  const stop = page.getByRole('button', { name: 'Stop defect-eda' });
  await expect(stop).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/kubeflow-home.png',
    fullPage: true,
  });
  await stop.click();
  await page.getByRole('button', { name: 'Stop notebook' }).click();
  const row = page.getByRole('row').filter({ hasText: 'defect-eda' });
  // The controller scales the server down; the page follows through the live channel.
  await expect(row.getByText(/^Stopped/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Start defect-eda' }).click();
  await expect(row.getByText(/^Running/)).toBeVisible({ timeout: 30_000 });

  const promote = page.getByRole('button', { name: 'Promote resnet50-vision' });
  await expect(
    page.getByRole('img', { name: '10% of traffic on the latest revision' }),
  ).toBeVisible();
  await promote.click();
  await expect(
    page.getByRole('img', { name: '100% of traffic on the latest revision' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await page.screenshot({
    path: 'e2e-screenshots/kubeflow-after-actions.png',
    fullPage: true,
  });

  // The endpoint's own entity page has the same live view on its Kubeflow tab.
  await page.goto(
    '/catalog/sandbox/component/team-vision.resnet50-vision/kubeflow',
  );
  await expect(page.getByText('Endpoint resnet50-vision')).toBeVisible();
  await expect(
    page.getByRole('img', { name: '100% of traffic on the latest revision' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/endpoint-entity.png',
    fullPage: true,
  });

  // The profile's group page: its owner, contributors with their roles, what it holds.
  await page.goto('/catalog/sandbox/group/team-vision/kubeflow');
  await expect(page.getByText('Profile team-vision')).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'dave@example.com' }),
  ).toContainText('edit');
  await page.screenshot({
    path: 'e2e-screenshots/profile-entity.png',
    fullPage: true,
  });
});

test('a model page: versions, lineage, archive and restore, and on to the endpoint serving it', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    '/catalog/sandbox/resource/team-vision.resnet50-vision/kubeflow',
  );
  await expect(page.getByText('Model resnet50-vision')).toBeVisible();
  const versions = page.getByRole('table').filter({ hasText: 'Deployed at' });
  const row = (version: string) =>
    versions.getByRole('row').filter({ hasText: version }).first();
  await expect(row('2.0.0')).toContainText(
    's3://models/team-vision/resnet50-vision/2.0.0/',
  );
  await expect(row('1.0.0')).toContainText('Archived');
  // The lineage: the notebook and the training job that produced 2.0.0, the endpoint serving it.
  await expect(page.getByLabel('Training job resnet50-ddp')).toBeVisible();
  await expect(page.getByLabel('Endpoint resnet50-vision')).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/model-entity.png',
    fullPage: true,
  });

  // The guest edits team-vision: archive 1.1.0, then restore it.
  await row('1.1.0').getByRole('button', { name: 'Archive' }).click();
  await expect(
    row('1.1.0').getByRole('button', { name: 'Restore' }),
  ).toBeVisible();
  await row('1.1.0').getByRole('button', { name: 'Restore' }).click();
  await expect(
    row('1.1.0').getByRole('button', { name: 'Archive' }),
  ).toBeVisible();

  // Follow version 2.0.0 to the endpoint that serves it.
  await row('2.0.0').getByRole('link', { name: 'resnet50-vision' }).click();
  await expect(page).toHaveURL(/component\/team-vision\.resnet50-vision/);
  await page.goto(`${page.url().replace(/\/$/, '')}/kubeflow`);
  await expect(page.getByText('Endpoint resnet50-vision')).toBeVisible();

  // A notebook's page: its configurations and its pod's events.
  await page.goto(
    '/catalog/sandbox/resource/team-vision.resnet-finetune/kubeflow',
  );
  await expect(page.getByText('Notebook resnet-finetune')).toBeVisible();
  await expect(
    page.getByText('Allow access to Kubeflow Pipelines'),
  ).toBeVisible();
  await expect(
    page.getByRole('table').filter({ hasText: 'Last seen' }),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/notebook-entity.png',
    fullPage: true,
  });
});
