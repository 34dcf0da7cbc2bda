import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { header, readBody, sendJson } from '../api/http';
import { DEMO_USERS } from '../seeds/demoIdentities';
import { loginPage } from './loginPage';
import {
  accessTokenHash,
  pkceMatches,
  secretsEqual,
  SigningKey,
} from './signing';
import { DEFAULT_DEX_CLIENT, DexClient, DexOptions, DexUser } from './types';

/** The path prefix Kubeflow serves Dex under (behind its Istio gateway). */
export const DEX_PATH = '/dex';

const CODE_LIFETIME_MS = 10 * 60 * 1000;

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  user: DexUser;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresAt: number;
  used: boolean;
}

interface Grant {
  clientId: string;
  user: DexUser;
  scopes: string[];
  expiresAt: number;
}

/** An OAuth 2.0 error response (RFC 6749 §5.2). */
class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

/**
 * A Dex-like OpenID Connect issuer under `/dex`, with Dex's endpoint names: discovery, `/keys`,
 * `/auth` (a login form of the known users; `login_hint` or a form POST picks one without a
 * person), `/token` (authorization code with PKCE, refresh token), `/userinfo`. Static clients
 * only; an RS256 key generated at start; the people are the sandbox's users.
 */
export class DexIssuer {
  private readonly key = new SigningKey();
  private readonly clients: Map<string, DexClient>;
  private readonly users: DexUser[];
  private readonly lifetimeSeconds: number;
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();
  private issuerUrl = '';

  constructor(options: DexOptions = {}) {
    this.clients = new Map(
      (options.clients ?? [DEFAULT_DEX_CLIENT]).map(c => [c.id, c]),
    );
    this.users = [
      ...DEMO_USERS.map(u => ({ email: u.email, name: u.displayName })),
      ...(options.users ?? []),
    ];
    this.lifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  }

  /** Sets the issuer URL once the sandbox knows where it listens (`<sandbox>/dex`). */
  bind(sandboxUrl: string): void {
    this.issuerUrl = `${sandboxUrl}${DEX_PATH}`;
  }

  /** The issuer (`iss`), e.g. `http://127.0.0.1:7010/dex`. */
  get issuer(): string {
    return this.issuerUrl;
  }

