import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'fs/promises';

/**
 * Checks for what the input schemas cannot say: names Kubernetes accepts, images and quantities
 * that parse, workspace paths that stay in the workspace. Each failure is an InputError that
 * names the field and the rule.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** An RFC 1123 label (lower-case alphanumerics and '-', at most 63): Kubernetes names. */
export function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value) {
    throw new InputError(`${field} is required`);
  }
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    throw new InputError(
      `${field} '${printable(
        value,
      )}' is not a valid name: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (RFC 1123)`,
    );
  }
  return value;
}

// The reference grammar of the distribution project: [registry[:port]/]path[:tag][@digest].
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE = new RegExp(
  `^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?/)?` +
    `${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`,
);

/** A container image reference that parses (`registry:port/path:tag@sha256:…`). */
export function checkImage(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value) {
    throw new InputError(`${field} is required`);
  }
  if (value.length > 255 || !IMAGE.test(value)) {
    throw new InputError(
      `${field} '${printable(
        value,
      )}' is not a valid container image reference (registry/path:tag)`,
    );
  }
  return value;
}

const QUANTITY =
  /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))((?:[KMGTPE]i)|[numkMGTPE]|(?:[eE][+-]?\d+))?$/;
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The numeric value of a Kubernetes resource quantity (`500m`, `2Gi`, `1e3`). */
export function parseQuantity(value: string): number | undefined {
  const match = QUANTITY.exec(value);
  if (!match) return undefined;
  const suffix = match[2] ?? '';
  const scale = /^[eE]/.test(suffix)
    ? 10 ** Number(suffix.slice(1))
    : SUFFIX[suffix];
  return Number(match[1]) * scale;
}

/** A positive resource quantity, returned as given (a string, as Kubernetes writes it). */
export function checkQuantity(value: unknown, field: string): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !text) {
    throw new InputError(`${field} is required`);
  }
  const parsed = parseQuantity(text);
  if (parsed === undefined || !(parsed > 0)) {
    throw new InputError(
      `${field} '${printable(
        text,
      )}' is not a positive Kubernetes quantity (e.g. 500m, 2, 4Gi)`,
    );
  }
  return text;
}

/** `limit` must not be below `request`. */
export function checkRequestWithinLimit(
  request: string,
  limit: string,
  field: string,
) {
  if (parseQuantity(limit)! < parseQuantity(request)!) {
    throw new InputError(
      `${field} limit ${limit} is below its request ${request}`,
    );
  }
}

/** An environment variable name Kubernetes accepts. */
export function checkEnvName(value: string, field: string): string {
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(value)) {
    throw new InputError(
      `${field} '${printable(value)}' is not a valid environment variable name`,
    );
  }
  return value;
}

/** A file inside the workspace: no absolute paths, no `..` out of it; it must exist. */
export async function readWorkspaceFile(
  workspacePath: string,
  relative: string,
  field: string,
): Promise<{ path: string; content: string }> {
  let full: string;
  try {
    if (relative.includes('\0')) throw new Error('NUL');
    full = resolveSafeChildPath(workspacePath, relative);
  } catch {
    throw new InputError(
      `${field} '${printable(relative)}' is outside the workspace`,
    );
  }
  const stat = await fs.stat(full).catch(() => undefined);
  if (!stat?.isFile()) {
    throw new InputError(
      `${field} '${printable(relative)}' is not a file in the workspace`,
    );
  }
  return { path: full, content: await fs.readFile(full, 'utf8') };
}

/** A value shown in an error message: one line, bounded. */
export function printable(value: string): string {
  const flat = JSON.stringify(value).slice(1, -1);
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

/** A quantity times a factor, in the same unit (`1.0Gi` × 1.2 → `1.2Gi`), as the web app does. */
export function scaleQuantity(value: string, by: number): string {
  const match = QUANTITY.exec(value)!;
  const scaled = Number((Number(match[1]) * by).toFixed(3));
  return `${scaled}${match[2] ?? ''}`;
}
