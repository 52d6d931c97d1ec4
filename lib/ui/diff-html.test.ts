import { describe, expect, it } from "vitest";

import type { DiffLineView } from "../diff/diff-view";
import { renderHunks } from "../diff/diff-view";
import { diffLinesHtml } from "./diff-html";

describe("diff lines as HTML", () => {
  it("escapes every text a diff carries, whatever the mail put there", () => {
    const hostile: DiffLineView[] = [
      { kind: "add", old: null, new: 1, tokens: [["", `<script>alert("x")</script> & '`]] },
      { kind: "note", old: null, new: null, tokens: [["", "\\ No newline <b>"]] },
    ];
    const html = diffLinesHtml(hostile);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;");
  });

  it("gives each line its numbers, mark and coloured tokens", () => {
    const section = [
      "diff --git a/lib/x.c b/lib/x.c",
      "--- a/lib/x.c",
      "+++ b/lib/x.c",
      "@@ -10,2 +10,2 @@ int main(void)",
      " int a;",
      "-return 0;",
      "+return 1;",
    ];
    const [hunk] = renderHunks(section, "lib/x.c");
    const html = diffLinesHtml(hunk!.lines);
    expect(html).toContain(
      "<div><span>10</span><span>10</span><span> </span><span><span class=t>int</span> a;</span></div>",
    );
    expect(html).toContain(
      "<div class=d><span>11</span><span></span><span>-</span><span><span class=k>return</span>",
    );
    expect(html).toContain("<div class=a><span></span><span>11</span><span>+</span>");
    // Nothing but our own tags: every '<' of the output opens or closes a div or span.
    expect(html.replace(/<\/?(div|span)( class=[a-z])?>/g, "")).not.toMatch(/[<>]/);
  });
});
