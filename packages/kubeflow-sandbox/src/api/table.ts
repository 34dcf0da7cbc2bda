import type { PrinterColumn, ServedType } from '../schema/coreTypes';
import type { KubeObject } from '../store/types';

/** Whether the Accept header asks for a meta.k8s.io Table. */
export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept.split(',')[0] ?? '');
}

/** A compact age like the apiserver prints (`5s`, `3m`, `2h`, `4d`). */
export function age(timestamp: string | undefined, now = Date.now()): string {
  if (!timestamp) return '<unknown>';
  const seconds = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** Evaluates the simple JSONPaths CRD printer columns use (`.status.conditions[?(@.type=="Ready")].status`). */
export function evalJsonPath(object: unknown, path: string): unknown {
  const tokens = path.match(/\.[^.[]+|\[[^\]]*\]/g) ?? [];
  let current: unknown = object;
  for (const token of tokens) {
    if (current === undefined || current === null) return undefined;
    if (token.startsWith('.')) {
      const key = token.slice(1);
      current = Array.isArray(current)
        ? current.map(i => (i as Record<string, unknown>)?.[key])
        : (current as Record<string, unknown>)[key];
      continue;
    }
    const inner = token.slice(1, -1);
    const filter = /^\?\(@\.(\w+)\s*==\s*["']([^"']*)["']\)$/.exec(inner);
    if (filter && Array.isArray(current)) {
      current = current.filter(
        i => String((i as Record<string, unknown>)?.[filter[1]]) === filter[2],
      );
      continue;
    }
    if (Array.isArray(current)) {
      const slice = /^(-?\d+):$/.exec(inner);
      if (slice) current = current.slice(Number(slice[1]));
      else if (/^-?\d+$/.test(inner)) current = current.at(Number(inner));
      else if (inner === '*') continue;
    }
  }
  if (Array.isArray(current)) {
    // A field the matched items lack is no value (`<none>`), not the text "undefined".
    const values = current.filter(v => v !== undefined && v !== null);
    return values.length ? values.map(String).join(',') : undefined;
  }
  return current;
}

const NAME_COLUMN = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
};

function columnsFor(type: ServedType): PrinterColumn[] {
  if (type.printerColumns?.length) return type.printerColumns;
  if (type.kind === 'Pod') {
    return [
      { name: 'Status', type: 'string', jsonPath: '.status.phase' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    ];
  }
  if (type.kind === 'Event') {
    return [
      { name: 'Last Seen', type: 'date', jsonPath: '.lastTimestamp' },
      { name: 'Type', type: 'string', jsonPath: '.type' },
      { name: 'Reason', type: 'string', jsonPath: '.reason' },
      { name: 'Object', type: 'string', jsonPath: '.involvedObject' },
      { name: 'Message', type: 'string', jsonPath: '.message' },
    ];
  }
  if (type.kind === 'Namespace') {
    return [
      { name: 'Status', type: 'string', jsonPath: '.status.phase' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
    ];
  }
  return [
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ];
}

/** The row object for `includeObject` (None | Object | PartialObjectMetadata). */
function rowObject(object: KubeObject, include: string | null): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: object.metadata,
  };
}

/** Renders objects as a meta.k8s.io/v1 Table (what kubectl get asks for). */
export function toTable(
  type: ServedType,
  objects: KubeObject[],
  listMeta: Record<string, unknown>,
  includeObject: string | null,
): Record<string, unknown> {
  const columns = columnsFor(type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: [
      NAME_COLUMN,
      ...columns.map(c => ({
        name: c.name,
        type: c.type === 'date' ? 'string' : c.type,
        format: '',
        description: c.description ?? '',
        priority: c.priority ?? 0,
      })),
    ],
    rows: objects.map(object => ({
      cells: [
        object.metadata.name,
        ...columns.map(c => {
          const value = evalJsonPath(object, c.jsonPath);
          if (c.type === 'date') return age(value as string | undefined);
          if (
            c.jsonPath === '.involvedObject' &&
            value &&
            typeof value === 'object'
          ) {
            const ref = value as { kind?: string; name?: string };
            return `${(ref.kind ?? '').toLowerCase()}/${ref.name}`;
          }
          return value ?? '<none>';
        }),
      ],
      object: rowObject(object, includeObject),
    })),
  };
}
