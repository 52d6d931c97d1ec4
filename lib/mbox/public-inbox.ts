import fs from "node:fs/promises";
import path from "node:path";

import { openCatFileBatch } from "../git/cat-file-batch";
import { GitError } from "../git/errors";
import { findBranch } from "../git/find-branch";
import { isAncestor } from "../git/is-ancestor";
import { CAT_FILE_WINDOW } from "../git/limits";
import { listCommits } from "../git/list-commits";
import { MAX_MESSAGE_BYTES } from "./limits";

/**
 * Where reading stopped: the last commit read in each epoch, keyed by epoch number
 * ("0", "1", ...). JSON as it is, so a caller can store it and pass it back as `since`.
 */
export type PublicInboxCursor = Record<string, string>;

export interface PublicInboxMessage {
  raw: Buffer;
  /** `<inbox>/git/<N>.git@<commit>`, for error reports. */
  origin: string;
  epoch: number;
  commit: string;
}

export interface ReadPublicInboxOptions {
  /** Resume after these commits (a cursor returned by an earlier read). */
  since?: PublicInboxCursor | undefined;
  /** Blobs larger than this are not read (default MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number | undefined;
  /**
   * Told about a commit whose `m` is skipped for being over the size limit, so one odd
   * blob does not stop an import. Without it, such a blob throws GitError `output-too-large`.
   */
  onSkip?: ((origin: string, reason: string) => void) | undefined;
}

export interface ReadEpochOptions {
  /** Resume after this commit. */
  since?: string | undefined;
  maxMessageBytes?: number | undefined;
  onSkip?: ((commit: string, reason: string) => void) | undefined;
}

export interface Epoch {
  number: number;
  gitDir: string;
  /** How origins name the epoch: `ltp/git/0.git`. */
  label: string;
}

/**
 * Messages of a public-inbox v2 archive, oldest first: epochs `git/0.git`, `git/1.git`,
 * ... in numeric order, and in each the commits of its branch in order. In v2 every
 * commit stores one message as the blob `m` at the top of its tree; a commit that
 * removes a message replaces `m` by `d` (public-inbox-v2-format(5)), so a commit whose
 * tree has no `m` is skipped.
 *
 * Per epoch, one `git rev-list` lists commits and one `git cat-file --batch` process
 * reads `<commit>:m` for all of them, CAT_FILE_WINDOW requests in flight.
 *
 * The generator's return value is the cursor after the last commit read (deletions
 * included). A `since` commit no longer in its epoch (history rewritten by a purge) makes
 * that epoch be read again from the start: the store's Message-ID identity makes that
 * safe, and missing a message is not.
 */
export async function* readPublicInbox(
  inboxPath: string,
  options: ReadPublicInboxOptions = {},
): AsyncGenerator<PublicInboxMessage, PublicInboxCursor, undefined> {
  const cursor: PublicInboxCursor = { ...options.since };
  for (const epoch of await listEpochs(inboxPath)) {
    const since = options.since?.[String(epoch.number)];
    const onSkip =
      options.onSkip &&
      ((commit: string, reason: string) => options.onSkip!(`${epoch.label}@${commit}`, reason));
    for await (const item of readEpoch(epoch, { since, onSkip, maxMessageBytes: options.maxMessageBytes })) {
      cursor[String(epoch.number)] = item.commit;
      if (item.raw)
        yield {
          raw: item.raw,
          origin: `${epoch.label}@${item.commit}`,
          epoch: epoch.number,
          commit: item.commit,
        };
    }
  }
  return cursor;
}

/** The epochs of a v2 inbox, in numeric order; empty if `git/` holds none. */
export async function listEpochs(inboxPath: string): Promise<Epoch[]> {
  const names = await fs.readdir(path.join(inboxPath, "git")).catch(() => [] as string[]);
  const inbox = path.basename(path.resolve(inboxPath));
  return names
    .map((name) => /^(0|[1-9]\d{0,5})\.git$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      number: Number(m[1]),
      gitDir: path.join(inboxPath, "git", m[0]),
      label: `${inbox}/git/${m[0]}`,
    }))
    .sort((a, b) => a.number - b.number);
}

/**
 * One epoch's commits in order, each with its message or null (a removal). Used alone
 * for a bare epoch repository given directly.
 */
export async function* readEpoch(
  epoch: Epoch,
  options: ReadEpochOptions = {},
): AsyncGenerator<{ commit: string; raw: Buffer | null }, void, undefined> {
  const { since, onSkip } = options;
  const branch = await findBranch(epoch.gitDir);
  if (!branch) return;
  const from = since && (await isAncestor(epoch.gitDir, since, branch)) ? since : undefined;
  const batch = openCatFileBatch(epoch.gitDir, {
    maxObjectBytes: options.maxMessageBytes ?? MAX_MESSAGE_BYTES,
  });
  const window: { commit: string; blob: Promise<Awaited<ReturnType<typeof batch.read>>> }[] = [];
  const next = async () => {
    const { commit, blob } = window.shift()!;
    try {
      const object = await blob;
      return { commit, raw: object?.type === "blob" ? object.content : null };
    } catch (error) {
      if (!onSkip || !(error instanceof GitError) || error.code !== "output-too-large") throw error;
      onSkip(commit, error.message);
      return { commit, raw: null };
    }
  };
  try {
    for await (const commit of listCommits(epoch.gitDir, branch, { since: from })) {
      const blob = batch.read(`${commit}:m`);
      blob.catch(() => {}); // awaited in turn below; not an unhandled rejection meanwhile
      window.push({ commit, blob });
      if (window.length >= CAT_FILE_WINDOW) yield await next();
    }
    while (window.length > 0) yield await next();
  } finally {
    await batch.close();
  }
}
