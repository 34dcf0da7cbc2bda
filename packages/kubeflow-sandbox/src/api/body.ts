import yaml from 'js-yaml';
import { StatusError } from '../store/StatusError';
import { decodeAccessReview } from './auth/protobuf';
import { parseJson } from './http';
import { decodeCoreObject } from './protobufObjects';

/** The media type without parameters, lower-cased. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Decodes a request body by Content-Type: JSON (and its patch flavours), YAML (incl.
 * apply-patch+yaml), and protobuf for access reviews (what `kubectl auth can-i` sends) and the
 * few core kinds `kubectl create` sends as protobuf.
 */
export function decodeBody(
  body: Buffer,
  contentType: string | undefined,
  review = false,
): any {
  const type = mediaType(contentType);
  if (body.length === 0) return undefined;
  if (type === 'application/vnd.kubernetes.protobuf') {
    return review ? decodeAccessReview(body) : decodeCoreObject(body);
  }
  if (type.endsWith('yaml')) {
    try {
      return yaml.load(body.toString('utf8'));
    } catch (error) {
      throw StatusError.badRequest(
        `error decoding YAML: ${(error as Error).message}`,
      );
    }
  }
  if (type === '' || type.endsWith('json')) return parseJson(body);
  throw StatusError.unsupportedMediaType(type);
}
