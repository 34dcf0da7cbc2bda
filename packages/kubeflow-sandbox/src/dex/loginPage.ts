import type { DexUser } from './types';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[
        c
      ]!),
  );

/**
 * Dex's login screen, reduced to what a sandbox needs: one button per known user; the form posts
 * the authorization request back with the chosen `login`.
 */
export function loginPage(
  action: string,
  params: URLSearchParams,
  users: DexUser[],
  clientName: string,
): string {
  const hidden = [...params]
    .filter(([key]) => key !== 'login')
    .map(
      ([key, value]) =>
        `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(
          value,
        )}">`,
    )
    .join('');
  const buttons = users
    .map(
      user =>
        `<li><button type="submit" name="login" value="${escapeHtml(
          user.email,
        )}">${escapeHtml(user.name)} &lt;${escapeHtml(
          user.email,
        )}&gt;</button></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Log in to the Kubeflow sandbox</title></head>
<body><main>
<h1>Log in to ${escapeHtml(clientName)}</h1>
<p>Kubeflow sandbox (a Dex stand-in): choose who you are.</p>
<form method="post" action="${escapeHtml(
    action,
  )}">${hidden}<ul>${buttons}</ul></form>
</main></body></html>`;
}
