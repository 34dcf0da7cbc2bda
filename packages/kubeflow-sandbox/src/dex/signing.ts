import crypto, { KeyObject } from 'node:crypto';

/** A public key as served at the JWKS endpoint. */
export interface PublicJwk {
  kty: string;
  kid: string;
  use: 'sig';
  alg: 'RS256';
  n: string;
  e: string;
}

const base64url = (input: Buffer | string) =>
  Buffer.from(input).toString('base64url');

/** The issuer's RS256 signing key, generated at start (as Dex rotates its own). */
export class SigningKey {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor() {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
    });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.kid = crypto.randomBytes(8).toString('hex');
  }

  /** The JWKS document (`{ keys: [...] }`). */
  jwks(): { keys: PublicJwk[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return {
      keys: [
        {
          kty: jwk.kty!,
          kid: this.kid,
          use: 'sig',
          alg: 'RS256',
          n: jwk.n!,
          e: jwk.e!,
        },
      ],
    };
  }

  /** A compact JWS (RS256) of the claims. */
  sign(claims: Record<string, unknown>): string {
    const header = base64url(
      JSON.stringify({ alg: 'RS256', kid: this.kid, typ: 'JWT' }),
    );
    const payload = base64url(JSON.stringify(claims));
    const signature = crypto.sign(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      this.privateKey,
    );
    return `${header}.${payload}.${base64url(signature)}`;
  }
}

/** OIDC `at_hash`: the left half of the SHA-256 of the access token, base64url. */
export function accessTokenHash(accessToken: string): string {
  const digest = crypto.createHash('sha256').update(accessToken).digest();
  return base64url(digest.subarray(0, digest.length / 2));
}

/** A PKCE code_verifier checked against the challenge sent to the authorization endpoint. */
export function pkceMatches(
  verifier: string,
  challenge: string,
  method: string,
): boolean {
  const computed =
    method === 'S256'
      ? base64url(crypto.createHash('sha256').update(verifier).digest())
      : verifier;
  const a = Buffer.from(computed);
  const b = Buffer.from(challenge);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Compares two secrets in constant time. */
export function secretsEqual(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}
