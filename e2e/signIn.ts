import { expect, Page } from '@playwright/test';

/**
 * Signs in as the guest and waits until the app shell is shown: only then has the sign-in been
 * stored, so a following `page.goto` does not land on the sign-in page again.
 *
 * Mind that `page.goto` loads the app again, and loading it signs the guest in again: a new
 * token, with the ownership claims of that moment. A journey about what a signed-in user sees as
 * time goes on (say, a sign-in made before the catalog had read the cluster) moves with
 * {@link openInApp} instead, or each reload hides what it looks for.
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

/**
 * Opens a path of the app as its own links do: the same page and the same sign-in, no reload.
 */
export async function openInApp(page: Page, path: string) {
  await page.evaluate(to => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Counts the sign-ins (guest token requests) the page makes from now on. */
export function countSignIns(page: Page): () => number {
  let count = 0;
  page.on('request', request => {
    if (new URL(request.url()).pathname === '/api/auth/guest/refresh') count++;
  });
  return () => count;
}
