/** One field-level cause of a failure, as in `Status.details.causes`. */
export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

/** A Kubernetes `meta/v1 Status` (the body of every error response). */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** Identifies the object an error is about: `kind` is the resource plural (as the apiserver does). */
export interface StatusTarget {
  group?: string;
  kind?: string;
  name?: string;
}

function qualified(target: StatusTarget): string {
  return target.group ? `${target.kind}.${target.group}` : `${target.kind}`;
}

/**
 * An error carrying a Kubernetes Status. Thrown by the store and the API handlers; the server
 * writes `status` as the response body with `status.code` as the HTTP status.
 */
export class StatusError extends Error {
  readonly status: Status;

  constructor(
    code: number,
    reason: string,
    message: string,
    details?: Status['details'],
  ) {
    super(message);
    this.name = 'StatusError';
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
  }

  /** The HTTP status code. */
  get code(): number {
    return this.status.code;
  }

  /** The Status reason, e.g. 'NotFound'. */
  get reason(): string {
    return this.status.reason;
  }

  /** 404 NotFound: `<resource>.<group> "<name>" not found`. */
  static notFound(target: StatusTarget): StatusError {
    return new StatusError(
      404,
      'NotFound',
      `${qualified(target)} "${target.name}" not found`,
      { ...target },
    );
  }

  /** 404 for a path the server does not serve. */
  static noRoute(): StatusError {
    return new StatusError(
      404,
      'NotFound',
      'the server could not find the requested resource',
      {},
    );
  }

  /** 409 AlreadyExists on create. */
  static alreadyExists(target: StatusTarget): StatusError {
    return new StatusError(
      409,
      'AlreadyExists',
      `${qualified(target)} "${target.name}" already exists`,
      { ...target },
    );
  }

  /** 409 Conflict: stale resourceVersion or failed precondition. */
  static conflict(target: StatusTarget, why?: string): StatusError {
    return new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(target)} "${
        target.name
      }": ${
        why ??
        'the object has been modified; please apply your changes to the latest version and try again'
      }`,
      { ...target },
    );
  }

  /** 422 Invalid with field causes (`details.causes`). */
  static invalid(
    target: StatusTarget & { kindName?: string },
    causes: StatusCause[],
  ): StatusError {
    const list = causes
      .map(c => (c.field ? `${c.field}: ${c.message}` : c.message))
      .join(', ');
    const what = target.kindName ?? target.kind;
    const qualifiedKind = target.group ? `${what}.${target.group}` : what;
    return new StatusError(
      422,
      'Invalid',
      `${qualifiedKind} "${target.name ?? ''}" is invalid: ${
        causes.length > 1 ? `[${list}]` : list
      }`,
      {
        name: target.name,
        group: target.group,
        kind: what,
        causes,
      },
    );
  }

  /** 400 BadRequest. */
  static badRequest(message: string): StatusError {
    return new StatusError(400, 'BadRequest', message);
  }

  /** 403 Forbidden with the apiserver's message shape. */
  static forbidden(target: StatusTarget, message: string): StatusError {
    const subject = target.name
      ? `${qualified(target)} "${target.name}"`
      : qualified(target);
    return new StatusError(
      403,
      'Forbidden',
      `${subject} is forbidden: ${message}`,
      {
        ...target,
      },
    );
  }

  /** 405 MethodNotAllowed. */
  static methodNotAllowed(
    message = 'the server does not allow this method on the requested resource',
  ): StatusError {
    return new StatusError(405, 'MethodNotAllowed', message);
  }

  /** 410 Expired (too old resourceVersion or continue token). */
  static expired(message: string): StatusError {
    return new StatusError(410, 'Expired', message);
  }

  /** 415 UnsupportedMediaType. */
  static unsupportedMediaType(contentType: string): StatusError {
    return new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`.concat(
        contentType ? ` (got ${contentType})` : '',
      ),
    );
  }

  /** 500 InternalError. */
  static internal(message: string): StatusError {
    return new StatusError(500, 'InternalError', message);
  }

  /** 503 ServiceUnavailable (a Service without a registered handler). */
  static serviceUnavailable(message: string): StatusError {
    return new StatusError(503, 'ServiceUnavailable', message);
  }
}

/** Whether `error` is a StatusError with the given code. */
export function isStatusError(
  error: unknown,
  code?: number,
): error is StatusError {
  return (
    error instanceof StatusError && (code === undefined || error.code === code)
  );
}
