import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../store/StatusError';

/** Reads the whole request body (limit 32 MiB). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 32 * 1024 * 1024)
      throw new StatusError(
        413,
        'RequestEntityTooLarge',
        'request entity too large',
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Writes a JSON response. */
export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Writes an error as a Status body with its code. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status =
    error instanceof StatusError
      ? error
      : StatusError.internal((error as Error)?.message ?? String(error));
  sendJson(res, status.code, status.status);
}

/** Parses a JSON body; 400 when malformed. */
export function parseJson(body: Buffer): any {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw StatusError.badRequest(
      `the body of the request could not be parsed as JSON: ${
        (error as Error).message
      }`,
    );
  }
}

/** A header's single value. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** A header's values (repeated headers and comma-free values kept apart). */
export function headerValues(req: IncomingMessage, name: string): string[] {
  const value = req.headers[name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
