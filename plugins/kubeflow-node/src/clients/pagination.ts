import { ClusterClient, Impersonation } from './ClusterClient';
import { ClusterRequestError } from './errors';

/** A complete list and the resourceVersion to watch from. @public */
export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
}

/** Default Kubernetes page size: no list is ever requested without one. @public */
export const KUBERNETES_PAGE_SIZE = 500;
/** KFP's maximum page size (the server clamps larger ones to it). @public */
export const KFP_MAX_PAGE_SIZE = 200;
/** Model Registry page size. @public */
export const MODEL_REGISTRY_PAGE_SIZE = 100;

/**
 * Lists every object of a collection with `limit` + `continue`. A continue token that expired
 * mid-list (410) restarts the list from the beginning, as a consistent snapshot is required.
 * Items get the `apiVersion` and `kind` that list responses leave out.
 *
 * @public
 */
export async function listKubernetes<T = any>(
  client: ClusterClient,
  options: {
    path: string;
    labelSelector?: string;
    fieldSelector?: string;
    pageSize?: number;
    as?: Impersonation;
    signal?: AbortSignal;
    timeoutMs?: number;
  },
): Promise<ListResult<T>> {
  const pageSize = options.pageSize ?? KUBERNETES_PAGE_SIZE;
  for (let restarts = 0; ; restarts++) {
    const items: T[] = [];
    let token: string | undefined;
    let resourceVersion = '';
    try {
      do {
        const page = await client.request({
          path: options.path,
          query: {
            limit: pageSize,
            continue: token,
            labelSelector: options.labelSelector,
            fieldSelector: options.fieldSelector,
          },
          as: options.as,
          signal: options.signal,
          timeoutMs: options.timeoutMs,
        });
        const kind = String(page.kind ?? '').replace(/List$/, '');
        for (const item of page.items ?? []) {
          items.push({ apiVersion: page.apiVersion, kind, ...item });
        }
        token = page.metadata?.continue || undefined;
        resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      } while (token);
      return { items, resourceVersion };
    } catch (error) {
      const expired =
        error instanceof ClusterRequestError && error.status === 410 && token;
      if (!expired || restarts >= 3) throw error;
    }
  }
}

/**
 * Lists every object of a KFP v2beta1 collection (`runs`, `pipelines`, …) with `page_size` ≤ 200
 * and `page_token` (which carries sort and filter after the first page).
 *
 * @public
 */
export async function listKfp<T = any>(
  client: ClusterClient,
  options: {
    /** Full path or URL of the collection, e.g. `${pipelinesUrl}/apis/v2beta1/runs`. */
    url: string;
    /** The response's list field: `runs`, `pipelines`, `experiments`, `recurringRuns`, … */
    itemsKey: string;
    query?: Record<string, string | undefined>;
    pageSize?: number;
    as?: Impersonation;
    signal?: AbortSignal;
    /** Stop after this many items (default: all). */
    max?: number;
  },
): Promise<T[]> {
  const pageSize = Math.min(
    options.pageSize ?? KFP_MAX_PAGE_SIZE,
    KFP_MAX_PAGE_SIZE,
  );
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await client.request({
      path: options.url,
      query: token
        ? {
            page_size: pageSize,
            page_token: token,
            namespace: options.query?.namespace,
          }
        : { ...options.query, page_size: pageSize },
      as: options.as,
      signal: options.signal,
    });
    items.push(...((page?.[options.itemsKey] as T[]) ?? []));
    token = page?.next_page_token || undefined;
  } while (token && items.length < (options.max ?? Infinity));
  return items;
}

/**
 * Lists every object of a Model Registry collection with `pageSize` and `nextPageToken`,
 * resending the order with every page as the registry requires.
 *
 * @public
 */
export async function listModelRegistry<T = any>(
  client: ClusterClient,
  options: {
    url: string;
    orderBy?: 'ID' | 'NAME' | 'CREATE_TIME' | 'LAST_UPDATE_TIME';
    sortOrder?: 'ASC' | 'DESC';
    pageSize?: number;
    as?: Impersonation;
    signal?: AbortSignal;
  },
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await client.request({
      path: options.url,
      query: {
        pageSize: options.pageSize ?? MODEL_REGISTRY_PAGE_SIZE,
        orderBy: options.orderBy ?? 'ID',
        sortOrder: options.sortOrder ?? 'ASC',
        nextPageToken: token,
      },
      as: options.as,
      signal: options.signal,
    });
    const pageItems = (page?.items as T[]) ?? [];
    items.push(...pageItems);
    token = pageItems.length ? page?.nextPageToken || undefined : undefined;
  } while (token);
  return items;
}
