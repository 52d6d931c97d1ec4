import fs from "node:fs/promises";
import path from "node:path";

import { readMaildir } from "./maildir";
import { listEpochs, readEpoch, readPublicInbox } from "./public-inbox";
import { readFileSource } from "./read-file-source";
import { MessageSourceError } from "./source-error";
import { type MessageSourceOptions, skipReporter, type SourceMessage } from "./source-types";

export type { MessageSourceOptions, SourceMessage } from "./source-types";

/**
 * Every message at `sourcePath`, whatever the kind of source, decided by content and
 * layout, never by file name:
 *
 * - a directory with `cur/` or `new/`: a maildir (maildir.ts);
 * - a directory with `git/<N>.git`: a public-inbox v2 archive, all epochs (public-inbox.ts);
 * - a bare git repository (`HEAD`, `objects/`, `refs/`): one public-inbox epoch;
 * - a file starting with the gzip magic 1f 8b (RFC 1952 §2.3.1): decompressed, then as below;
 * - a file whose first line starts with `From `: an mbox (mboxrd.ts);
 * - a file starting with `{` or `[`: JSON, not mail (patchew's REST bodies): throws
 *   MessageSourceError `not-mail` before yielding anything;
 * - xz, bzip2 or zstd data: throws `unsupported-compression`;
 * - any other file: one raw RFC 5322 message, bytes as stored (what patchew's importer
 *   does with a file that does not start with `From `). An empty file yields nothing.
 *
 * Errors are MessageSourceError (code `source-unreadable`, with a `reason`). Those about
 * the source as a whole come from the first `next()`, so a caller going through several
 * paths can report one and go on. A message over the size limit goes to `onSkip`.
 */
export async function* openMessageSource(
  sourcePath: string,
  options: MessageSourceOptions = {},
): AsyncGenerator<SourceMessage, void, undefined> {
  const stat = await fs.stat(sourcePath).catch((cause: unknown) => {
    throw new MessageSourceError("missing", sourcePath, `${sourcePath}: no such file or directory`, {
      cause,
    });
  });
  if (stat.isDirectory()) yield* openDirectory(sourcePath, options);
  else yield* readFileSource(sourcePath, options);
}

async function* openDirectory(
  dir: string,
  options: MessageSourceOptions,
): AsyncGenerator<SourceMessage, void, undefined> {
  const has = async (name: string, kind: "dir" | "file") => {
    const s = await fs.stat(path.join(dir, name)).catch(() => null);
    return kind === "dir" ? !!s?.isDirectory() : !!s?.isFile();
  };
  if ((await has("cur", "dir")) || (await has("new", "dir"))) {
    yield* readMaildir(dir, options);
    return;
  }
  if ((await listEpochs(dir)).length > 0) {
    yield* readPublicInbox(dir, {
      onSkip: skipReporter(options, dir),
      maxMessageBytes: options.maxMessageBytes,
    });
    return;
  }
  if ((await has("HEAD", "file")) && (await has("objects", "dir")) && (await has("refs", "dir"))) {
    const name = path.basename(path.resolve(dir));
    const epoch = { number: Number(/^(\d+)\.git$/.exec(name)?.[1] ?? 0), gitDir: dir, label: name };
    const report = skipReporter(options, dir);
    const onSkip = (commit: string, reason: string) => report(`${name}@${commit}`, reason);
    for await (const { commit, raw } of readEpoch(epoch, {
      onSkip,
      maxMessageBytes: options.maxMessageBytes,
    })) {
      if (raw) yield { raw, origin: `${name}@${commit}` };
    }
    return;
  }
  throw new MessageSourceError(
    "unknown-directory",
    dir,
    `${dir}: neither a maildir (cur/, new/), a public-inbox v2 archive (git/0.git) nor a bare git repository`,
  );
}
