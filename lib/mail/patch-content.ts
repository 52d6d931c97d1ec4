import { computePatchId } from "../diff/patch-id";
import { diffStat } from "../diff/stats";
import type { TextSource } from "./mail-body";
import { commitMessageOfText, splitPatch } from "./split-patch";
import type { PatchContent } from "./types";

/*
 * The patch a mail carries: diffs from every text source (inline text first, then
 * attachments such as text/x-patch), joined in order as git am would apply them, and the
 * commit message from the mail's own text. patchwork's AttachmentPatchTest: a body "Test
 * for attached patch" plus a text/x-patch attachment gives that body as the message and
 * the attachment as the diff.
 */
export function patchContent(sources: TextSource[]): { patch: PatchContent; warnings: string[] } | null {
  const diffs: string[] = [];
  const warnings: string[] = [];
  let commitMessage: string | null = null;
  const firstInline = sources.find((source) => source.inline);
  for (const source of sources) {
    const split = splitPatch(source.text);
    if (split === null) continue;
    diffs.push(split.diff);
    if (split.corruptAt)
      warnings.push(
        `the diff looks corrupt (a hunk is cut short at ${split.corruptAt}); git am would refuse it`,
      );
    if (source === firstInline) commitMessage = split.commitMessage;
  }
  if (diffs.length === 0) return null;
  commitMessage ??= firstInline ? commitMessageOfText(firstInline.text) : "";
  const diff = diffs.join("");
  return { patch: { commitMessage, diff, stat: diffStat(diff), patchId: computePatchId(diff) }, warnings };
}
