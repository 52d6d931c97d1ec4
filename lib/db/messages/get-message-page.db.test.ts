import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MAX_HEADER_FIELDS } from "../../mail/limits";
import { fixtures, importFiles, patchewProjects } from "../../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { getMessageDiff } from "./get-message-diff";
import { getMessagePage } from "./get-message-page";

// The message page on patchew's test mails, and on a mail too hostile to parse.
let t: TestDatabase;
let dir: string;
const patch = "20160722095540.5887-1-paul.burton@imgtec.com";
const review = "20160722130539.GA5564@aurel32.net";
const failed = "too-many-headers@example.org";

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pw-message-page-"));
  const hostile = path.join(dir, "too-many-headers.eml");
  const junk = Array.from({ length: MAX_HEADER_FIELDS + 1 }, (_, i) => `X-Junk-${i}: x`).join("\n");
  fs.writeFileSync(
    hostile,
    `From: Mallory <mallory@example.org>\nTo: qemu-devel@nongnu.org\nMessage-ID: <${failed}>\nSubject: [PATCH] many\n${junk}\n\nbody\n`,
  );
  await importFiles(
    t.db,
    [
      path.join(fixtures.patchew, "0003-single-patch-reviewed.mbox.gz"),
      path.join(fixtures.patchew, "0004-multiple-patch-reviewed.mbox.gz"),
      path.join(fixtures.patchew, "0005-non-utf-8.mbox.gz"),
      hostile,
    ],
    patchewProjects(),
  );
}, 120_000);
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the message page loader", () => {
  it("a patch: headers, diff, its place in its series, and the replies below it", async () => {
    const page = (await getMessagePage(t.db, patch))!;
    expect(page.message).toMatchObject({
      subject: "[Qemu-devel] [PATCH] hw/mips_malta: Fix YAMON API print routine",
      from: { name: "Paul Burton", email: "paul.burton@imgtec.com" },
      kind: "patch",
      inReplyTo: null,
    });
    expect(page.message!.to.map((a) => a.email)).toContain("qemu-devel@nongnu.org");
    expect(page.message!.diff).toMatch(/^diff --git a\/hw\/mips\/mips_malta.c/);
    expect(page.projects).toEqual([
      expect.objectContaining({
        project: "qemu",
        role: "patch",
        patchIndex: 1,
        series: expect.objectContaining({ headMsgid: patch, total: 1 }),
      }),
    ]);
    expect(page.parent).toBeNull();
    expect(page.children.map((c) => c.msgid)).toEqual([
      review,
      "20160726101343.GA20268@hhmipssw201.hh.imgtec.org",
    ]);
    expect(page.raws).toEqual([expect.objectContaining({ state: "processed", error: null })]);
    expect(await getMessageDiff(t.db, patch)).toBe(page.message!.diff);
  });

  it("a reply: its parent, its classification and why, and the trailer it gives", async () => {
    const page = (await getMessagePage(t.db, review))!;
    expect(page.message).toMatchObject({ kind: "reply", inReplyTo: patch });
    expect(page.message!.trailers).toEqual([
      { kind: "Reviewed-by", line: "Reviewed-by: Aurelien Jarno <aurelien@aurel32.net>" },
    ]);
    expect(page.parent).toMatchObject({ msgid: patch, fromName: "Paul Burton" });
    expect(page.children).toEqual([]);
    expect(page.projects).toEqual([
      expect.objectContaining({
        project: "qemu",
        role: "reply",
        patchIndex: null,
        series: expect.objectContaining({ headMsgid: patch }),
      }),
    ]);
    expect(page.projects[0]!.reason).toMatch(/^reply to patch 1\/1 of /);
    expect(await getMessageDiff(t.db, review)).toBe("");
  });

  it("a reply to a cover letter: the cover is its parent, and the reason says so", async () => {
    const cover = "1469192015-16487-1-git-send-email-berrange@redhat.com";
    const page = (await getMessagePage(t.db, "5792265A.5070507@redhat.com"))!;
    expect(page.parent).toMatchObject({ msgid: cover, fromName: "Daniel P. Berrange" });
    expect(page.parent).not.toHaveProperty("missing");
    expect(page.projects.find((p) => p.project === "qemu")).toMatchObject({
      role: "reply",
      reason: `reply to the cover letter of ${cover}`,
    });
  });

  it("a reply whose parent is not in the archive names it as missing", async () => {
    const page = (await getMessagePage(t.db, "20160803231737.GA7257@flamenco"))!;
    expect(page.parent).toEqual({ msgid: "8737ml7eib.fsf@linaro.org", missing: true });
  });

  it("a message whose raw bytes could not be parsed: no message, the raw state and its error", async () => {
    const page = (await getMessagePage(t.db, failed))!;
    expect(page.message).toBeNull();
    expect(page.projects).toEqual([]);
    expect(page.raws).toEqual([expect.objectContaining({ state: "failed", error: "too-many-headers" })]);
    expect(page.raws[0]!.errorDetail).toBeTruthy();
    expect(await getMessageDiff(t.db, failed)).toBeNull();
  });

  it("an unknown Message-ID gives null", async () => {
    expect(await getMessagePage(t.db, "no-such-id@example.org")).toBeNull();
  });
});
