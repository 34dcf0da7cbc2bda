import fs from 'node:fs';
import path from 'node:path';
import type { ProxiedRequest, ProxiedService } from '../../store/types';
import { SPECS_DIR } from '../../controllers/__fixtures__/specsDir';

/** Calls a proxied service like the core's service proxy would. */
export async function call(
  service: ProxiedService,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  extra: Partial<ProxiedRequest> = {},
) {
  const [p, q = ''] = pathAndQuery.split('?');
  const raw =
    body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
  const response = await service.handle({
    method,
    path: p,
    query: new URLSearchParams(q),
    headers: { 'content-type': 'application/json' },
    body,
    rawBody: raw,
    ...extra,
  });
  return response as { status: number; body: any };
}

/** A multipart/form-data body with one file field. */
export function multipart(field: string, filename: string, content: string) {
  const boundary = '----sandboxBoundary7MA4YWxkTrZu0gW';
  const rawBody = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: application/x-yaml\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return {
    rawBody,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A KFP sample IR from the specs. */
export function sampleIr(name: 'add_numbers' | 'hello_world'): string {
  return fs.readFileSync(
    path.join(SPECS_DIR, 'pipelines/samples', `${name}.yaml`),
    'utf8',
  );
}
