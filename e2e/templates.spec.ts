import { expect, Page, test } from '@playwright/test';
import { signIn } from './signIn';

/**
 * Picks an option of a form field by its label: an EntityPicker / OwnerPicker (an MUI
 * Autocomplete) or one of our select fields (KubeflowProfilePicker and the others).
 */
async function pick(
  page: Page,
  label: string | RegExp,
  option: string | RegExp,
) {
  const box = page
    .getByRole('combobox', { name: label })
    .or(page.getByRole('button', { name: label }))
    .or(page.getByLabel(label).first());
  await box.first().click();
  await page.getByRole('option', { name: option }).first().click();
}

async function openTemplate(page: Page, name: string, title: string) {
  await signIn(page);
  await page.goto('/create');
  await expect(
    page.getByRole('heading', { name: title }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/templates-list.png',
    fullPage: true,
  });
  await page.goto(`/create/templates/default/${name}`);
  await expect(
    page.getByRole('heading', { name: title }).first(),
  ).toBeVisible();
}

async function finish(page: Page, screenshot: string) {
  await page.getByRole('button', { name: 'Review' }).click();
  await page.screenshot({
    path: `e2e-screenshots/${screenshot}-review.png`,
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Create' }).click();
}

test('Notebook template: the guest creates a notebook server in team-vision and lands on its page', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openTemplate(page, 'kubeflow-notebook', 'Notebook server');
  // Only the profiles the guest may write to: team-vision (edit), not team-nlp (view).
  await page.getByRole('button', { name: /Profile/ }).click();
  await expect(page.getByRole('option')).toHaveText([/^team-vision\s*edit/]);
  await page.getByRole('option', { name: /team-vision/ }).click();
  await page.getByLabel(/^Name/).fill('e2e-notebook');
  await page.screenshot({
    path: 'e2e-screenshots/template-notebook-form.png',
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Kind of server')).toBeVisible();
  await finish(page, 'template-notebook');

  const open = page.getByRole('link', { name: 'Open the notebook page' });
  await expect(open).toBeVisible({ timeout: 120_000 });
  await page.screenshot({
    path: 'e2e-screenshots/template-notebook-done.png',
    fullPage: true,
  });
  await open.click();
  await expect(page).toHaveURL(
    /\/catalog\/sandbox\/resource\/team-vision\.e2e-notebook/,
  );
  await expect(
    page.getByRole('heading', { name: /e2e-notebook/ }).first(),
  ).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({
    path: 'e2e-screenshots/template-notebook-entity.png',
    fullPage: true,
  });
});

test('Deploy a model version: from the model page, resnet50-vision 2.0.0 becomes a Ready endpoint', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.goto(
    '/catalog/sandbox/resource/team-vision.resnet50-vision/kubeflow',
  );
  const deploy = page.getByRole('button', { name: 'Deploy version 2.0.0' });
  await expect(deploy).toBeVisible({ timeout: 60_000 });
  // 1.0.0 is archived: it offers Restore, not Deploy.
  await expect(
    page.getByRole('button', { name: 'Deploy version 1.0.0' }),
  ).toHaveCount(0);
  // The lineage graph lays itself out after the table; wait for it so the picture shows it.
  await expect(page.getByLabel('Training job resnet50-ddp')).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/model-page-deploy.png',
    fullPage: true,
  });
  await deploy.click();

  // The template opens with the model, the version and the profile filled in.
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/kubeflow-deploy-model\?formData=/,
  );
  await expect(
    page.getByRole('heading', { name: 'Deploy a model version' }).first(),
  ).toBeVisible();
  const version = page.getByRole('button', { name: /Version.*2\.0\.0/ });
  await expect(version).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/live · onnx 1 · created/)).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/template-deploy-version-picker.png',
    fullPage: true,
  });
  // The picker lists the model's versions; the archived one cannot be chosen.
  await version.click();
  await expect(page.getByRole('option', { name: /^1\.0\.0/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.screenshot({
    path: 'e2e-screenshots/template-deploy-version-options.png',
    fullPage: true,
  });
  await page.getByRole('option', { name: /^2\.0\.0/ }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  // The runtime picker: Automatic names the runtime the action would take; pick it explicitly.
  const runtime = page.getByRole('button', {
    name: /Serving runtime.*Automatic \(kserve-tritonserver\)/,
  });
  await expect(runtime).toBeVisible({ timeout: 30_000 });
  await runtime.click();
  await page.screenshot({
    path: 'e2e-screenshots/template-deploy-runtime-options.png',
    fullPage: true,
  });
  await page.getByRole('option', { name: /^kserve-tritonserver/ }).click();
  await expect(
    page.getByRole('button', { name: /Serving runtime.*kserve-tritonserver/ }),
  ).toBeVisible();
  await page.getByLabel(/^Endpoint name/).fill('e2e-endpoint');
  await page.screenshot({
    path: 'e2e-screenshots/template-deploy-runtime-picker.png',
    fullPage: true,
  });
  await finish(page, 'template-deploy');

  const open = page.getByRole('link', { name: 'Open the endpoint page' });
  await expect(open).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText(/kserve-tritonserver/).first()).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/template-deploy-done.png',
    fullPage: true,
  });
  await open.click();
  await expect(page).toHaveURL(
    /\/catalog\/sandbox\/component\/team-vision\.e2e-endpoint/,
  );
  await expect(page.getByText(/Ready/).first()).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({
    path: 'e2e-screenshots/template-deploy-entity.png',
    fullPage: true,
  });
});

test('New ML project end to end: notebook, pipeline, first run, published and in the catalog', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openTemplate(page, 'ml-project', 'New ML project');
  await page.getByLabel(/^Name/).fill('e2e-churn');
  await pick(page, /Owner/, /ML Platform/);
  await page.getByRole('button', { name: 'Next' }).click();
  await pick(page, /Existing profile/, /team-vision/);
  await page.screenshot({
    path: 'e2e-screenshots/template-ml-project-kubeflow.png',
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Publish to')).toBeVisible();
  await finish(page, 'template-ml-project');

  await expect(
    page.getByRole('link', { name: 'Open the project' }),
  ).toBeVisible({
    timeout: 180_000,
  });
  // A retry of this journey (same names) reuses the run its first attempt started.
  await expect(
    page
      .getByText(/Started run e2e-churn-first-run/)
      .or(page.getByText(/run named e2e-churn-first-run already exists/)),
  ).toBeVisible();
  await expect(page.getByText(/Published the project to/)).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/template-ml-project-done.png',
    fullPage: true,
  });
  // The project's notebook server is a catalog entity at once.
  await page.getByRole('link', { name: 'Open the notebook server' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/sandbox\/resource\/team-vision\.e2e-churn-notebook/,
  );
  await expect(page.getByText('kubeflow-notebook').first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/template-ml-project-notebook.png',
    fullPage: true,
  });
  // The published project itself: the publish step asked the catalog to read it, so it is there
  // in seconds — well before the catalog's own next pass over the location (100-150 s).
  await expect(async () => {
    await page.goto('/catalog/default/component/e2e-churn');
    await expect(page.getByText('ml-project').first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByRole('heading', { name: 'e2e-churn' })).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/template-ml-project-component.png',
    fullPage: true,
  });
});
