import { mockCredentials } from '@backstage/backend-test-utils';
import { HttpCall, Judge, Operation, Target, expectedAllow } from './matrix';

export interface Reply {
  status: number;
  text: string;
  json: any;
}

/** Sends requests to the backend and keeps every body it answered (the canary check reads them). */
export class Client {
  /** Every response body, with what the request itself sent (headers and body). */
  readonly bodies: Array<{ text: string; sent: string }> = [];
  /** Connections reset under a request (it was sent again). */
  resets = 0;

  constructor(private readonly baseUrl: string) {}

  static auth(user: string) {
    return {
      authorization: mockCredentials.user.header(`user:default/${user}`),
    };
  }

  async send(
    call: HttpCall,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const controller = new AbortController();
    const send = () =>
      fetch(`${this.baseUrl}${call.path}`, {
        method: call.method,
        headers: {
          ...(call.body !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
          ...headers,
        },
        body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
        signal: controller.signal,
      });
    // A kept-alive connection the server closed just then resets before the request is read:
    // send it once more on a fresh one.
    const response = await send().catch(error => {
      if (error?.cause?.code !== 'ECONNRESET') throw error;
      this.resets++;
      return send();
    });
    let text: string;
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      // The live channel stays open: read its greeting, then hang up.
      const reader = response.body!.getReader();
      const { value } = await reader.read();
      text = new TextDecoder().decode(value);
      controller.abort();
    } else {
      text = await response.text();
    }
    this.bodies.push({ text, sent: JSON.stringify([headers, call.body]) });
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  }

  as(user: string, call: HttpCall, headers: Record<string, string> = {}) {
    return this.send(call, { ...Client.auth(user), ...headers });
  }
}

export type Decision = 'allow' | 'deny' | `error ${string}`;

/** Reads a reply as a decision, the way the operation's judge says. */
export function decide(judge: Judge, target: Target, reply: Reply): Decision {
  const { status, json } = reply;
  const error = (): Decision =>
    `error ${status} ${String(json?.error?.message ?? reply.text).slice(
      0,
      160,
    )}`;
  switch (judge) {
    case 'status':
      if (status >= 200 && status < 300) return 'allow';
      return status === 403 ? 'deny' : error();
    case 'status-or-conflict':
      if ((status >= 200 && status < 300) || status === 409) return 'allow';
      return status === 403 ? 'deny' : error();
    case 'found':
      if (status === 200) return 'allow';
      return status === 404 ? 'deny' : error();
    case 'non-empty':
      if (status !== 200) return error();
      return (json?.items ?? json).length > 0 ? 'allow' : 'deny';
    case 'lists-namespace':
      if (status !== 200) return status === 403 ? 'deny' : error();
      return json.some((p: any) => p.name === target.namespace)
        ? 'allow'
        : 'deny';
    case 'search-hit': {
      if (status !== 200) return error();
      const location = `/catalog/sandbox/resource/${target.namespace}.${target.notebook}`;
      return json.results.some(
        (r: any) => String(r.document.location).toLowerCase() === location,
      )
        ? 'allow'
        : 'deny';
    }
    default:
      return error();
  }
}

export interface CellResult {
  operation: Operation;
  user: string;
  target: Target;
  expected: 'allow' | 'deny';
  observed: Decision;
  /** For a denied write: what changed on the cluster (empty when nothing did). */
  changed?: string;
}

export function expectedOf(op: Operation, user: string, target: Target) {
  return expectedAllow(user, target.namespace, op.need) ? 'allow' : 'deny';
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number) {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

/** A grid: one line per operation, one character per user × namespace (A allow, . deny, ! wrong). */
export function renderGrid(
  results: CellResult[],
  users: string[],
  namespaces: string[],
): string {
  const header = `${' '.repeat(58)}${users
    .map(u => u.padEnd(namespaces.length + 1))
    .join('')}`;
  const ops = [...new Set(results.map(r => r.operation.id))];
  const lines = ops.map(id => {
    const cells = users
      .map(user =>
        namespaces
          .map(ns => {
            const r = results.find(
              x =>
                x.operation.id === id &&
                x.user === user &&
                x.target.namespace === ns,
            );
            if (!r) return ' ';
            if (r.observed !== r.expected || r.changed) return '!';
            return r.observed === 'allow' ? 'A' : '.';
          })
          .join(''),
      )
      .join(' ');
    return `${id.slice(0, 56).padEnd(58)}${cells}`;
  });
  return [
    header,
    `${' '.repeat(58)}(columns per user: ${namespaces.join(', ')})`,
    ...lines,
  ].join('\n');
}
