import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import {
  closeOver,
  closureLookup,
  hintMsgids,
  isLooseCandidate,
  potentialTopicKey,
  type ClosureMessage,
} from "./closure";
import { compareArrival } from "./order";
import { fixtureDirs, loadSeriesMessages } from "./test-support/load-mails";
import { applyPartialPlan, memoryStore } from "./test-support/memory-closure";
import { msg, shuffled } from "./test-support/msg";
import { syntheticArchive } from "./test-support/synthetic";
import type { SeriesMessage, SeriesPlan } from "./types";

const EMPTY: SeriesPlan = { series: [], revisionLinks: [], classifications: [] };

function at(m: SeriesMessage, seriesId: string | null = null): ClosureMessage {
  return { key: m.msgid, msg: m, seriesId };
}

describe("closureLookup", () => {
  it("asks for thread targets, hint targets, citers, the current series, topic, change-id and loose neighbours", () => {
    const patch = msg({
      id: "p2@x",
      subject: "[PATCH v2 2/3] Fix The Thing.",
      from: "Alice <Alice@Example.com>",
      inReplyTo: "c@x",
      refs: ["root@x", "c@x"],
      body: "Supersedes: <old@x>\nBased-on: <base@x>\nv1: <https://lore.kernel.org/all/v1@x/>\nchange-id: 20240101-fix-abc\n",
    });
    const q = closureLookup([at(patch, "17")]);
    expect(q.named).toEqual(["base@x", "c@x", "old@x", "root@x", "v1@x"]);
    expect(q.cited).toEqual(["c@x", "p2@x", "root@x"]);
    expect(q.hinted).toEqual(["p2@x"]);
    expect(q.seriesIds).toEqual(["17"]);
    expect(q.topicKeys).toEqual(["alice@example.com\nfix the thing"]);
    expect(q.changeIds).toEqual(["20240101-fix-abc"]);
    expect(q.loose).toEqual([]);
  });

  it("a reply names no topic and no change-id; an unthreaded patch asks for its loose neighbours", () => {
    const reply = msg({ id: "r@x", subject: "Re: [PATCH] x", inReplyTo: "p@x", body: "change-id: abc" });
    const loose = msg({ id: "l@x", subject: "[PATCH 1/2] y" });
    const q = closureLookup([at(reply), at(loose)]);
    expect(q.topicKeys).toEqual(["alice@example.com\ny"]);
    expect(q.changeIds).toEqual([]);
    expect(q.loose).toEqual(["l@x"]);
    expect(isLooseCandidate(reply)).toBe(false);
    expect(potentialTopicKey(msg({ id: "n@x", subject: "[PATCH] z", from: null }))).toBeNull();
  });

  it("hintMsgids lists every id a message's hints name, once", () => {
    expect(
      hintMsgids({
        basedOn: ["b@x", "a@x"],
        supersedes: ["a@x"],
        previousVersions: ["c@x"],
        changeId: "x",
        baseCommit: null,
      }),
    ).toEqual(["a@x", "b@x", "c@x"]);
  });

  it("the potential topic key of a head is the key assembly gives its series", () => {
    const archive = syntheticArchive(400);
    const byId = new Map(archive.map((m) => [m.msgid, m]));
    for (const s of assembleSeries(archive).series)
      expect(potentialTopicKey(byId.get(s.headMsgid)!)).toBe(s.topicKey);
  });
});

/**
 * Feeds `messages` in `order`, `chunk()` at a time, through the closure and a partial
 * assembly, and checks after each chunk (or at `checkEvery` chunks) that the result is
 * what assembling everything so far gives.
 */
