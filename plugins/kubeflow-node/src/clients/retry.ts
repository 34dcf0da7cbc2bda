/** Backoff settings for retries and reconnects. @public */
export interface BackoffOptions {
  /** First delay, ms. */
  initialMs: number;
  /** Cap of any delay, ms. */
  maxMs: number;
}

/**
 * Full-jitter exponential backoff: a random delay between 0 and min(max, initial * 2^attempt),
 * so many clients recovering at once do not retry in lockstep.
 *
 * @public
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** Resolves after `ms`, or rejects when the signal aborts first. @public */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: NodeJS.Timeout | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
