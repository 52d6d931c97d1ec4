import { PatchwatchError } from "../errors";

/**
 * A page's load that may be refused: a search or a cursor the user got wrong (bad-request)
 * is a message on the page, not an error page; anything else goes on to app/error.tsx.
 */
export async function problemOnPage<T>(
  run: () => Promise<T>,
): Promise<{ value: T; problem: null } | { value: null; problem: string }> {
  try {
    return { value: await run(), problem: null };
  } catch (error) {
    if (error instanceof PatchwatchError && error.code === "bad-request")
      return { value: null, problem: error.message };
    throw error;
  }
}