async function feed(
  order: readonly SeriesMessage[],
  chunk: () => number,
  checkEvery = 1,
): Promise<{ sizes: number[] }> {
  let state = EMPTY;
  const present: SeriesMessage[] = [];
  const byId = new Map<string, SeriesMessage>();
  const arrival = (a: string, b: string) => compareArrival(byId.get(a)!, byId.get(b)!);
  const sizes: number[] = [];
  let step = 0;
  for (let i = 0; i < order.length;) {
    const batch = order.slice(i, i + chunk());
    i += batch.length;
    for (const m of batch) {
      present.push(m);
      byId.set(m.msgid, m);
    }
    const closure = await closeOver(
      batch.map((m) => m.msgid),
      memoryStore(present, state),
    );
    sizes.push(closure.messages.length);
    const partial = assembleSeries(closure.messages.map((c) => c.msg));
    state = applyPartialPlan(state, new Set(closure.messages.map((c) => c.key)), partial, arrival);
    step++;
    if (step % checkEvery === 0 || i >= order.length) {
      const full = assembleSeries(present);
      if (JSON.stringify(state) !== JSON.stringify(full))
        expect({ step, added: batch.map((m) => m.msgid), state }).toEqual({
          step,
          added: batch.map((m) => m.msgid),
          state: full,
        });
    }
  }
  return { sizes };
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Small archives dense in every relation the closure must follow: unthreaded fragments
 * close in time (loose clusters), git send-email runs, revisions sharing titles, pulls
 * reusing a title, Supersedes/Based-on/"v1:" links and change-ids in both directions,
 * replies to messages that arrive later or never, reply cycles, missing and equal dates.
 */
function relationArchive(seed: number, size: number): SeriesMessage[] {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const senders = [
    "Alice <alice@example.com>",
    "Alice <alice@example.com>",
    "Bob <bob@example.com>",
    "Carol <Carol@Example.com>",
  ];
  const ids = Array.from({ length: size }, (_, i) =>
    rand() < 0.3 ? `2024010100000${i % 3}.${100 + (i % 4)}-${(i % 5) + 1}-alice@example.com` : `m${i}@x`,
  );
  const unique = [...new Set(ids)];
  return unique.map((id, i) => {
    const n = pick([1, 2, 3]);
    const version = pick([1, 1, 2, 3, 2.1]);
    const v = version === 1 ? "" : ` v${version}`;
    const t = pick([0, 1, 2]);
    const subject = pick([
      `[PATCH${v} 0/${n}] topic ${t}`,
      `[PATCH${v} ${pick([1, 2, 3])}/${n}] topic ${t}`,
      `[PATCH${v} ${pick([1, 2, 3])}/${n}] topic ${t} part ${i % 7}`,
      `[PATCH${v}] single ${t}`,
      `Re: [PATCH${v} 1/${n}] topic ${t}`,
      `Re: [PATCH${v} 1/${n}] topic ${t}`,
      "question",
      `[PULL${pick(["", " v2"])} 00/${n}] pulls`,
      `[PULL${pick(["", " v2"])} ${pick([1, 2])}/${n}] pulls`,
    ]);
    const threading = rand();
    const parent = rand() < 0.3 ? pick(["missing@x", "missing2@x"]) : pick(unique);
    const [inReplyTo, refs] =
      threading < 0.35
        ? [null, []]
        : threading < 0.55
          ? [parent, [pick(unique), parent]]
          : threading < 0.65
            ? [null, [parent]]
            : [parent, [parent]];
    const other = () => pick([...unique, "missing@x"]);
    const body = pick([
      "",
      "",
      "Reviewed-by: Bob <bob@example.com>",
      "Acked-by: Alice <alice@example.com>",
      "Tested-by: Dan <dan@example.com>",
      `Supersedes: <${other()}>`,
      `Based-on: <${other()}>`,
      `v1: <${other()}>`,
      `change-id: cid-${pick([1, 2])}`,
      `Reviewed-by: Carol <carol@example.com>\nBased-on: <${other()}>`,
    ]);
    return msg({
      id,
      subject,
      from: pick(senders),
      date: rand() < 0.1 ? null : Math.floor(rand() * (rand() < 0.5 ? 90 : 400)),
      inReplyTo,
      refs,
      body,
      patchId: pick([null, "p1", "p2", "p3"]),
      seq: i,
    });
  });
}

/**
 * Archives made of series as people post them, perturbed: several revisions per topic
 * (same title, or a new title with Supersedes:/"v1:"/change-id, or sent in reply to the
 * previous version), threading shallow, deep, unthreaded or under a cover letter that
 * never arrived, git send-email Message-IDs, resent duplicates, reviews and Based-on
 * corrections in replies, messages lost.
 */
function seriesArchive(seed: number): SeriesMessage[] {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const out: SeriesMessage[] = [];
  const heads: { id: string; sender: string; title: string; version: number }[] = [];
  const members: string[] = [];
  let seq = 0;
  const add = (m: Parameters<typeof msg>[0]) => {
    if (rand() < 0.05) return; // lost
    out.push(msg({ ...m, seq: seq++ }));
  };
  const count = 3 + Math.floor(rand() * 5);
  for (let s = 0; s < count; s++) {
    const prev = heads.length > 0 && rand() < 0.6 ? pick(heads) : null;
    const sender = prev && rand() < 0.8 ? prev.sender : pick(["Alice <alice@x>", "Bob <bob@x>"]);
    const version = prev ? prev.version + 1 : pick([1, 1, 2]);
    const title = prev && rand() < 0.6 ? prev.title : `work ${seed}-${s}`;
    const n = 1 + Math.floor(rand() * 3);
    const style = pick(["shallow", "deep", "unthreaded", "lost-cover", "no-cover"]);
    const start = Math.floor(rand() * 150);
    const batch = rand() < 0.5;
    const idOf = (i: number) =>
      batch
        ? `20240101000${s}00.${seed}-${i + 1}-${sender.includes("alice") ? "alice" : "bob"}@x`
        : `s${s}-${i}@x`;
    const v = version === 1 ? "" : ` v${version}`;
    const hint = !prev
      ? ""
      : pick(["", `Supersedes: <${prev.id}>`, `v${prev.version}: <${prev.id}>`, "change-id: cid"]);
    const coverId = idOf(0);
    const withCover = style === "shallow" || style === "deep" || style === "lost-cover";
    const replyToPrev = prev && rand() < 0.2 ? prev.id : null;
    if (withCover && (style !== "lost-cover" || rand() < 0.2))
      add({
        id: coverId,
        subject: `[PATCH${v} 0/${n}] ${title}`,
        from: sender,
        date: start,
        inReplyTo: replyToPrev,
        body: hint,
        kind: "cover",
      });
    for (let i = 1; i <= n; i++) {
      const parent =
        style === "unthreaded"
          ? null
          : style === "deep" && i > 1
            ? idOf(i - 1)
            : withCover
              ? coverId
              : i > 1
                ? idOf(1)
                : replyToPrev;
      const sub = n === 1 && rand() < 0.5 ? "" : ` ${i}/${n}`;
      const patch = {
        id: idOf(i),
        subject: `[PATCH${v}${sub}] ${i === 1 && !withCover ? title : `${title} part ${i}`}`,
        from: sender,
        date: rand() < 0.05 ? null : start + i + Math.floor(rand() * 40),
        inReplyTo: parent,
        refs: parent ? [parent] : [],
        body: i === 1 && !withCover ? hint : "",
        patchId: `${title}-${i}-${rand() < 0.5 ? "same" : version}`,
      };
      add(patch);
      members.push(patch.id);
      if (rand() < 0.1) add({ ...patch, id: `${patch.id}.resend`, date: (patch.date ?? 0) + 5 });
    }
    heads.push({ id: withCover ? coverId : idOf(1), sender, title, version });
  }
  const replies = Math.floor(rand() * 8);
  for (let r = 0; r < replies && members.length > 0; r++) {
    const to = pick(members);
    add({
      id: `reply${r}@x`,
      subject: `Re: [PATCH] something`,
      from: pick(["Rev <rev@x>", "Alice <alice@x>"]),
      date: Math.floor(rand() * 300),
      inReplyTo: rand() < 0.8 ? to : `reply${Math.floor(rand() * replies)}@x`,
      body: pick([
        "Reviewed-by: Rev <rev@x>",
        "looks good",
        `Based-on: <${pick(members)}>`,
        "Acked-by: Rev <rev@x>",
      ]),
    });
  }
  return out;
}

describe("incremental assembly over memory", () => {
  it.each(Array.from({ length: 150 }, (_, i) => [i + 1]))(
    "series archive #%i fed in random chunks gives the plan of the whole after every chunk",
    async (seed) => {
      const archive = seriesArchive(seed);
      const rand = rng(seed * 3);
      await feed(shuffled(archive, seed), () => 1 + Math.floor(rand() * 3));
    },
  );

  it("cases each relation exists for", async () => {
    const alice = "Alice <alice@example.com>";
    const cases: SeriesMessage[][] = [
      // Patches of a series whose cover letter never arrived share only that absent anchor.
      [
        msg({ id: "p1@x", subject: "[PATCH 1/2] foo", inReplyTo: "gone@x", date: 0, from: alice }),
        msg({ id: "p2@x", subject: "[PATCH 2/2] bar", inReplyTo: "gone@x", date: 1, from: alice }),
      ],
      // Unthreaded patches of one series, an hour apart in a chain.
      [
        msg({ id: "u1@x", subject: "[PATCH 1/3] foo", date: 0, from: alice }),
        msg({ id: "u3@x", subject: "[PATCH 3/3] baz", date: 100, from: alice }),
        msg({ id: "u2@x", subject: "[PATCH 2/3] bar", date: 50, from: alice }),
      ],
      // A reply that arrived before its patch, and a patch before its cover letter.
      [
        msg({ id: "r@x", subject: "Re: [PATCH 1/2] foo", inReplyTo: "q1@x", body: "Acked-by: Bob <bob@x>" }),
        msg({ id: "q1@x", subject: "[PATCH 1/2] foo", inReplyTo: "q0@x", from: alice }),
        msg({ id: "q0@x", subject: "[PATCH 0/2] all", from: alice }),
      ],
      // Based-on names a patch whose series later gets a cover letter (a new head).
      [
        msg({ id: "d@x", subject: "[PATCH] dep", body: "Based-on: <b1@x>", date: 5 }),
        msg({ id: "b1@x", subject: "[PATCH 1/2] base", inReplyTo: "b0@x", from: alice }),
        msg({ id: "b0@x", subject: "[PATCH 0/2] base", from: alice }),
      ],
    ];
    for (const archive of cases) await feed(archive, () => 1);
  });

  it.each(Array.from({ length: 60 }, (_, i) => [i + 1]))(
    "archive #%i fed in random chunks gives the plan of the whole after every chunk",
    async (seed) => {
      const archive = relationArchive(seed, 20 + (seed % 30));
      const rand = rng(seed * 7);
      await feed(shuffled(archive, seed), () => 1 + Math.floor(rand() * 4));
    },
  );

  it("a synthetic archive of 1,000 messages fed one at a time, in archive and in random order", async () => {
    const archive = syntheticArchive(1000);
    await feed(archive, () => 1, 100);
    const { sizes } = await feed(shuffled(archive, 5), () => 1, 100);
    // The longest discussion (60 replies) and its topic, not the archive.
    expect(Math.max(...sizes)).toBeLessThan(200);
  }, 60_000);

  it("patchew's test mails, all in one project, in random orders", async () => {
    const files = fs
      .readdirSync(fixtureDirs.patchew)
      .filter((f) => /^\d{4}-.*\.gz$/.test(f) && !f.endsWith(".json.gz"))
      .map((f) => `${fixtureDirs.patchew}/${f}`);
    const messages = await loadSeriesMessages(files);
    for (const seed of [1, 2, 3]) {
      const rand = rng(seed);
      await feed(shuffled(messages, seed), () => 1 + Math.floor(rand() * 3));
    }
  });
});
