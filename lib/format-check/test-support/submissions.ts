import { checkSubmission, type CheckOptions, type SubmissionReport } from "../check-submission";
import { groupSubmissions, type Grouped } from "../group";
import { readMail } from "../read-mail";
import type { ReadMail } from "../types";

export const ADDRESS = "patch-check@example.org";
export const T0 = new Date("2026-02-03T12:50:30Z");

/** Reads raw mails as the mailbox received them, `secondsApart` after each other from T0. */
export async function readAll(raws: Buffer[], secondsApart = 1): Promise<ReadMail[]> {
  return Promise.all(
    raws.map(async (raw, i) => {
      const result = await readMail(raw, String(i + 1), new Date(T0.getTime() + i * secondsApart * 1000));
      if (!result.ok) throw new Error(result.error);
      return result.read;
    }),
  );
}

/** Groups and checks, long after the last mail (everything is ready). */
export async function checkAll(
  raws: Buffer[],
  options: Partial<CheckOptions> = {},
): Promise<{ grouped: Grouped; reports: SubmissionReport[] }> {
  const grouped = groupSubmissions(await readAll(raws), {
    now: new Date(T0.getTime() + 3_600_000),
    waitMs: 120_000,
  });
  const reports = grouped.ready.map((s) =>
    checkSubmission(s, {
      rules: [],
      apply: { state: "skipped", reason: "the project has no git tree" },
      waited: "2 minutes",
      ...options,
    }),
  );
  return { grouped, reports };
}