  /** Handles a request whose path starts with `/dex`. */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const path = url.pathname.slice(DEX_PATH.length).replace(/\/+$/, '');
    try {
      if (path === '/.well-known/openid-configuration') {
        sendJson(res, 200, this.discovery());
      } else if (path === '/keys') {
        sendJson(res, 200, this.key.jwks());
      } else if (path === '/auth') {
        await this.authorize(req, res, url);
      } else if (path === '/token' && req.method === 'POST') {
        sendJson(res, 200, await this.token(req), {
          'Cache-Control': 'no-store',
        });
      } else if (path === '/userinfo') {
        sendJson(res, 200, this.userinfo(req));
      } else {
        throw new OAuthError(404, 'not_found', `no Dex endpoint ${path}`);
      }
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const headers: Record<string, string> = {};
      if (error.status === 401)
        headers['WWW-Authenticate'] =
          error.error === 'invalid_token'
            ? 'Bearer error="invalid_token"'
            : 'Basic realm="dex"';
      sendJson(
        res,
        error.status,
        { error: error.error, error_description: error.message },
        headers,
      );
    }
  }

  private discovery() {
    const at = (p: string) => `${this.issuerUrl}${p}`;
    return {
      issuer: this.issuerUrl,
      authorization_endpoint: at('/auth'),
      token_endpoint: at('/token'),
      jwks_uri: at('/keys'),
      userinfo_endpoint: at('/userinfo'),
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256', 'plain'],
      scopes_supported: ['openid', 'email', 'profile', 'offline_access'],
      token_endpoint_auth_methods_supported: [
        'client_secret_basic',
        'client_secret_post',
      ],
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'iat',
        'exp',
        'email',
        'email_verified',
        'name',
        'nonce',
        'at_hash',
      ],
    };
  }

  /** GET shows the login form (or signs in `login_hint`); POST signs in the chosen `login`. */
  private async authorize(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const params =
      req.method === 'POST'
        ? new URLSearchParams((await readBody(req)).toString('utf8'))
        : url.searchParams;
    const client = this.clients.get(params.get('client_id') ?? '');
    const redirectUri = params.get('redirect_uri') ?? '';
    // As Dex: an unknown client or redirect URI is shown, never redirected to.
    if (!client)
      throw new OAuthError(400, 'invalid_request', 'Unregistered client_id');
    if (!client.redirectURIs.includes(redirectUri))
      throw new OAuthError(
        400,
        'invalid_request',
        `Unregistered redirect_uri ${redirectUri}`,
      );
    const back = new URL(redirectUri);
    const state = params.get('state');
    if (state) back.searchParams.set('state', state);
    const scopes = (params.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (params.get('response_type') !== 'code' || !scopes.includes('openid')) {
      back.searchParams.set('error', 'unsupported_response_type');
      back.searchParams.set(
        'error_description',
        'only response_type=code with the openid scope is supported',
      );
      this.redirect(res, back);
      return;
    }
    const login =
      params.get('login') ??
      (req.method === 'GET' ? params.get('login_hint') : null);
    const user = this.users.find(
      u => u.email.toLowerCase() === login?.toLowerCase(),
    );
    if (!user) {
      const html = loginPage(
        `${this.issuerUrl}/auth`,
        params,
        this.users,
        client.name ?? client.id,
      );
      res.writeHead(login ? 401 : 200, {
        'Content-Type': 'text/html; charset=utf-8',
      });
      res.end(html);
      return;
    }
    const code = crypto.randomBytes(24).toString('base64url');
    this.codes.set(code, {
      clientId: client.id,
      redirectUri,
      user,
      scopes,
      nonce: params.get('nonce') ?? undefined,
      codeChallenge: params.get('code_challenge') ?? undefined,
      codeChallengeMethod: params.get('code_challenge_method') ?? 'plain',
      expiresAt: Date.now() + CODE_LIFETIME_MS,
      used: false,
    });
    back.searchParams.set('code', code);
    this.redirect(res, back);
  }

  private redirect(res: ServerResponse, location: URL) {
    res.writeHead(303, { Location: location.toString() });
    res.end();
  }

  /** The client from HTTP Basic or the form (client_secret_post); 401 when it does not match. */
  private authenticateClient(
    req: IncomingMessage,
    form: URLSearchParams,
  ): DexClient {
    let id = form.get('client_id') ?? '';
    let secret = form.get('client_secret') ?? '';
    const authorization = header(req, 'authorization');
    // Authentication schemes are case-insensitive (RFC 9110 §11.1).
    if (/^basic /i.test(authorization ?? '')) {
      const decoded = Buffer.from(authorization!.slice(6), 'base64').toString();
      const colon = decoded.indexOf(':');
      id = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    const client = this.clients.get(id);
    if (!client || !secretsEqual(secret, client.secret))
      throw new OAuthError(
        401,
        'invalid_client',
        'Invalid client credentials.',
      );
    return client;
  }

  private async token(req: IncomingMessage) {
    const form = new URLSearchParams((await readBody(req)).toString('utf8'));
    const client = this.authenticateClient(req, form);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      if (!code || code.clientId !== client.id || code.expiresAt < Date.now())
        throw new OAuthError(400, 'invalid_grant', 'Invalid or expired code.');
      if (code.used) {
        // A replayed code: refuse it (RFC 6749 §4.1.2) and forget it.
        this.codes.delete(form.get('code')!);
        throw new OAuthError(400, 'invalid_grant', 'Code already redeemed.');
      }
      code.used = true;
      if (form.get('redirect_uri') !== code.redirectUri)
        throw new OAuthError(400, 'invalid_grant', 'redirect_uri mismatch.');
      if (code.codeChallenge) {
        const verifier = form.get('code_verifier');
        if (
          !verifier ||
          !pkceMatches(
            verifier,
            code.codeChallenge,
            code.codeChallengeMethod ?? 'plain',
          )
        )
          throw new OAuthError(400, 'invalid_grant', 'Invalid code_verifier.');
      }
      return this.issueTokens(client, code.user, code.scopes, code.nonce);
    }
    if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token') ?? '';
      const grant = this.refreshTokens.get(refreshToken);
      if (!grant || grant.clientId !== client.id)
        throw new OAuthError(400, 'invalid_grant', 'Invalid refresh token.');
      this.refreshTokens.delete(refreshToken);
      return this.issueTokens(client, grant.user, grant.scopes);
    }
    throw new OAuthError(
      400,
      'unsupported_grant_type',
      `Unsupported grant type ${grantType}.`,
    );
  }

  private issueTokens(
    client: DexClient,
    user: DexUser,
    scopes: string[],
    nonce?: string,
  ) {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = crypto.randomBytes(32).toString('base64url');
    const grant = {
      clientId: client.id,
      user,
      scopes,
      expiresAt: (now + this.lifetimeSeconds) * 1000,
    };
    this.accessTokens.set(accessToken, grant);
    const idToken = this.key.sign({
      iss: this.issuerUrl,
      sub: this.subject(user),
      aud: client.id,
      exp: now + this.lifetimeSeconds,
      iat: now,
      ...(nonce ? { nonce } : {}),
      at_hash: accessTokenHash(accessToken),
      email: user.email,
      email_verified: user.emailVerified ?? true,
      name: user.name,
    });
    let refreshToken: string | undefined;
    if (scopes.includes('offline_access')) {
      refreshToken = crypto.randomBytes(32).toString('base64url');
      this.refreshTokens.set(refreshToken, grant);
    }
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.lifetimeSeconds,
      scope: scopes.join(' '),
      id_token: idToken,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    };
  }

  private userinfo(req: IncomingMessage) {
    const authorization = header(req, 'authorization') ?? '';
    const grant = /^bearer /i.test(authorization)
      ? this.accessTokens.get(authorization.slice(7))
      : undefined;
    if (!grant || grant.expiresAt < Date.now())
      throw new OAuthError(401, 'invalid_token', 'Invalid bearer token.');
    return {
      sub: this.subject(grant.user),
      email: grant.user.email,
      email_verified: grant.user.emailVerified ?? true,
      name: grant.user.name,
    };
  }

  /** Dex's `sub` is opaque and stable per user and connector; so is this one. */
  private subject(user: DexUser): string {
    return Buffer.from(`local:${user.email.toLowerCase()}`).toString(
      'base64url',
    );
  }
}
