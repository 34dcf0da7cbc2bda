import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DexClient,
  Sandbox,
  startSandbox,
} from '@kubeflow-backstage/kubeflow-sandbox';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { inspect } from 'node:util';
import yaml from 'js-yaml';
import oidcSignInModule from '.';

const REPO = path.resolve(__dirname, '../../../../..');
const AUTH_LAYER = path.join(
  REPO,
  'deploy/overlays/production/app-config.production-auth.yaml',
);

/** A config file with `${VAR}` in its values taken from `env`, as the backend's loader does. */
function loadLayer(file: string, env: Record<string, string>): any {
  const substitute = (value: unknown): unknown => {
    if (typeof value === 'string')
      return value.replace(/\$\{(\w+)\}/g, (_, name) => {
        if (!(name in env)) throw new Error(`${file} reads unset ${name}`);
        return env[name];
      });
    if (Array.isArray(value)) return value.map(substitute);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, substitute(v)]),
      );
    return value;
  };
  return substitute(yaml.load(fs.readFileSync(file, 'utf8')));
}

/** The demo organisation's User entities: the people the production catalog holds. */
const users = (
  yaml.loadAll(
    fs.readFileSync(path.join(REPO, 'examples/org.yaml'), 'utf8'),
  ) as any[]
).filter(e => e?.kind === 'User');

/** A User entity whose e-mail Dex reports unverified. */
const unverifiedUser = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'uma', namespace: 'default' },
  spec: { profile: { email: 'uma@example.org' }, memberOf: [] },
};

/** `name=value` of each cookie set (not removed), for the next request's Cookie header. */
const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map(c => c.split(';')[0])
    .filter(c => !c.endsWith('='));

/** The message the callback page posts to the app window. */
function webMessage(html: string): any {
  const match = html.match(
    /var authResponse = decodeURIComponent\('([^']*)'\)/,
  );
  if (!match) throw new Error(`no auth response in ${html.slice(0, 200)}`);
  return JSON.parse(decodeURIComponent(match[1]));
}

