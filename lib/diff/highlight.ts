import hljsCore from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import ini from "highlight.js/lib/languages/ini";
import json from "highlight.js/lib/languages/json";
import makefile from "highlight.js/lib/languages/makefile";
import perl from "highlight.js/lib/languages/perl";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

/*
 * Syntax colouring of code from patches, as data: each line becomes tokens [scope, text]
 * that React renders as text, so no HTML from a mail ever reaches the page. highlight.js
 * (core, with only the languages of the trees we follow) escapes its input and wraps
 * tokens in <span class="hljs-…">; that output is read back here by a strict tokenizer
 * that accepts nothing else, and any surprise falls back to plain text.
 */

/** [scope, text]: scope is highlight.js's first class without `hljs-` (`keyword`, `string`), or "" for plain text. */
export type Token = [scope: string, text: string];

const hljs = hljsCore.newInstance();
for (const [name, language] of Object.entries({
  bash,
  c,
  cpp,
  ini,
  json,
  makefile,
  perl,
  python,
  rust,
  xml,
  yaml,
}))
  hljs.registerLanguage(name, language);

const byExtension: Record<string, string> = {
  c: "c",
  h: "c",
  cc: "cpp",
  cpp: "cpp",
  cxx: "cpp",
  hpp: "cpp",
  inc: "c",
  py: "python",
  sh: "bash",
  bash: "bash",
  mk: "makefile",
  mak: "makefile",
  json: "json",
  yml: "yaml",
  yaml: "yaml",
  rs: "rust",
  pl: "perl",
  pm: "perl",
  xml: "xml",
  html: "xml",
  svg: "xml",
  ini: "ini",
  toml: "ini",
  cfg: "ini",
};
const byName: Record<string, string> = {
  Makefile: "makefile",
  GNUmakefile: "makefile",
  Kconfig: "ini",
  "meson.build": "python",
  configure: "bash",
};

/** The highlight.js language for a file path, or null to leave it plain. */
export function languageFor(path: string): string | null {
  const base = path.slice(path.lastIndexOf("/") + 1);
  if (byName[base]) return byName[base];
  if (base.startsWith("Makefile.")) return "makefile";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? (byExtension[base.slice(dot + 1).toLowerCase()] ?? null) : null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'" };
const PIECE = /<span class="([\w .-]*)">|<\/span>|&(amp|lt|gt|quot|#x27);|[^<&]+/y;

/** highlight.js's HTML back into lines of tokens; null when it holds anything unexpected. */
function readHtml(html: string): Token[][] | null {
  const lines: Token[][] = [[]];
  const scopes: string[] = [];
  const push = (text: string) => {
    const scope = scopes[scopes.length - 1] ?? "";
    text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part === "") return;
      const line = lines[lines.length - 1]!;
      const last = line[line.length - 1];
      if (last && last[0] === scope) last[1] += part;
      else line.push([scope, part]);
    });
  };
  PIECE.lastIndex = 0;
  while (PIECE.lastIndex < html.length) {
    const at = PIECE.lastIndex;
    const m = PIECE.exec(html);
    if (!m || m.index !== at) return null;
    if (m[1] !== undefined) scopes.push(m[1].split(" ")[0]!.replace(/^hljs-/, ""));
    else if (m[0] === "</span>") scopes.pop();
    else push(m[2] !== undefined ? ENTITIES[m[2]]! : m[0]);
  }
  return lines;
}

const plain = (lines: string[]): Token[][] => lines.map((line) => (line === "" ? [] : [["", line]]));

/**
 * Tokens for consecutive lines of one file (highlighted together, so a comment or string
 * opened on one line colours the next). Unknown languages and failures give plain text.
 */
export function highlightLines(lines: string[], language: string | null): Token[][] {
  if (language === null || lines.length === 0 || !hljs.getLanguage(language)) return plain(lines);
  try {
    const result = hljs.highlight(lines.join("\n"), { language, ignoreIllegals: true });
    const tokens = readHtml(result.value);
    return tokens && tokens.length === lines.length ? tokens : plain(lines);
  } catch {
    return plain(lines);
  }
}
