import { runGit } from "./run";

/**
 * `git am` in the user's checkout gets longer than a server-side command: a 3-way apply
 * of a long series in a large tree reads many blobs. Its output is one line per patch
 * and git's advice.
 */
const CHECKOUT_AM_TIMEOUT_MS = 10 * 60_000;
const CHECKOUT_AM_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export type CheckoutAmResult = { ok: true; output: string } | { ok: false; output: string };

/**
 * Applies an mbox to the checkout at `cwd` as `git am --3way` does, reading the mbox as
 * mboxrd (the format Patchwatch serves: `>From ` lines lose one `>`). On failure git
 * leaves the am session open for the user to resolve or abort, as it would by hand.
 */
export async function amIntoCheckout(
  cwd: string,
  mboxPath: string,
  env: Record<string, string>,
): Promise<CheckoutAmResult> {
  const result = await runGit(["am", "--3way", "--patch-format=mboxrd", "--", mboxPath], {
    cwd,
    env,
    timeoutMs: CHECKOUT_AM_TIMEOUT_MS,
    maxOutputBytes: CHECKOUT_AM_MAX_OUTPUT_BYTES,
  });
  const output = [result.stdout.toString("utf8"), result.stderr].filter((s) => s.trim() !== "").join("\n");
  return { ok: result.code === 0, output: output.trimEnd() };
}
