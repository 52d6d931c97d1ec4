import type { z } from "zod";

/** A zod error as an indented list of `path: message` lines, for the administrator to read. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.join(".") || "(top)"}: ${i.message}`).join("\n");
}
