import { expect, Page } from '@playwright/test';

/**
 * Signs in as the guest and waits until the app shell is shown: only then has the sign-in been
 * stored, so a following `page.goto` does not land on the sign-in page again.
 */
export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // The nav element itself has no box (its drawer is fixed-positioned): wait for a link in it.
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
