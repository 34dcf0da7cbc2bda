import { RpcError } from '../rpcStatus';

/** A file part of a multipart/form-data body. */
export interface FormFile {
  filename?: string;
  contentType?: string;
  content: Buffer;
}

/** Extracts the named field of a multipart/form-data body (`boundary` from the content type). */
export function multipartField(
  rawBody: Buffer,
  contentType: string | undefined,
  field: string,
): FormFile {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!match) {
    throw new RpcError(
      'INVALID_ARGUMENT',
      "Failed to read pipeline from file: request Content-Type isn't multipart/form-data",
    );
  }
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`);
  let position = rawBody.indexOf(boundary);
  while (position >= 0) {
    const start = position + boundary.length;
    const next = rawBody.indexOf(boundary, start);
    if (next < 0) break;
    const part = rawBody.subarray(start, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (name === field) {
        let content = part.subarray(headerEnd + 4);
        if (content.subarray(-2).toString() === '\r\n')
          content = content.subarray(0, -2);
        return {
          filename: /filename="([^"]*)"/i.exec(headers)?.[1],
          contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
          content,
        };
      }
    }
    position = next;
  }
  throw new RpcError(
    'INVALID_ARGUMENT',
    `Failed to read pipeline from file: http: no such file (form field "${field}")`,
  );
}
