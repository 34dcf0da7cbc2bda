import { expect, test } from '@playwright/test';
import { signIn } from './signIn';

test('catalog search finds models by name, within the profiles the user belongs to', async ({
  page,
}) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  // The index is rebuilt every 30 s in the demo config: search until the model shows up.
  const fraud = page.getByRole('link', { name: /^fraud-detection$/ });
  await expect(async () => {
    await page.goto('/search?query=fraud');
    await expect(fraud.first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 120_000 });
  await expect(page.getByText('fraud-detection v2').first()).toBeVisible();
  await page.screenshot({
    path: 'e2e-screenshots/search-fraud.png',
    fullPage: true,
  });

  // A metric recorded on a version finds it too.
  await page.goto('/search?query=auc');
  await expect(page.getByText(/fraud-detection v[12]/).first()).toBeVisible();

  // The guest belongs to team-vision and team-nlp, not team-forecasting: its model stays hidden.
  await page.goto('/search?query=xgboost');
  await expect(page.getByText(/results|No results/i).first()).toBeVisible();
  await expect(page.getByText('demand-forecast-xgb')).toHaveCount(0);
});
