import type { ProxiedResponse } from '../store/types';

/** gRPC status codes the KFP API returns, with their HTTP statuses (grpc-gateway mapping). */
export const RPC = {
  INVALID_ARGUMENT: { code: 3, http: 400 },
  NOT_FOUND: { code: 5, http: 404 },
  ALREADY_EXISTS: { code: 6, http: 409 },
  PERMISSION_DENIED: { code: 7, http: 403 },
  FAILED_PRECONDITION: { code: 9, http: 400 },
  UNIMPLEMENTED: { code: 12, http: 501 },
  INTERNAL: { code: 13, http: 500 },
  UNAUTHENTICATED: { code: 16, http: 401 },
} as const;

/** An error a KFP handler throws; the service turns it into a `googleRpcStatus` response. */
export class RpcError extends Error {
  constructor(readonly kind: keyof typeof RPC, message: string) {
    super(message);
    this.name = 'RpcError';
  }

  /** The response body and status for this error. */
  toResponse(): ProxiedResponse {
    const { code, http } = RPC[this.kind];
    return { status: http, body: { code, message: this.message, details: [] } };
  }
}
