/**
 * Splits the output of `git cat-file --batch` into answers, one per request line, in
 * request order (git-cat-file(1), BATCH OUTPUT):
 *
 *   <oid> SP <type> SP <size> LF <contents> LF    an object
 *   <name> SP missing LF                          no such object
 *   <name> SP ambiguous LF                        a short name matching several objects
 *
 * A state machine fed with arbitrary chunks: a header, a content or the final LF may be
 * split anywhere. Content is copied into one buffer of the announced size; content larger
 * than `maxObjectBytes` is counted and dropped instead, and answered as `too-large`.
 */
export type CatFileAnswer =
  | { kind: "object"; oid: string; type: string; size: number; content: Buffer }
  | { kind: "too-large"; oid: string; type: string; size: number }
  | { kind: "missing"; name: string }
  | { kind: "ambiguous"; name: string };

const LF = 0x0a;

export class CatFileFramer {
  private state: "header" | "content" | "trailer" = "header";
  private header: Buffer[] = [];
  private current: {
    oid: string;
    type: string;
    size: number;
    content: Buffer | null;
    filled: number;
  } | null = null;

  constructor(private readonly maxObjectBytes: number) {}

  /** True between answers: nothing half-read. */
  get idle(): boolean {
    return this.state === "header" && this.header.length === 0;
  }

  /** Feeds one chunk of stdout; returns the answers it completed. Throws on output that is not batch framing. */
  push(chunk: Buffer): CatFileAnswer[] {
    const answers: CatFileAnswer[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.state === "header") {
        const lf = chunk.indexOf(LF, at);
        if (lf === -1) {
          this.header.push(chunk.subarray(at));
          break;
        }
        this.header.push(chunk.subarray(at, lf));
        at = lf + 1;
        const answer = this.startAnswer(Buffer.concat(this.header).toString("utf8"));
        this.header = [];
        if (answer) answers.push(answer);
      } else if (this.state === "content") {
        const cur = this.current!;
        const take = Math.min(cur.size - cur.filled, chunk.length - at);
        if (cur.content) chunk.copy(cur.content, cur.filled, at, at + take);
        cur.filled += take;
        at += take;
        if (cur.filled === cur.size) this.state = "trailer";
      } else {
        if (chunk[at] !== LF) throw new Error("git cat-file: object content not followed by LF");
        at++;
        const cur = this.current!;
        this.current = null;
        this.state = "header";
        answers.push(
          cur.content
            ? { kind: "object", oid: cur.oid, type: cur.type, size: cur.size, content: cur.content }
            : { kind: "too-large", oid: cur.oid, type: cur.type, size: cur.size },
        );
      }
    }
    return answers;
  }

  private startAnswer(line: string): CatFileAnswer | null {
    if (line.endsWith(" missing")) return { kind: "missing", name: line.slice(0, -" missing".length) };
    if (line.endsWith(" ambiguous")) return { kind: "ambiguous", name: line.slice(0, -" ambiguous".length) };
    const match = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/.exec(line);
    if (!match) throw new Error(`git cat-file: unexpected header ${JSON.stringify(line.slice(0, 200))}`);
    const size = Number(match[3]);
    const keep = size <= this.maxObjectBytes;
    this.current = {
      oid: match[1]!,
      type: match[2]!,
      size,
      content: keep ? Buffer.allocUnsafe(size) : null,
      filled: 0,
    };
    this.state = size === 0 ? "trailer" : "content";
    return null;
  }
}
