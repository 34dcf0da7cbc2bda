import crypto from 'node:crypto';
import { parseDexClient } from '../cli';
import { Sandbox, startSandbox } from '../sandbox';

const CLIENT = {
  id: 'portal',
  secret: 'portal-secret',
  redirectURIs: ['http://localhost:3000/callback'],
};

function basic(id: string, secret: string) {
  return `Basic ${Buffer.from(
    `${encodeURIComponent(id)}:${encodeURIComponent(secret)}`,
  ).toString('base64')}`;
}

function decode(jwt: string) {
  const [header, payload, signature] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(payload, 'base64url').toString()),
    signed: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, 'base64url'),
  };
}

describe('the sandbox Dex (/dex)', () => {
  let sandbox: Sandbox;
  let issuer: string;

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      seed: 'none',
      controllers: false,
      dex: {
        clients: [CLIENT],
        users: [{ email: 'outsider@example.org', name: 'Outsider' }],
      },
      logger: { warn: () => {} },
    });
    issuer = sandbox.dexIssuer;
  });
  afterAll(() => sandbox?.stop());

  /** Walks /auth with a login_hint; returns the code (and the redirect it came on). */
  async function authorize(params: Record<string, string> = {}) {
    const url = new URL(`${issuer}/auth`);
    for (const [k, v] of Object.entries({
      client_id: CLIENT.id,
      redirect_uri: CLIENT.redirectURIs[0],
      response_type: 'code',
      scope: 'openid email profile',
      state: 'st-1',
      nonce: 'n-1',
      login_hint: 'alice@example.com',
      ...params,
    }))
      url.searchParams.set(k, v);
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    return { code: location.searchParams.get('code')!, location };
  }

  function redeem(
    form: Record<string, string>,
    auth = basic(CLIENT.id, CLIENT.secret),
  ) {
    return fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: auth,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        redirect_uri: CLIENT.redirectURIs[0],
        ...form,
      }),
    });
  }

  it('publishes discovery with Dex endpoint names under its issuer', async () => {
    const doc = await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json();
    expect(issuer).toBe(`${sandbox.url}/dex`);
    expect(doc).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/keys`,
      userinfo_endpoint: `${issuer}/userinfo`,
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256', 'plain'],
    });
  });

  it('shows a login form of the known users, and a form POST signs one in', async () => {
    const query = new URLSearchParams({
      client_id: CLIENT.id,
      redirect_uri: CLIENT.redirectURIs[0],
      response_type: 'code',
      scope: 'openid email',
      state: 'xyz',
    });
    const page = await (await fetch(`${issuer}/auth?${query}`)).text();
    expect(page).toContain('value="bob@example.com"');
    expect(page).toContain('value="outsider@example.org"');
    expect(page).toContain('name="state" value="xyz"');
    query.set('login', 'bob@example.com');
    const res = await fetch(`${issuer}/auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: query,
      redirect: 'manual',
    });
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(
      CLIENT.redirectURIs[0],
    );
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses an unregistered redirect URI without redirecting to it', async () => {
    const res = await fetch(
      `${issuer}/auth?client_id=${
        CLIENT.id
      }&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(
        'http://evil.example.com/cb',
      )}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('issues an RS256 ID token that verifies against the JWKS, with the user and nonce', async () => {
    const { code } = await authorize();
    const res = await redeem({ code });
    expect(res.status).toBe(200);
    const tokens = await res.json();
    const { header, claims, signed, signature } = decode(tokens.id_token);
    const jwks = await (await fetch(`${issuer}/keys`)).json();
    const jwk = jwks.keys.find((k: any) => k.kid === header.kid);
    expect(header.alg).toBe('RS256');
    const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
    expect(crypto.verify('sha256', signed, key, signature)).toBe(true);
    // A changed payload no longer verifies.
    expect(
      crypto.verify(
        'sha256',
        Buffer.from(signed.toString().replace(/.$/, 'x')),
        key,
        signature,
      ),
    ).toBe(false);
    expect(claims).toMatchObject({
      iss: issuer,
      aud: CLIENT.id,
      email: 'alice@example.com',
      email_verified: true,
      nonce: 'n-1',
      sub: expect.any(String),
    });
    expect(claims.exp).toBeGreaterThan(Date.now() / 1000);

    // The scheme is case-insensitive: openid-client sends the token_type as given (`bearer`).
    const info = await fetch(`${issuer}/userinfo`, {
      headers: { Authorization: `bearer ${tokens.access_token}` },
    });
    expect(await info.json()).toEqual({
      sub: claims.sub,
      email: 'alice@example.com',
      email_verified: true,
      name: 'Alice Anders',
    });
    expect(
      (
        await fetch(`${issuer}/userinfo`, {
          headers: { Authorization: 'Bearer nope' },
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a wrong client secret with 401 invalid_client', async () => {
    const { code } = await authorize();
    const res = await redeem({ code }, basic(CLIENT.id, 'wrong'));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    // client_secret_post is checked the same way.
    const post = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLIENT.redirectURIs[0],
        client_id: CLIENT.id,
        client_secret: 'also-wrong',
      }),
    });
    expect(post.status).toBe(401);
  });

  it('refuses a code used twice with 400 invalid_grant', async () => {
    const { code } = await authorize();
    expect((await redeem({ code })).status).toBe(200);
    const again = await redeem({ code });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('checks PKCE: the S256 verifier must match the challenge', async () => {
    const verifier = crypto.randomBytes(32).toString('base64url');
    const challenge = crypto
      .createHash('sha256')
      .update(verifier)
      .digest('base64url');
    const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };
    const first = await authorize(pkce);
    const wrong = await redeem({
      code: first.code,
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const second = await authorize(pkce);
    expect(
      (await redeem({ code: second.code, code_verifier: verifier })).status,
    ).toBe(200);
  });

  it('issues a refresh token for offline_access and exchanges it once', async () => {
    const { code } = await authorize({ scope: 'openid email offline_access' });
    const tokens = await (await redeem({ code })).json();
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refresh = (refreshToken: string) =>
      fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: basic(CLIENT.id, CLIENT.secret),
        },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
        }),
      });
    const renewed = await refresh(tokens.refresh_token);
    expect(decode((await renewed.json()).id_token).claims.email).toBe(
      'alice@example.com',
    );
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });

  it('takes static clients from the CLI', () => {
    expect(
      parseDexClient('portal:s3cret:http://localhost:7007/a,http://x:1/b'),
    ).toEqual({
      id: 'portal',
      secret: 's3cret',
      redirectURIs: ['http://localhost:7007/a', 'http://x:1/b'],
    });
    expect(() => parseDexClient('portal:s3cret')).toThrow('--dex-client');
  });
});
