/**
 * A failed call to a cluster: the HTTP status and the Kubernetes `Status` reason when there is
 * one (`NotFound`, `Forbidden`, `Expired`, …). Status 0 means the cluster did not answer (a
 * connection error or the deadline).
 *
 * @public
 */
export class ClusterRequestError extends Error {
  readonly name = 'ClusterRequestError';
  readonly cluster: string;
  readonly status: number;
  readonly reason?: string;
  readonly body?: unknown;

  constructor(options: {
    cluster: string;
    status: number;
    message: string;
    reason?: string;
    body?: unknown;
  }) {
    super(options.message);
    this.cluster = options.cluster;
    this.status = options.status;
    this.reason = options.reason;
    this.body = options.body;
  }

  /** Whether trying again may succeed: no answer, 429 or a 5xx. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}
