import { RpcError } from '../rpcStatus';

/** A KFP list predicate (filter.proto), after camelCase → snake_case normalisation. */
export interface Predicate {
  key: string;
  operation: string;
  string_value?: string;
  int_value?: number;
  long_value?: string | number;
  timestamp_value?: string;
  bool_value?: boolean;
  int_values?: { values?: number[] };
  long_values?: { values?: Array<string | number> };
  string_values?: { values?: string[] };
}

/** A KFP filter: predicates AND-ed. */
export interface Filter {
  predicates?: Predicate[];
}

/** Which wire field each API sort/filter key means (aliases like `id`/`name` included). */
export type FieldMap = Record<string, string>;

/** The fields KFP lets clients sort and filter by, per resource (model/*.go field maps). */
export const FIELD_MAPS: Record<
  'runs' | 'experiments' | 'pipelines' | 'pipeline_versions' | 'recurringruns',
  FieldMap
> = {
  runs: {
    run_id: 'run_id',
    id: 'run_id',
    display_name: 'display_name',
    name: 'display_name',
    created_at: 'created_at',
    finished_at: 'finished_at',
    scheduled_at: 'scheduled_at',
    description: 'description',
    storage_state: 'storage_state',
    state: 'state',
    namespace: 'namespace',
    experiment_id: 'experiment_id',
    recurring_run_id: 'recurring_run_id',
    pipeline_version_id: 'pipeline_version_id',
  },
  experiments: {
    experiment_id: 'experiment_id',
    id: 'experiment_id',
    display_name: 'display_name',
    name: 'display_name',
    created_at: 'created_at',
    last_run_created_at: 'last_run_created_at',
    description: 'description',
    namespace: 'namespace',
    storage_state: 'storage_state',
  },
  pipelines: {
    pipeline_id: 'pipeline_id',
    id: 'pipeline_id',
    display_name: 'display_name',
    name: 'name',
    created_at: 'created_at',
    description: 'description',
    namespace: 'namespace',
  },
  pipeline_versions: {
    pipeline_version_id: 'pipeline_version_id',
    id: 'pipeline_version_id',
    display_name: 'display_name',
    name: 'name',
    created_at: 'created_at',
    description: 'description',
    pipeline_id: 'pipeline_id',
  },
  recurringruns: {
    recurring_run_id: 'recurring_run_id',
    id: 'recurring_run_id',
    display_name: 'display_name',
    name: 'display_name',
    created_at: 'created_at',
    updated_at: 'updated_at',
    description: 'description',
    status: 'status',
    namespace: 'namespace',
    experiment_id: 'experiment_id',
  },
};

/** What a page token carries (KFP embeds sort and filter in it). */
interface PageToken {
  SortByFieldName: string;
  SortByFieldValue: unknown;
  KeyFieldName: string;
  KeyFieldValue: string;
  IsDesc: boolean;
  Filter?: Filter;
}

/** Parsed list request. */
export interface ListOptions {
  pageSize: number;
  sortField: string;
  desc: boolean;
  filter?: Filter;
  after?: { sortValue: unknown; key: string };
}

const TIME_FIELDS = new Set([
  'created_at',
  'finished_at',
  'scheduled_at',
  'last_run_created_at',
  'updated_at',
]);

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`),
        snakeKeys(v),
      ]),
    );
  }
  return value;
}

/** Parses the `filter` query parameter (URL-encoded JSON, possibly encoded twice by the KFP UI). */
export function parseFilter(
  raw: string | null,
  fields: FieldMap,
): Filter | undefined {
  if (!raw) return undefined;
  let text = raw.trim();
  for (let i = 0; i < 2 && !text.startsWith('{'); i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  let parsed: Filter;
  try {
    parsed = snakeKeys(JSON.parse(text)) as Filter;
  } catch (error) {
    throw new RpcError(
      'INVALID_ARGUMENT',
      `Invalid input error: failed to parse valid filter from "${raw}": ${error}`,
    );
  }
  for (const p of parsed.predicates ?? []) {
    if (!fields[p.key]) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: no support for filtering on unrecognized field "${p.key}"`,
      );
    }
    const ops = [
      'EQUALS',
      'NOT_EQUALS',
      'GREATER_THAN',
      'GREATER_THAN_EQUALS',
      'LESS_THAN',
      'LESS_THAN_EQUALS',
      'IN',
      'IS_SUBSTRING',
    ];
    if (!ops.includes(p.operation)) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: invalid operation "${p.operation}" in filter`,
      );
    }
  }
  return parsed;
}

/** Reads page_size / page_token / sort_by / filter the way KFP's list.go does. */
export function parseListOptions(
  query: URLSearchParams,
  fields: FieldMap,
  keyField: string,
): ListOptions {
  const sizeText = query.get('page_size');
  let pageSize = 20;
  if (sizeText !== null && sizeText !== '') {
    pageSize = Number(sizeText);
    if (!Number.isInteger(pageSize)) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: invalid page_size "${sizeText}"`,
      );
    }
    if (pageSize < 0) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: The page size should be greater than 0. Got ${pageSize}`,
      );
    }
    if (pageSize === 0) pageSize = 20;
    if (pageSize > 200) pageSize = 200;
  }
  const tokenText = query.get('page_token');
  if (tokenText) {
    let token: PageToken;
    try {
      token = JSON.parse(Buffer.from(tokenText, 'base64').toString('utf8'));
    } catch {
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: invalid page token',
      );
    }
    if (
      !token ||
      typeof token.SortByFieldName !== 'string' ||
      token.KeyFieldName !== keyField
    ) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        'Invalid input error: invalid page token',
      );
    }
    return {
      pageSize,
      sortField: token.SortByFieldName,
      desc: token.IsDesc,
      filter: token.Filter,
      after: { sortValue: token.SortByFieldValue, key: token.KeyFieldValue },
    };
  }
  const sortBy = (query.get('sort_by') ?? '').trim().toLowerCase();
  let sortField = 'created_at';
  let desc = false;
  if (sortBy) {
    const parts = sortBy.split(/\s+/);
    if (
      parts.length > 2 ||
      (parts[1] && parts[1] !== 'asc' && parts[1] !== 'desc')
    ) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: Received invalid sort by format "${sortBy}"`,
      );
    }
    if (!fields[parts[0]]) {
      throw new RpcError(
        'INVALID_ARGUMENT',
        `Invalid input error: Invalid sorting field: "${parts[0]}"`,
      );
    }
    sortField = fields[parts[0]];
    desc = parts[1] === 'desc';
  }
  return {
    pageSize,
    sortField,
    desc,
    filter: parseFilter(query.get('filter'), fields),
  };
}

