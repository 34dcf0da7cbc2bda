import { expect, Page } from '@playwright/test';

/**
 * Signs in as the guest and waits until the app shell is shown: only then has the sign-in been
 * stored, so a following `page.goto` does not land on the sign-in page again.
 */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }),
  ).toBeVisible();
}
