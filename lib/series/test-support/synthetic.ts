import type { SeriesMessage } from "../types";
import { msg } from "./msg";

/**
 * A made-up list archive of about `count` messages with the shapes real lists have:
 * cover letters with shallow or deep threading, cover-less series, unthreaded patches,
 * revisions v1..v3, reviews on patches and covers, long discussions, and replies whose
 * parent is missing. Deterministic for a given count.
 */
export function syntheticArchive(count: number): SeriesMessage[] {
  const out: SeriesMessage[] = [];
  let topic = 0;
  while (out.length < count) {
    topic++;
    const author = `Dev ${topic % 97} <dev${topic % 97}@example.com>`;
    const n = 1 + (topic % 6);
    const versions = 1 + (topic % 3);
    for (let v = 1; v <= versions && out.length < count; v++) {
      const start = topic * 1000 + v * 100;
      const id = (what: string) => `t${topic}-v${v}-${what}@example.com`;
      const tag = v === 1 ? "PATCH" : `PATCH v${v}`;
      const style = topic % 4; // 0 shallow+cover, 1 deep+cover, 2 no cover, 3 unthreaded
      const withCover = style < 2 && n > 1;
      if (withCover)
        out.push(msg({ id: id("0"), subject: `[${tag} 0/${n}] topic ${topic}`, from: author, date: start }));
      for (let i = 1; i <= n; i++) {
        const numbered = n > 1 ? ` ${i}/${n}` : "";
        const parent =
          style === 3
            ? null
            : withCover
              ? style === 1 && i > 1
                ? id(`${i - 1}`)
                : id("0")
              : i > 1
                ? id("1")
                : null;
        out.push(
          msg({
            id: id(`${i}`),
            subject: `[${tag}${numbered}] topic ${topic} part ${i}`,
            from: author,
            date: start + i,
            inReplyTo: parent,
            patchId: `${topic}-${i}-${v === versions ? "final" : v}`,
          }),
        );
      }
      const head = withCover ? id("0") : id("1");
      const depth = topic % 13 === 0 ? 60 : 3;
      let parent = head;
      for (let r = 0; r < depth; r++) {
        const rid = id(`r${r}`);
        const body =
          r === 0 && topic % 2 === 0
            ? `Reviewed-by: Rev ${topic % 7} <rev${topic % 7}@example.com>\n`
            : "text";
        out.push(
          msg({
            id: rid,
            subject: `Re: [${tag}] topic ${topic}`,
            from: `Rev <rev${r % 7}@example.com>`,
            date: start + 10 + r,
            inReplyTo: parent,
            body,
          }),
        );
        parent = rid;
      }
      out.push(
        msg({
          id: id("orphan"),
          subject: "Re: old thread",
          inReplyTo: `gone-${topic}@example.com`,
          date: start + 50,
        }),
      );
    }
  }
  return out.slice(0, count);
}
