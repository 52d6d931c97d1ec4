import { TesterApiError } from "../client/tester-client";
import { RETRY_FIRST_MS, RETRY_MAX_MS } from "./limits";

/** Resolves after `ms`, or at once when `signal` aborts; false when it was aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Thrown by `retrying` when its signal aborts while it waits. */
export class RetryStopped extends Error {
  constructor() {
    super("stopped while waiting for the server");
    this.name = "RetryStopped";
  }
}

/**
 * Calls `fn` until the server answers: an unreachable server (no answer, a 5xx) is tried
 * again after 1 s, doubling to a minute, with jitter so that many testers restarted
 * together do not knock together. Any other error is thrown at once; so is the last one
 * when `giveUpAfterMs` has passed. The first failure and the recovery are each said once.
 */
export async function retrying<T>(
  fn: () => Promise<T>,
  options: { signal?: AbortSignal; say: (line: string) => void; giveUpAfterMs?: number; firstMs?: number },
): Promise<T> {
  const started = Date.now();
  let delay = options.firstMs ?? RETRY_FIRST_MS;
  let failing = false;
  for (;;) {
    try {
      const result = await fn();
      if (failing) options.say("the server answers again");
      return result;
    } catch (error) {
      if (!(error instanceof TesterApiError) || error.kind !== "unreachable") throw error;
      if (options.giveUpAfterMs !== undefined && Date.now() - started >= options.giveUpAfterMs) throw error;
      if (!failing) options.say(`${error.message}; trying again with backoff`);
      failing = true;
    }
    const wait = delay / 2 + Math.random() * (delay / 2);
    if (!(await sleep(wait, options.signal))) throw new RetryStopped();
    delay = Math.min(delay * 2, RETRY_MAX_MS);
  }
}