function comparable(field: string, value: unknown): string | number {
  if (value === undefined || value === null)
    return TIME_FIELDS.has(field) ? 0 : '';
  if (TIME_FIELDS.has(field)) {
    const t =
      typeof value === 'number' ? value * 1000 : Date.parse(String(value));
    return Number.isNaN(t) ? 0 : t;
  }
  if (typeof value === 'number') return value;
  return String(value);
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (String(a) === String(b)) return 0;
  return String(a) < String(b) ? -1 : 1;
}

function predicateValues(p: Predicate): unknown[] {
  if (p.string_values?.values) return p.string_values.values;
  if (p.int_values?.values) return p.int_values.values;
  if (p.long_values?.values) return p.long_values.values.map(Number);
  for (const v of [
    p.string_value,
    p.int_value,
    p.long_value,
    p.timestamp_value,
    p.bool_value,
  ]) {
    if (v !== undefined)
      return [
        typeof p.long_value === 'string' && v === p.long_value ? Number(v) : v,
      ];
  }
  return [''];
}

/** Whether a wire object satisfies every predicate of the filter. */
export function matchesFilter(
  item: Record<string, unknown>,
  filter: Filter | undefined,
  fields: FieldMap,
): boolean {
  for (const p of filter?.predicates ?? []) {
    const field = fields[p.key] ?? p.key;
    const actual = comparable(field, item[field]);
    const values = predicateValues(p).map(v => comparable(field, v));
    const c = compare(actual, values[0]);
    const ok = {
      EQUALS: c === 0,
      NOT_EQUALS: c !== 0,
      GREATER_THAN: c > 0,
      GREATER_THAN_EQUALS: c >= 0,
      LESS_THAN: c < 0,
      LESS_THAN_EQUALS: c <= 0,
      IN: values.some(v => compare(actual, v) === 0),
      IS_SUBSTRING: String(item[field] ?? '').includes(
        String(predicateValues(p)[0] ?? ''),
      ),
    }[p.operation];
    if (!ok) return false;
  }
  return true;
}

/** One page of a KFP list, with `total_size` over the whole (filtered) set. */
export function listPage<T extends Record<string, unknown>>(
  items: T[],
  options: ListOptions,
  fields: FieldMap,
  keyField: string,
): { page: T[]; totalSize: number; nextPageToken?: string } {
  const filtered = items.filter(i => matchesFilter(i, options.filter, fields));
  const { sortField, desc } = options;
  const order = (a: T, b: T) => {
    const c =
      compare(
        comparable(sortField, a[sortField]),
        comparable(sortField, b[sortField]),
      ) || compare(String(a[keyField]), String(b[keyField]));
    return desc ? -c : c;
  };
  const sorted = [...filtered].sort(order);
  let start = 0;
  if (options.after) {
    const after = options.after;
    const pivot = {
      [sortField]: after.sortValue,
      [keyField]: after.key,
    } as unknown as T;
    start = sorted.findIndex(i => order(i, pivot) >= 0);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + options.pageSize);
  const next = sorted[start + options.pageSize];
  let nextPageToken: string | undefined;
  if (next) {
    const token: PageToken = {
      SortByFieldName: sortField,
      SortByFieldValue: next[sortField] ?? null,
      KeyFieldName: keyField,
      KeyFieldValue: String(next[keyField]),
      IsDesc: desc,
      ...(options.filter ? { Filter: options.filter } : {}),
    };
    nextPageToken = Buffer.from(JSON.stringify(token)).toString('base64');
  }
  return {
    page,
    totalSize: filtered.length,
    ...(nextPageToken ? { nextPageToken } : {}),
  };
}
