import { runGit } from "./run";

/**
 * Whether git accepts `refname` as a ref name, asked of git itself
 * (git-check-ref-format(1): exit 0 for a valid name). Names we build from mail are checked
 * here before any command that writes a ref sees them.
 */
export async function checkRefFormat(refname: string): Promise<boolean> {
  if (refname.startsWith("-") || /[\0\n]/.test(refname)) return false;
  const { code } = await runGit(["check-ref-format", refname]);
  return code === 0;
}
