import { runGit } from "./run";

/** The top directory of the git work tree `cwd` is in, or null outside one (or in a bare repository). */
export async function workTreeRoot(cwd: string, env: Record<string, string>): Promise<string | null> {
  const result = await runGit(["rev-parse", "--show-toplevel"], { cwd, env });
  const top = result.stdout.toString("utf8").trim();
  return result.code === 0 && top !== "" ? top : null;
}
