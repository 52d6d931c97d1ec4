import fs from "node:fs";
import path from "node:path";

import { commitTree, initBareRepo, setRef, writeBlob } from "../../git/test-repo";

/**
 * Test support: a public-inbox v2 archive made with real git, laid out as
 * public-inbox-v2-format(5) describes: `git/<N>.git` bare epochs whose commits each hold
 * one message as blob `m`; a removal replaces `m` by `d`. `all.git` is there too (empty,
 * as in real inboxes) and must be ignored.
 */
export class PublicInboxFixture {
  private heads = new Map<number, string | null>();

  constructor(readonly root: string) {
    fs.mkdirSync(path.join(root, "git"), { recursive: true });
    fs.mkdirSync(path.join(root, "all.git"), { recursive: true });
  }

  gitDir(epoch: number): string {
    return path.join(this.root, "git", `${epoch}.git`);
  }

  private async head(epoch: number): Promise<string | null> {
    if (!this.heads.has(epoch)) {
      await initBareRepo(this.gitDir(epoch));
      this.heads.set(epoch, null);
    }
    return this.heads.get(epoch)!;
  }

  /** Commits one message; returns the commit id. */
  async add(epoch: number, raw: Buffer | string): Promise<string> {
    const parent = await this.head(epoch);
    const blob = await writeBlob(this.gitDir(epoch), raw);
    return this.commit(epoch, { m: blob }, parent, "add");
  }

  /** Commits the removal of a message, the way public-inbox does: `m` goes, `d` holds the removed one. */
  async remove(epoch: number, raw: Buffer | string): Promise<string> {
    const parent = await this.head(epoch);
    const blob = await writeBlob(this.gitDir(epoch), raw);
    return this.commit(epoch, { d: blob }, parent, "remove");
  }

  private async commit(epoch: number, files: Record<string, string>, parent: string | null, message: string) {
    const commit = await commitTree(this.gitDir(epoch), files, parent, message);
    await setRef(this.gitDir(epoch), "refs/heads/master", commit);
    this.heads.set(epoch, commit);
    return commit;
  }
}
