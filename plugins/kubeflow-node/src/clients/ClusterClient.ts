import { Agent, Dispatcher, request } from 'undici';
import { KubeflowClusterConfig } from '../config';
import { ClusterRequestError } from './errors';
import { FileToken } from './FileToken';
import { BackoffOptions, backoffDelay, sleep } from './retry';

/** Who a request acts as: the portal's own identity (undefined) or an impersonated user. @public */
export interface Impersonation {
  /** The Kubeflow user name (an e-mail in a standard install). */
  user: string;
  groups?: string[];
}

/** Options of one request. @public */
export interface ClusterRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * Path below the cluster URL, with a leading slash; or an absolute URL (a configured KFP or
   * Model Registry endpoint), which gets the cluster's credential only if it is below the
   * cluster URL.
   */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Defaults to application/json when there is a body. */
  contentType?: string;
  as?: Impersonation;
  /** Deadline of the whole call, retries included (default: the client's). */
  timeoutMs?: number;
  /** Retries on 429/5xx/no answer; default 3 for reads, 0 for writes (not known to be idempotent). */
  retries?: number;
  signal?: AbortSignal;
}

/** Options of {@link ClusterClient}. @public */
export interface ClusterClientOptions {
  cluster: KubeflowClusterConfig;
  /** Default deadline per call, ms (default 15000). */
  timeoutMs?: number;
  backoff?: BackoffOptions;
}

/** One newline-delimited JSON watch event. @public */
export interface RawWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: any;
}

/**
 * HTTP access to one cluster's API server (and, through its service proxy, to KFP and the Model
 * Registry): a deadline on every call, retries with jittered backoff on 429/5xx/no answer,
 * impersonation headers for user-initiated calls, and the credentials only from operator config.
 *
 * @public
 */
export class ClusterClient {
  readonly cluster: KubeflowClusterConfig;
  private readonly timeoutMs: number;
  private readonly backoff: BackoffOptions;
  private readonly dispatcher?: Dispatcher;
  private readonly clusterToken?: FileToken;
  private readonly pipelinesToken?: FileToken;

  constructor(options: ClusterClientOptions) {
    this.cluster = options.cluster;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.backoff = options.backoff ?? { initialMs: 200, maxMs: 5_000 };
    if (
      options.cluster.authProvider === 'inCluster' &&
      options.cluster.serviceAccountTokenFile
    ) {
      this.clusterToken = new FileToken(options.cluster.serviceAccountTokenFile);
    }
    if (options.cluster.pipelinesTokenFile) {
      this.pipelinesToken = new FileToken(options.cluster.pipelinesTokenFile);
    }
    if (options.cluster.caData) {
      this.dispatcher = new Agent({
        connect: {
          ca: Buffer.from(options.cluster.caData, 'base64').toString(),
        },
      });
    }
  }

