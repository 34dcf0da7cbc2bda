/** Model Registry list parameters, keyset paging and filterQuery (pure). */

/** An error a Model Registry handler throws; becomes `{code, message}` with `status`. */
export class RegistryError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

const ORDER_FIELDS: Record<string, string> = {
  ID: 'id',
  CREATE_TIME: 'createTimeSinceEpoch',
  LAST_UPDATE_TIME: 'lastUpdateTimeSinceEpoch',
  NAME: 'name',
};

/** Parsed list query. */
export interface RegistryListOptions {
  pageSize?: number;
  orderBy: string;
  desc: boolean;
  after?: { id: string; value: string };
  filterQuery?: string;
}

/** Reads pageSize / orderBy / sortOrder / nextPageToken / filterQuery. */
export function parseRegistryList(query: URLSearchParams): RegistryListOptions {
  const size = query.get('pageSize');
  if (size !== null && size !== '' && !/^[1-9][0-9]{0,8}$/.test(size)) {
    throw new RegistryError(
      400,
      `invalid pageSize "${size}": must match ^[1-9][0-9]{0,8}$`,
    );
  }
  const orderBy = (query.get('orderBy') || 'ID').toUpperCase();
  if (!ORDER_FIELDS[orderBy]) {
    throw new RegistryError(
      400,
      `invalid orderBy "${query.get(
        'orderBy',
      )}": must be one of CREATE_TIME, LAST_UPDATE_TIME, ID`,
    );
  }
  const sortOrder = (query.get('sortOrder') || 'ASC').toUpperCase();
  if (sortOrder !== 'ASC' && sortOrder !== 'DESC') {
    throw new RegistryError(
      400,
      `invalid sortOrder "${query.get('sortOrder')}": must be ASC or DESC`,
    );
  }
  let after: RegistryListOptions['after'];
  const token = query.get('nextPageToken');
  if (token) {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
      throw new RegistryError(400, `invalid nextPageToken "${token}"`);
    after = { id: decoded.slice(0, colon), value: decoded.slice(colon + 1) };
  }
  return {
    pageSize: size ? Number(size) : undefined,
    orderBy,
    desc: sortOrder === 'DESC',
    after,
    filterQuery: query.get('filterQuery') ?? undefined,
  };
}

type Entity = Record<string, any>;

function sortValue(entity: Entity, field: string): string | number {
  const v = entity[field];
  return field === 'name' ? String(v ?? '') : Number(v ?? 0);
}

function cmp(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** One page of entities: `{items, size, pageSize, nextPageToken}` as the OpenAPI lists define. */
export function registryPage(entities: Entity[], options: RegistryListOptions) {
  const field = ORDER_FIELDS[options.orderBy];
  const filtered = options.filterQuery
    ? entities.filter(compileFilter(options.filterQuery))
    : entities;
  const order = (a: Entity, b: Entity) => {
    const c =
      cmp(sortValue(a, field), sortValue(b, field)) ||
      Number(a.id) - Number(b.id);
    return options.desc ? -c : c;
  };
  const sorted = [...filtered].sort(order);
  let start = 0;
  if (options.after) {
    const pivot = { id: options.after.id, [field]: options.after.value };
    start = sorted.findIndex(e => order(e, pivot) > 0);
    if (start < 0) start = sorted.length;
  }
  const limit = options.pageSize ?? sorted.length;
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  const more = start + limit < sorted.length;
  return {
    items,
    size: items.length,
    pageSize: options.pageSize ?? items.length,
    nextPageToken:
      more && last
        ? Buffer.from(`${last.id}:${last[field] ?? ''}`).toString('base64')
        : '',
  };
}

/**
 * Compiles the subset of filterQuery the sandbox understands: `<field> <op> <value>` terms
 * joined by AND (ops =, !=, <, <=, >, >=, LIKE, ILIKE; values quoted or numeric; custom
 * properties as `<key>.string_value` etc.).
 */
export function compileFilter(query: string): (entity: Entity) => boolean {
  const terms = query
    .split(/\s+AND\s+/i)
    .map(t => t.trim())
    .filter(Boolean);
  const checks = terms.map(term => {
    const m =
      /^`?([\w.\-]+)`?\s*(!=|<=|>=|=|<|>|\bILIKE\b|\bLIKE\b)\s*(.+)$/i.exec(
        term,
      );
    if (!m)
      throw new RegistryError(
        400,
        `invalid filter query: cannot parse "${term}"`,
      );
    const [, path, rawOp, rawValue] = m;
    const op = rawOp.toUpperCase();
    const value = /^["'].*["']$/.test(rawValue.trim())
      ? rawValue.trim().slice(1, -1)
      : rawValue.trim();
    return (entity: Entity) => {
      let actual: unknown;
      const dot = path.indexOf('.');
      if (dot > 0 && /_value$/.test(path)) {
        actual =
          entity.customProperties?.[path.slice(0, dot)]?.[path.slice(dot + 1)];
      } else
        actual = entity[path] ?? entity.customProperties?.[path]?.string_value;
      if (op === 'LIKE' || op === 'ILIKE') {
        const flags = op === 'ILIKE' ? 'i' : '';
        const re = new RegExp(
          `^${value
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/%/g, '.*')
            .replace(/_/g, '.')}$`,
          flags,
        );
        return re.test(String(actual ?? ''));
      }
      const a =
        typeof actual === 'number' ||
        (!Number.isNaN(Number(actual)) &&
          !Number.isNaN(Number(value)) &&
          actual !== '' &&
          actual !== undefined)
          ? Number(actual)
          : String(actual ?? '');
      const b = typeof a === 'number' ? Number(value) : value;
      switch (op) {
        case '=':
          return a === b;
        case '!=':
          return a !== b;
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        default:
          return a >= b;
      }
    };
  });
  return entity => checks.every(c => c(entity));
}
