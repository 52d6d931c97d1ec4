import { escapeHtml } from "../text/escape";

/*
 * Terminal output (a test log) as HTML, one string per line. The log is a tester's
 * output, which prints whatever the series under test makes it print: every character
 * of text is escaped, and the only markup is our own <span class="…"> with class names
 * from the tables below. Escape sequences are interpreted as ECMA-48 defines them:
 * SGR (`CSI … m`) sets colours and weight; every other control sequence, OSC (title,
 * OSC 8 hyperlinks), DCS, APC, PM and SOS string is dropped whole, so nothing a log
 * says can become a link or an attribute. Each line opens and closes its own spans:
 * a colour set on one line carries to the next, but no element crosses a line.
 */

/** The graphic rendition in force: a colour is 0–15 (the 8 normal, then the 8 bright ones). */
export interface AnsiStyle {
  fg: number | null;
  bg: number | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

export const PLAIN: AnsiStyle = {
  fg: null,
  bg: null,
  bold: false,
  dim: false,
  italic: false,
  underline: false,
};

/** Class names of a style, in a fixed order; empty for the plain style. */
export function styleClass(s: AnsiStyle): string {
  const names: string[] = [];
  if (s.fg !== null) names.push(`f${s.fg}`);
  if (s.bg !== null) names.push(`g${s.bg}`);
  if (s.bold) names.push("b");
  if (s.dim) names.push("d");
  if (s.italic) names.push("i");
  if (s.underline) names.push("u");
  return names.join(" ");
}

/** A colour of the 256-colour palette (`38;5;n`) when it is one of the 16 basic ones. */
const basic = (n: number | undefined): number | null =>
  n !== undefined && Number.isInteger(n) && n >= 0 && n < 16 ? n : null;

/** Applies one SGR parameter list (`1;31`, `0`, `38;5;196`, empty = reset) to a style. */
export function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const s = { ...style };
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) Object.assign(s, PLAIN);
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 21 || c === 22) {
      s.bold = false;
      s.dim = false;
    } else if (c === 23) s.italic = false;
    else if (c === 24) s.underline = false;
    else if (c >= 30 && c <= 37) s.fg = c - 30;
    else if (c >= 90 && c <= 97) s.fg = c - 90 + 8;
    else if (c === 39) s.fg = null;
    else if (c >= 40 && c <= 47) s.bg = c - 40;
    else if (c >= 100 && c <= 107) s.bg = c - 100 + 8;
    else if (c === 49) s.bg = null;
    else if (c === 38 || c === 48) {
      // Extended colours take their arguments with them, so that `38;5;1` is not read as bold.
      const kind = codes[i + 1];
      const colour = kind === 5 ? basic(codes[i + 2]) : null;
      if (c === 38) s.fg = colour;
      else s.bg = colour;
      i += kind === 5 ? 2 : kind === 2 ? 4 : 1;
    }
  }
  return s;
}

/*
 * One control sequence or string at the start of the text, as ECMA-48 frames it:
 * CSI = ESC [ (or U+009B), parameters 0x30–0x3F, intermediates 0x20–0x2F, a final
 * byte 0x40–0x7E; the strings (OSC ESC ], DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _,
 * or their C1 forms) run to BEL or ST (ESC \); any other ESC is followed by
 * intermediates and one final byte. An unterminated sequence runs to the end of the line.
 */
const SEQUENCE =
  /(?:\x1b\[|\x9b)([0-?]*)([ -/]*)([@-~])?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/y;
const SEQUENCE_START = /[\x1b\x90\x98\x9b\x9d-\x9f]/;

/** Controls (C0 but tab, DEL, C1): dropped from the text. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/;
const CONTROLS = new RegExp(CONTROL.source, "g");

/**
 * The lines of a log as HTML. `\r` within a line returns to its start, as in a
 * terminal: what a progress bar drew before it is replaced by what follows (the
 * colours it set stay). A `\r` before the newline (CRLF) ends nothing.
 */
export function ansiLinesHtml(text: string): string[] {
  const out: string[] = [];
  let style = PLAIN;
  const lines = text.split("\n");
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  for (const line of lines) {
    if (style === PLAIN && !CONTROL.test(line)) {
      out.push(escapeHtml(line));
      continue;
    }
    const rendered = lineHtml(line.replace(/\r+$/, ""), style);
    out.push(rendered.html);
    // Back to the shared constant when plain, for the fast path above.
    style = styleClass(rendered.style) === "" ? PLAIN : rendered.style;
  }
  return out;
}

function lineHtml(line: string, start: AnsiStyle): { html: string; style: AnsiStyle } {
  let style = start;
  let html = "";
  let runClass = styleClass(style);
  let run = "";
  const flush = () => {
    if (run === "") return;
    const text = escapeHtml(run.replace(CONTROLS, ""));
    html += runClass ? `<span class="${runClass}">${text}</span>` : text;
    run = "";
  };
  let i = 0;
  while (i < line.length) {
    const next = nextSpecial(line, i);
    run += line.slice(i, next);
    if (next >= line.length) break;
    const c = line[next]!;
    if (c === "\r") {
      run = "";
      html = "";
      i = next + 1;
      continue;
    }
    if (SEQUENCE_START.test(c)) {
      SEQUENCE.lastIndex = next;
      const [whole = c, params, intermediates, final] = SEQUENCE.exec(line) ?? [];
      const length = Math.max(whole.length, 1);
      if (final === "m" && intermediates === "" && params !== undefined && /^[0-9;:]*$/.test(params)) {
        const changed = applySgr(style, params);
        const changedClass = styleClass(changed);
        if (changedClass !== runClass) {
          flush();
          runClass = changedClass;
        }
        style = changed;
      }
      i = next + length;
      continue;
    }
    // Another control: kept in the run, stripped when the run is written.
    run += c;
    i = next + 1;
  }
  flush();
  return { html, style };
}

function nextSpecial(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 0x20 ? code !== 0x09 : code >= 0x7f && code <= 0x9f) return i;
  }
  return line.length;
}
