/**
 * Hostile mail for the browser tests, made at test time (a 10,000-line diff and a
 * 100 KB subject have no business in the repository). Each message is what a stranger
 * could post to the list: markup and script in every field, HTML parts, bidi
 * overrides, a subject that does not end, a diff that does not end, and a Message-ID
 * full of shell and ref metacharacters.
 */
export const HOSTILE_LIST = "ltp@lists.linux.it";
export const XSS_MSGID = "xss-1@evil.example";
export const HUGE_DIFF_MSGID = "huge-diff-1@evil.example";
export const META_MSGID = "$(touch${IFS}/tmp/pwned);../..@{0}`id`%2F@evil.example";
export const LONG_SUBJECT_MSGID = "long-subject@evil.example";

const SCRIPT = `<script>window.__pwned = "script"</script>`;
const IMG = `<img src=x onerror="window.__pwned = 'img'">`;

function mail(headers: Record<string, string>, body: string): Buffer {
  const head = Object.entries({
    From: `Mallory <mallory@evil.example>`,
    To: HOSTILE_LIST,
    Date: "Mon, 09 Mar 2026 10:00:00 +0000",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=utf-8",
    ...headers,
  })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return Buffer.from(`${head}\n\n${body}`, "utf8");
}

function patchBody(file: string, added: string[], message: string): string {
  return [
    message,
    "",
    "Signed-off-by: Mallory <mallory@evil.example>",
    "---",
    ` ${file} | ${added.length} +`,
    " 1 file changed",
    "",
    `diff --git a/${file} b/${file}`,
    "new file mode 100644",
    "index 0000000..1111111",
    "--- /dev/null",
    `+++ b/${file}`,
    `@@ -0,0 +1,${added.length} @@`,
    ...added.map((l) => `+${l}`),
    "-- ",
    "2.50.0",
    "",
  ].join("\n");
}

export function hostileMails(): Buffer[] {
  const xss = mail(
    {
      "Message-ID": `<${XSS_MSGID}>`,
      From: `"Mallory ${IMG}" <mallory@evil.example>`,
      Subject: `[PATCH] ${SCRIPT} ${IMG} \u202Eevil.exe\u202C <a href="javascript:window.__pwned='link'">click</a>`,
    },
    patchBody(
      `src/${SCRIPT}.c`,
      [`/* ${SCRIPT} */`, `char *s = "${IMG}";`, `<a href="javascript:window.__pwned='diff'">x</a>`],
      `Commit message with ${SCRIPT} and <iframe src="javascript:window.__pwned='iframe'"></iframe>.\n<a href="javascript:window.__pwned='body'">a link</a>`,
    ),
  );
  const reply = mail(
    {
      "Message-ID": "<xss-reply@evil.example>",
      "In-Reply-To": `<${XSS_MSGID}>`,
      References: `<${XSS_MSGID}>`,
      Subject: `Re: [PATCH] ${SCRIPT}`,
      From: `"\u202Egnol\u202C Reviewer" <reviewer@evil.example>`,
      "Content-Type": 'multipart/alternative; boundary="b"',
    },
    [
      "--b",
      "Content-Type: text/html; charset=utf-8",
      "",
      `<html><body onload="window.__pwned='onload'">${SCRIPT}<p>Reviewed-by: ${IMG}</p><style>body{display:none}</style></body></html>`,
      "--b--",
      "",
    ].join("\n"),
  );
  // 100 KB, folded as RFC 5322 asks (a single 100 KB line is refused as header-too-long),
  // with unbreakable 1,000-character words between the folds.
  const longSubject = mail(
    {
      "Message-ID": `<${LONG_SUBJECT_MSGID}>`,
      Subject: `[PATCH] ${Array.from({ length: 100 }, (_, i) => `${i}${"x".repeat(996)}`).join("\n ")}`,
    },
    patchBody("long.c", ["int x;"], "A subject of 100 KB."),
  );
  const huge = mail(
    { "Message-ID": `<${HUGE_DIFF_MSGID}>`, Subject: "[PATCH] huge: add a 10,000-line file" },
    patchBody(
      "huge.c",
      Array.from({ length: 10_000 }, (_, i) => `int line_${i} = ${i}; /* <b>${i}</b> */`),
      "A diff of 10,000 lines.",
    ),
  );
  const meta = mail(
    { "Message-ID": `<${META_MSGID}>`, Subject: "[PATCH] meta: a Message-ID full of metacharacters" },
    patchBody("meta.c", ["int meta;"], "Its Message-ID holds $(...), ../, @{ and backquotes."),
  );
  return [xss, reply, longSubject, huge, meta];
}
