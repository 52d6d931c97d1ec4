import type { DiffLineView } from "../diff/diff-view";
import type { Token } from "../diff/highlight";
import { escapeHtml } from "../text/escape";

/*
 * The lines of a diff block as an HTML string. A big diff is thousands of lines; as a
 * React tree each line is a dozen elements in the page and again, spelled out in JSON,
 * in React's payload (three times the HTML). As one string per block, the payload
 * carries the HTML once. Every text is escaped here, and only here: the code of a diff
 * is mail content. Classes are ours, one letter, unquoted; the diff frame styles them.
 */

const tokenClass: Record<string, string> = {
  keyword: "k",
  built_in: "t",
  type: "t",
  string: "s",
  regexp: "s",
  number: "n",
  literal: "n",
  symbol: "n",
  comment: "c",
  doctag: "c",
  meta: "m",
  title: "f",
  section: "f",
  variable: "v",
  attr: "v",
  attribute: "v",
  name: "v",
};

const lineOpen: Record<DiffLineView["kind"], string> = {
  add: "<div class=a>",
  del: "<div class=d>",
  ctx: "<div>",
  note: "<div class=x>",
};
const mark: Record<DiffLineView["kind"], string> = { add: "+", del: "-", ctx: " ", note: "" };

function code(tokens: Token[]): string {
  let html = "";
  for (const [scope, text] of tokens) {
    const c = tokenClass[scope];
    html += c ? `<span class=${c}>${escapeHtml(text)}</span>` : escapeHtml(text);
  }
  return html;
}

/** Each line: old and new line numbers, the change mark, the coloured code. */
export function diffLinesHtml(lines: readonly DiffLineView[]): string {
  let html = "";
  for (const line of lines) {
    html += `${lineOpen[line.kind]}<span>${line.old ?? ""}</span><span>${line.new ?? ""}</span><span>${mark[line.kind]}</span><span>${code(line.tokens)}</span></div>`;
  }
  return html;
}
