import { runGit } from "../lib/git/run";
import { parseMessage } from "../lib/mail/parse-message";
import { openMessageSource } from "../lib/mbox/open-source";
import { formatMboxrdEntry } from "../lib/mbox/write-mboxrd";
import { assembleSeries } from "../lib/series/assemble";
import { toSeriesMessage } from "../lib/series/from-mail";
import type { PlannedSeries, SeriesMessage } from "../lib/series/types";

/**
 * The series bench/apply applies: complete series of 1 to MAX_PATCHES patches from the
 * archive, as lib/series assembles them, each with the commit it was posted against.
 */
export const MAX_PATCHES = 20;

export interface BenchSeries {
  headMsgid: string;
  title: string;
  version: number;
  date: Date;
  patches: number;
  /** The patch mails in order, as stored, with their diffs (what the applier reads from the database). */
  mails: { raw: Buffer; diff: string }[];
  /** The same mails as an mboxrd file for `git am --patch-format=mboxrd`. */
  mbox: Buffer;
  base: string;
  baseReason: "base-commit" | "branch as of the posting date";
}

export interface Corpus {
  messages: number;
  assembled: number;
  /** Complete series of 1..MAX_PATCHES patches that are not pull requests. */
  eligible: number;
  /** Of those, left out because they build on another series (Based-on:). */
  dependent: number;
  series: BenchSeries[];
}

export async function loadCorpus(
  archive: string,
  mirror: string,
  branch: string,
  count: number,
): Promise<Corpus> {
  const raws = new Map<string, { raw: Buffer; diff: string }>();
  const messages: SeriesMessage[] = [];
  for await (const { raw } of openMessageSource(archive)) {
    const parsed = await parseMessage(raw);
    if (!parsed.ok || raws.has(parsed.mail.messageId)) continue;
    raws.set(parsed.mail.messageId, { raw, diff: parsed.mail.patch?.diff ?? "" });
    messages.push(toSeriesMessage(parsed.mail, messages.length + 1));
  }
  const plan = assembleSeries(messages);
  const eligible = plan.series.filter(
    (s) =>
      s.complete &&
      !s.isPull &&
      s.date !== null &&
      s.total >= 1 &&
      s.total <= MAX_PATCHES &&
      s.patches.length === s.total,
  );
  const independent = eligible
    .filter((s) => s.basedOn.length === 0)
    .sort((a, b) => a.date!.getTime() - b.date!.getTime())
    .slice(0, count);
  const series: BenchSeries[] = [];
  for (const s of independent) series.push(await benchSeries(s, raws, mirror, branch));
  return {
    messages: messages.length,
    assembled: plan.series.length,
    eligible: eligible.length,
    dependent: eligible.length - eligible.filter((s) => s.basedOn.length === 0).length,
    series,
  };
}

async function benchSeries(
  s: PlannedSeries,
  raws: Map<string, { raw: Buffer; diff: string }>,
  mirror: string,
  branch: string,
): Promise<BenchSeries> {
  const mails = s.patches.map((p) => raws.get(p.msgid)!);
  const mbox = Buffer.concat(mails.map((m) => formatMboxrdEntry(m.raw)));
  const named = s.baseCommit && (await commitIn(mirror, s.baseCommit));
  const base = named || (await branchAsOf(mirror, branch, s.date!));
  return {
    headMsgid: s.headMsgid,
    title: s.title,
    version: s.version,
    date: s.date!,
    patches: s.patches.length,
    mails,
    mbox,
    base,
    baseReason: named ? "base-commit" : "branch as of the posting date",
  };
}

/** The full id of a `base-commit:` when the tree has it; the value comes from mail, so it is checked first. */
async function commitIn(mirror: string, named: string): Promise<string | null> {
  if (!/^[0-9a-f]{7,64}$/.test(named)) return null;
  const result = await runGit([
    `--git-dir=${mirror}`,
    "rev-parse",
    "--verify",
    "--quiet",
    `${named}^{commit}`,
  ]);
  return result.code === 0 ? result.stdout.toString().trim() : null;
}

async function branchAsOf(mirror: string, branch: string, date: Date): Promise<string> {
  const result = await runGit([
    `--git-dir=${mirror}`,
    "rev-list",
    "-1",
    `--before=${date.toISOString()}`,
    `refs/heads/${branch}`,
  ]);
  const commit = result.stdout.toString().trim();
  if (result.code !== 0 || !commit) throw new Error(`no commit on ${branch} before ${date.toISOString()}`);
  return commit;
}
