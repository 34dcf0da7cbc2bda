import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

test('a guest signs in, sees the demo organisation and opens the Kubernetes tab', async ({
  page,
}) => {
  await signIn(page);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Catalog', exact: true }).click();

  // The demo organisation: groups and their people.
  await page.goto('/?filters[kind]=group');
  await expect(
    page.getByRole('link', { name: 'Computer Vision', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Forecasting', exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/catalog-groups.png',
    fullPage: true,
  });

  await page.goto('/catalog/default/group/computer-vision');
  await expect(page.getByText('alice@example.com').first()).toBeVisible();

  // The standard Kubernetes tab of a component without pods: no error page.
  await page.goto('/catalog/default/component/forecast-api');
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(
    page.getByText(/No resources on any known clusters/i),
  ).toBeVisible();
  await expect(
    page.getByText(/error communicating with Kubernetes/i),
  ).toHaveCount(0);

  // The same tab of a Kubeflow notebook from the sandbox shows its pod.
  await page.goto('/catalog/sandbox/resource/team-vision.defect-eda');
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(page.getByText('sandbox').first()).toBeVisible();
  await expect(page.getByText('1 pod', { exact: true })).toBeVisible();
  await expect(page.getByText('No pods with errors')).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/kubernetes-tab.png',
    fullPage: true,
  });
});
