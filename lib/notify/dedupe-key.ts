import crypto from "node:crypto";

/**
 * Keys of robot_mail.dedupe_key: one mail per key, ever. A series revision is its project,
 * head Message-ID and version; an apply failure adds the patch mails it was tried with, so
 * a late or replaced patch makes a new attempt worth a new mail.
 */
export function applyFailedKey(
  project: string,
  headMsgid: string,
  version: number,
  patchMsgids: string[],
): string {
  const patches = crypto.createHash("sha256").update(patchMsgids.join("\n")).digest("hex").slice(0, 16);
  return `apply-failed:${project}:${headMsgid}:v${version}:${patches}`;
}

export function testFailedKey(project: string, headMsgid: string, version: number, test: string): string {
  return `test-failed:${project}:${headMsgid}:v${version}:${test}`;
}