  /** Sends a request and parses the JSON answer; throws {@link ClusterRequestError}. */
  async request<T = any>(req: ClusterRequest): Promise<T> {
    const method = req.method ?? 'GET';
    const retries = req.retries ?? (method === 'GET' ? 3 : 0);
    const deadline = AbortSignal.timeout(req.timeoutMs ?? this.timeoutMs);
    const signal = req.signal
      ? AbortSignal.any([req.signal, deadline])
      : deadline;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(req, method, signal);
      } catch (error) {
        const failure = this.toError(error, signal);
        if (!failure.retryable || attempt >= retries || signal.aborted) {
          throw failure;
        }
        await sleep(backoffDelay(attempt, this.backoff), signal).catch(() => {
          throw failure;
        });
      }
    }
  }

  /**
   * Opens a watch stream and calls `onEvent` per event until the stream ends (resolves) or fails
   * (rejects). The connection must deliver something, a bookmark at least, every `idleMs`.
   */
  async watch(
    req: ClusterRequest & { idleMs?: number },
    onEvent: (event: RawWatchEvent) => void,
  ): Promise<void> {
    const idle = new AbortController();
    const signal = req.signal
      ? AbortSignal.any([req.signal, idle.signal])
      : idle.signal;
    const idleMs = req.idleMs ?? 60_000;
    let timer = setTimeout(() => idle.abort(new Error('watch idle')), idleMs);
    // The deadline covers the connection and the response headers, not the stream after them.
    const connect = new AbortController();
    const connectTimer = setTimeout(
      () => connect.abort(new Error('connect deadline')),
      req.timeoutMs ?? this.timeoutMs,
    );
    try {
      const response = await request(this.url(req), {
        method: 'GET',
        headers: this.headers(req),
        signal: AbortSignal.any([signal, connect.signal]),
        dispatcher: this.dispatcher,
        bodyTimeout: 0,
      })
        .catch(error => {
          throw this.toError(
            error,
            connect.signal.aborted ? connect.signal : signal,
          );
        })
        .finally(() => clearTimeout(connectTimer));
      if (response.statusCode >= 300) {
        throw await this.errorFrom(response);
      }
      let buffer = '';
      for await (const chunk of response.body) {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(new Error('watch idle')), idleMs);
        buffer += chunk.toString();
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          const line = buffer.slice(0, newline).trim();
          buffer = buffer.slice(newline + 1);
          if (line) onEvent(JSON.parse(line));
          newline = buffer.indexOf('\n');
        }
      }
    } catch (error) {
      throw this.toError(error, signal);
    } finally {
      clearTimeout(timer);
    }
  }

  private async once<T>(
    req: ClusterRequest,
    method: string,
    signal: AbortSignal,
  ): Promise<T> {
    let body: string | undefined;
    if (typeof req.body === 'string') body = req.body;
    else if (req.body !== undefined) body = JSON.stringify(req.body);
    const response = await request(this.url(req), {
      method: method as Dispatcher.HttpMethod,
      headers: this.headers(req),
      body,
      signal,
      dispatcher: this.dispatcher,
    });
    if (response.statusCode >= 300) {
      throw await this.errorFrom(response);
    }
    const text = await response.body.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private url(req: ClusterRequest): string {
    const url = new URL(
      /^https?:\/\//.test(req.path)
        ? req.path
        : `${this.cluster.url}${req.path}`,
    );
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  /** Headers as a flat list, so each impersonated group goes on its own header line. */
  private headers(req: ClusterRequest): string[] {
    const headers = ['accept', 'application/json'];
    if (req.body !== undefined) {
      headers.push('content-type', req.contentType ?? 'application/json');
    }
    const token = this.tokenFor(req.path);
    if (token) headers.push('authorization', `Bearer ${token}`);
    if (req.as) {
      headers.push('impersonate-user', req.as.user);
      for (const group of req.as.groups ?? []) {
        headers.push('impersonate-group', group);
      }
    }
    return headers;
  }

  /**
   * The portal's bearer token for a request: the cluster's (configured, or in-cluster from the
   * mounted file) for the API server, KFP's own (`pipelinesTokenFile`) for a KFP URL outside it,
   * and none for anything else.
   */
  private tokenFor(path: string): string | undefined {
    const absolute = /^https?:\/\//.test(path);
    if (!absolute || path.startsWith(`${this.cluster.url}/`)) {
      if (this.cluster.authProvider === 'serviceAccount')
        return this.cluster.serviceAccountToken;
      return this.clusterToken?.value();
    }
    if (this.pipelinesToken && path.startsWith(`${this.cluster.pipelinesUrl}/`))
      return this.pipelinesToken.value();
    return undefined;
  }

  private async errorFrom(
    response: Dispatcher.ResponseData,
  ): Promise<ClusterRequestError> {
    const text = await response.body.text().catch(() => '');
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return new ClusterRequestError({
      cluster: this.cluster.name,
      status: response.statusCode,
      reason: body?.reason,
      message:
        body?.message ??
        `${this.cluster.name}: HTTP ${response.statusCode}${
          text ? `: ${text.slice(0, 200)}` : ''
        }`,
      body,
    });
  }

  private toError(error: unknown, signal: AbortSignal): ClusterRequestError {
    if (error instanceof ClusterRequestError) return error;
    const timedOut = signal.aborted;
    return new ClusterRequestError({
      cluster: this.cluster.name,
      status: 0,
      reason: timedOut ? 'Timeout' : 'ConnectionError',
      message: timedOut
        ? `${this.cluster.name} did not answer in time`
        : `${this.cluster.name} is unreachable: ${
            (error as Error)?.message ?? error
          }`,
    });
  }
}
