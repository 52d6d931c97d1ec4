/**
 * bench/worst-case: the inputs built to be slow (thousands of unclosed tags, subjects of
 * brackets, multi-megabyte coloured logs) and the series assembly at scale, each against
 * an ordinary input of the same size measured in the same run. The tests check that these
 * inputs give the right answer; this measures that they stay linear.
 *
 *   npx tsx bench/worst-case.ts [-- --runs 5]
 *
 * Corpus: generated inputs (described on each line) and the synthetic archives of
 * lib/series/test-support/synthetic.ts (2,400 and 100,000 messages), plus the LTP sample
 * archive (prisma/seed/, six months of ltp@lists.linux.it).
 */
import { parseArgs } from "node:util";

import { logBlocks } from "../lib/ui/log-html";
import { htmlToText } from "../lib/mail/html-to-text";
import { parseSubject } from "../lib/mail/subject";
import { assembleSeries } from "../lib/series/assemble";
import { fixtureDirs, loadSeriesMessages } from "../lib/series/test-support/load-mails";
import { shuffled } from "../lib/series/test-support/msg";
import { syntheticArchive } from "../lib/series/test-support/synthetic";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Math.max(1, Number(values.runs));
const ESC = "\u001b";

/** Best of `runs` timings, in ms: the JIT warms up and other processes share the CPU. */
function best(work: (run: number) => void): number {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work(run);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

function row(name: string, corpus: string, hostileMs: number, baselineMs: number): void {
  const ratio = baselineMs > 0 ? (hostileMs / baselineMs).toFixed(1) : "n/a";
  console.log(
    `${name.padEnd(30)} ${hostileMs.toFixed(1).padStart(9)} ms   baseline ${baselineMs.toFixed(1).padStart(8)} ms   ${ratio.padStart(6)}x   ${corpus}`,
  );
}

console.log(`worst-case inputs, best of ${runs} runs; node ${process.version}`);
console.log(
  `${"input".padEnd(30)} ${"hostile".padStart(12)}   ${"ordinary input of the same size".padEnd(30)}`,
);

{
  const hostile = "<script>".repeat(50_000) + "<!--".repeat(50_000) + "x";
  const ordinary = "<p>text</p>".repeat(Math.ceil(hostile.length / 11));
  row(
    "htmlToText",
    `${hostile.length} chars of unclosed <script> and <!-- vs <p> paragraphs`,
    best(() => htmlToText(hostile)),
    best(() => htmlToText(ordinary)),
  );
}
{
  const hostile = "[a]".repeat(20_000) + "Re:".repeat(20_000) + " x";
  const ordinary = "[PATCH v2 3/5] " + "word ".repeat(Math.ceil(hostile.length / 5));
  row(
    "parseSubject",
    `${hostile.length} chars of brackets and Re: vs plain words`,
    best(() => parseSubject(hostile)),
    best(() => parseSubject(ordinary)),
  );
}
{
  const coloured = `${ESC}[1;32mPASS${ESC}[0m: tests/some/test_${"x".repeat(20)} <ok> & done\n`;
  const plain = `PASS: tests/some/test_${"x".repeat(20)} <ok> & done${" ".repeat(coloured.length - 47)}\n`;
  const lines = Math.ceil((2 * 1024 * 1024) / coloured.length);
  row(
    "logBlocks",
    `2 MB log, colour on each of ${lines} lines vs the same lines plain`,
    best(() => logBlocks(coloured.repeat(lines))),
    best(() => logBlocks(plain.repeat(lines))),
  );
}
{
  const small = syntheticArchive(2_400);
  const big = syntheticArchive(100_000);
  const smallMs = best((run) => assembleSeries(shuffled(small, run)));
  const bigMs = best((run) => assembleSeries(shuffled(big, run)));
  // Linear growth would make the large archive cost 100,000 / 2,400 times the small one.
  row(
    "assembleSeries 100,000",
    "synthetic archive, baseline: 2,400 messages x 41.7",
    bigMs,
    (smallMs * 100_000) / 2_400,
  );
  const ltp = await loadSeriesMessages([fixtureDirs.ltp]);
  row(
    "assembleSeries LTP",
    `${ltp.length} messages of the LTP sample, baseline: synthetic of the same count`,
    best((run) => assembleSeries(shuffled(ltp, run))),
    best((run) => assembleSeries(shuffled(syntheticArchive(ltp.length), run))),
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
