import type { ServedType } from '../schema/coreTypes';
import type { MemoryStore } from '../store/MemoryStore';
import { StatusError } from '../store/StatusError';
import type { KubeObject } from '../store/types';
import { mediaType } from './body';
import { applyJsonPatch } from './patch/jsonPatch';
import { applyMergePatch } from './patch/mergePatch';

function selectorString(object: KubeObject): string {
  const matchLabels = ((object.spec as any)?.selector?.matchLabels ??
    {}) as Record<string, string>;
  return Object.entries(matchLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** The autoscaling/v1 Scale view of a workload (`.../<name>/scale`). */
export function toScale(object: KubeObject): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } =
    object.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: (object.spec as any)?.replicas ?? 1 },
    status: {
      replicas: (object.status as any)?.replicas ?? 0,
      selector: selectorString(object),
    },
  };
}

/**
 * Reads or writes the scale subresource (what `kubectl scale` uses): GET answers the Scale,
 * PUT/PATCH set `spec.replicas` of the workload (optimistic concurrency on resourceVersion).
 */
export function handleScale(options: {
  store: MemoryStore;
  type: ServedType;
  namespace?: string;
  name: string;
  verb: string;
  body: unknown;
  contentType?: string;
}): KubeObject {
  const { store, type, namespace, name, verb } = options;
  const object = store.peek(type.key, namespace, name);
  if (!object)
    throw StatusError.notFound({ group: type.group, kind: type.plural, name });
  const current = toScale(object);
  if (verb === 'get') return current;
  let scale: KubeObject;
  if (verb === 'update') scale = options.body as KubeObject;
  else if (mediaType(options.contentType) === 'application/json-patch+json')
    scale = applyJsonPatch(current, options.body) as KubeObject;
  else scale = applyMergePatch(current, options.body) as KubeObject;
  const replicas = (scale?.spec as { replicas?: unknown })?.replicas;
  if (typeof replicas !== 'number' || replicas < 0) {
    throw StatusError.invalid(
      { group: 'autoscaling', kind: 'Scale', kindName: 'Scale', name },
      [
        {
          reason: 'FieldValueInvalid',
          message: `Invalid value: ${JSON.stringify(
            replicas,
          )}: must be greater than or equal to 0`,
          field: 'spec.replicas',
        },
      ],
    );
  }
  const next = structuredClone(object);
  next.spec = { ...(next.spec as object), replicas };
  next.metadata.resourceVersion =
    scale.metadata?.resourceVersion ?? object.metadata.resourceVersion;
  return toScale(store.update(type.key, next));
}