describe('production sign-in: OIDC against the sandbox Dex', () => {
  // Everything the backend logs (at debug), to prove no credential is in it.
  const logged: string[] = [];
  for (const level of ['error', 'warn', 'info', 'debug'] as const)
    jest
      .spyOn(console, level)
      .mockImplementation((...args) =>
        logged.push(args.map(a => inspect(a, { depth: 5 })).join(' ')),
      );
  let sandbox: Sandbox;
  let backendUrl: string;
  const client: DexClient = {
    id: 'kubeflow-portal',
    secret: 'test-client-secret-0c1f',
    redirectURIs: [],
  };

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'none',
      controllers: false,
      dex: {
        clients: [client],
        users: [
          { email: 'mallory@example.org', name: 'Mallory' },
          { email: 'uma@example.org', name: 'Uma', emailVerified: false },
        ],
      },
      logger: { warn: () => {} },
    });
    // The production overlay's auth layer, with the values its Secret would hold.
    const authLayer = loadLayer(AUTH_LAYER, {
      AUTH_SESSION_SECRET: 'test-session-secret',
      AUTH_OIDC_METADATA_URL: `${sandbox.dexIssuer}/.well-known/openid-configuration`,
      AUTH_OIDC_CLIENT_ID: client.id,
      AUTH_OIDC_CLIENT_SECRET: client.secret,
    });
    const backend = await startTestBackend({
      features: [
        authPlugin,
        oidcSignInModule,
        catalogServiceMock.factory({ entities: [...users, unverifiedUser] }),
        mockServices.rootLogger.factory({ level: 'debug' }),
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' }, ...authLayer },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    backendUrl = `http://localhost:${port}`;
    // Registering the portal as a Dex static client: its redirect URI.
    client.redirectURIs.push(`${backendUrl}/api/auth/oidc/handler/frame`);
  }, 60_000);
  afterAll(() => sandbox?.stop());

  /** The popup flow a browser walks: start → Dex (as `email`) → callback; the posted message. */
  async function signInAs(email: string) {
    const start = await fetch(
      `${backendUrl}/api/auth/oidc/start?env=production&scope=${encodeURIComponent(
        'openid profile email',
      )}&origin=${encodeURIComponent('http://localhost:3000')}`,
      { redirect: 'manual' },
    );
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(
      `${sandbox.dexIssuer}/auth`,
    );
    expect(authorize.searchParams.get('client_id')).toBe(client.id);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const cookies = cookiesOf(start);
    expect(cookies.map(c => c.split('=')[0])).toEqual(
      expect.arrayContaining(['oidc-nonce']),
    );

    // Dex's login: the test picks the person with login_hint.
    authorize.searchParams.set('login_hint', email);
    const login = await fetch(authorize, { redirect: 'manual' });
    expect(login.status).toBe(303);
    const callback = new URL(login.headers.get('location')!);
    expect(callback.searchParams.get('code')).toBeTruthy();

    const frame = await fetch(callback, {
      headers: { Cookie: cookies.join('; ') },
      redirect: 'manual',
    });
    expect(frame.status).toBe(200);
    return { ...webMessage(await frame.text()), cookies: cookiesOf(frame) };
  }

  it('signs a Kubeflow user in as the User entity with their e-mail', async () => {
    const message = await signInAs('carol@example.com');
    expect(message.type).toBe('authorization_response');
    expect(message.error).toBeUndefined();
    const { backstageIdentity, profile } = message.response;
    expect(profile.email).toBe('carol@example.com');
    expect(backstageIdentity.identity).toMatchObject({
      type: 'user',
      userEntityRef: 'user:default/carol',
    });
    expect(backstageIdentity.identity.ownershipEntityRefs).toContain(
      'user:default/carol',
    );
    // The Backstage token names the same user.
    const payload = JSON.parse(
      Buffer.from(
        backstageIdentity.token.split('.')[1],
        'base64url',
      ).toString(),
    );
    expect(payload.sub).toBe('user:default/carol');

    // A reload of the app refreshes the session with Dex's refresh token (from the cookie).
    const refreshCookie = message.cookies.find((c: string) =>
      c.startsWith('oidc-refresh-token='),
    );
    expect(refreshCookie).toBeDefined();
    const refresh = await fetch(
      `${backendUrl}/api/auth/oidc/refresh?env=production`,
      {
        headers: {
          Cookie: refreshCookie!,
          'X-Requested-With': 'XMLHttpRequest',
          Origin: 'http://localhost:3000',
        },
      },
    );
    expect(refresh.status).toBe(200);
    expect(
      (await refresh.json()).backstageIdentity.identity.userEntityRef,
    ).toBe('user:default/carol');
  });

  it('refuses a Dex user whose e-mail no User entity has, saying why', async () => {
    const message = await signInAs('mallory@example.org');
    expect(message.response).toBeUndefined();
    expect(message.error).toEqual({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        "no user in the portal's catalog has the e-mail mallory@example.org",
      ),
    });
  });

  it('refuses an e-mail the issuer does not mark verified, even with a User entity', async () => {
    const message = await signInAs('uma@example.org');
    expect(message.response).toBeUndefined();
    expect(message.error).toEqual({
      name: 'NotAllowedError',
      message: expect.stringContaining('did not send a verified e-mail'),
    });
  });

  it('refuses a callback without the nonce cookie of its start', async () => {
    const start = await fetch(
      `${backendUrl}/api/auth/oidc/start?env=production&origin=${encodeURIComponent(
        'http://localhost:3000',
      )}`,
      { redirect: 'manual' },
    );
    const authorize = new URL(start.headers.get('location')!);
    authorize.searchParams.set('login_hint', 'alice@example.com');
    const login = await fetch(authorize, { redirect: 'manual' });
    const frame = await fetch(login.headers.get('location')!, {
      redirect: 'manual',
    });
    const message = webMessage(await frame.text());
    expect(message.error?.message).toMatch(/nonce/i);
    expect(message.response).toBeUndefined();
  });
});
