/** A static client of the sandbox's Dex, as in Dex's `staticClients`. */
export interface DexClient {
  id: string;
  secret: string;
  /** Exact redirect URIs the client may use (Dex compares them exactly). */
  redirectURIs: string[];
  name?: string;
}

/** A person who can sign in at the sandbox's Dex (Dex's `staticPasswords`, without a password). */
export interface DexUser {
  email: string;
  name: string;
  /** The `email_verified` claim (default true, as Dex's password and most connectors send). */
  emailVerified?: boolean;
}

/** Options of the sandbox's Dex issuer. */
export interface DexOptions {
  /** Static clients (default: {@link DEFAULT_DEX_CLIENT}). */
  clients?: DexClient[];
  /** People besides the demo users (the demo seed's profile owners and contributors). */
  users?: DexUser[];
  /** ID and access token lifetime in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
}

/**
 * The demo's client: the portal on its default backend port. Its secret is a sandbox credential
 * (the sandbox trusts every caller by design), never a production one.
 */
export const DEFAULT_DEX_CLIENT: DexClient = {
  id: 'kubeflow-portal',
  secret: 'kubeflow-portal-sandbox-secret',
  name: 'Kubeflow Portal',
  redirectURIs: [
    'http://localhost:7007/api/auth/oidc/handler/frame',
    'http://127.0.0.1:7007/api/auth/oidc/handler/frame',
  ],
};
