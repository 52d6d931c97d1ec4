import { splitAddresses } from "./email";
import { compileFilePattern } from "./pattern";
import { buildPatternIndex } from "./pattern-index";
import { perlRegexToJs } from "./perl-regex";
import type {
  DialectRules,
  MailingList,
  MaintainersDialect,
  MaintainersFile,
  ParseOptions,
  Section,
} from "./types";

export const DIALECTS: Record<MaintainersDialect, DialectRules> = {
  qemu: {
    removeDuplicates: true,
    dropTheRestSupporter: false,
    reviewerRoleWithSection: true,
    stripParensInCutTitle: true,
    pathRegexes: false,
    extendedPatchFiles: false,
    entryTypeIsUpperCase: false,
  },
  xen: {
    removeDuplicates: false,
    dropTheRestSupporter: true,
    reviewerRoleWithSection: false,
    stripParensInCutTitle: false,
    pathRegexes: true,
    extendedPatchFiles: true,
    entryTypeIsUpperCase: true,
  },
};

/** get_maintainer.pl's words for the S: values it knows; others are printed lower-cased. */
const STATUS_ROLES: Record<string, string> = {
  supported: "supporter",
  maintained: "maintainer",
  "odd fixes": "odd fixer",
  orphan: "orphan minder",
  obsolete: "obsolete minder",
  "buried alive in reporters": "chief penguin",
};

interface RawLine {
  /** 1-based line number in the file. */
  line: number;
  entry: { type: string; value: string } | null;
  text: string;
}

/**
 * Reads the file as get_maintainer.pl does: blank lines are dropped entirely; a line
 * `X: value` (one character, a colon) is an entry; any other line is text. A section is
 * a run of consecutive entries, titled by the text line just before it (so blank lines
 * never end a section, and under a title plus a line of dashes the title is the dashes).
 * The value keeps trailing blanks, as the script's `(.*)` does.
 */
function readLines(text: string, upperCaseTypes: boolean): RawLine[] {
  const entryRe = upperCaseTypes ? /^([A-Z]):\s*(.*)$/ : /^([\x00-\x7f]):\s*(.*)$/;
  const out: RawLine[] = [];
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, i) => {
    const m = entryRe.exec(raw);
    if (m) out.push({ line: i + 1, entry: { type: m[1]!, value: m[2]! }, text: raw });
    else if (!/^[ \t\r\f\v]*$/.test(raw)) out.push({ line: i + 1, entry: null, text: raw });
  });
  return out;
}

function detectDialect(text: string): MaintainersDialect {
  // Xen's script refuses a file without `V: xen-maintainers-<version>` under THE REST.
  return /^THE REST\n(?:[A-Z]:.*\n|[ \t]*\n)*?V:\s*xen-maintainers-/m.test(text) ? "xen" : "qemu";
}

/** Titles longer than 20 bytes are cut to 17, trailing blanks removed, and `...` added. */
export function sectionLabel(title: string, stripParens: boolean): string {
  const bytes = Buffer.from(title, "utf8");
  if (bytes.length <= 20) return title;
  // Perl counts bytes; a multi-byte character cut in half is dropped.
  let cut = bytes
    .subarray(0, 17)
    .toString("utf8")
    .replace(/\uFFFD$/, "");
  cut = cut.replace(/\s*$/, "");
  if (stripParens) cut = cut.replace(/[()]/g, "");
  return `${cut}...`;
}

function parseList(value: string): MailingList {
  const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*(.*)$/.exec(value);
  if (named) return { name: named[1]!.replace(/^"|"$/g, ""), email: named[2]!, note: named[3]! };
  const m = /^(\S+)\s+(.*)$/.exec(value);
  const token = m ? m[1]! : value.trim();
  const email = /^(.+@\S*)/.exec(token)?.[1] ?? "";
  return { name: "", email, note: m ? m[2]! : "" };
}

function directoryTest(option: ParseOptions["directories"]): (value: string) => boolean {
  if (!option) return () => false;
  if (typeof option === "function") return option;
  const set = new Set(Array.from(option, (d) => d.replace(/\/+$/, "")));
  return (value) => set.has(value);
}

/** Parses a MAINTAINERS file and compiles every pattern once. */
export function parseMaintainers(text: string, options: ParseOptions = {}): MaintainersFile {
  const dialect = options.dialect ?? detectDialect(text);
  const rules = DIALECTS[dialect];
  const isDirectory = directoryTest(options.directories);
  const lines = readLines(text, rules.entryTypeIsUpperCase);
  const sections: Section[] = [];
  const keywords: MaintainersFile["keywords"] = [];
  const invalid: MaintainersFile["invalid"] = [];

  let current: Section | null = null;
  let previous: RawLine | null = null;
  let order = 0;
  lines.forEach((raw, position) => {
    if (!raw.entry) {
      current = null;
      previous = raw;
      return;
    }
    if (!current) {
      const title: string = previous ? (previous as RawLine).text : "";
      current = {
        index: sections.length,
        title,
        label: sectionLabel(title, rules.stripParensInCutTitle),
        status: null,
        statusRole: "unknown",
        people: [],
        lists: [],
        files: [],
        excludes: [],
        pathRegexes: [],
        keywords: [],
        trees: [],
        web: [],
        other: [],
        line: raw.line,
      };
      sections.push(current);
    }
    const section: Section = current;
    const { type, value } = raw.entry;
    order++;
    switch (type) {
      case "M":
      case "R":
        for (const person of splitAddresses(value))
          if (person.email) section.people.push({ kind: type === "M" ? "maintainer" : "reviewer", person });
        break;
      case "L":
        section.lists.push(parseList(value));
        break;
      case "S":
        section.status = value;
        break;
      case "F":
      case "X": {
        const compiled = compileFilePattern(value, isDirectory, order);
        if ("error" in compiled) invalid.push({ line: raw.line, type, value, reason: compiled.error });
        else (type === "F" ? section.files : section.excludes).push(compiled);
        break;
      }
      case "N":
      case "K": {
        let test: RegExp | null = null;
        try {
          test = perlRegexToJs(value, { extended: true });
        } catch (error) {
          invalid.push({ line: raw.line, type, value, reason: String(error) });
        }
        if (type === "N") section.pathRegexes.push({ source: value, test, order });
        else {
          section.keywords.push({ source: value, test, order });
          // The script visits keyword sections in the string order of the K: line's index
          // among the non-blank lines.
          keywords.push({
            section: section.index,
            source: value,
            test,
            testInDiff: test ? safeRegex(`^[+-].*${value}`) : null,
            sortKey: String(position),
          });
        }
        break;
      }
      case "T":
        section.trees.push(value);
        break;
      case "W":
        section.web.push(value);
        break;
      default:
        section.other.push({ type, value });
    }
  });

  for (const section of sections) {
    const status = (section.status ?? "unknown").replace(/[A-Z]+/g, (s) => s.toLowerCase());
    section.statusRole = STATUS_ROLES[status] ?? status;
  }
  keywords.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const index = buildPatternIndex(sections);
  return { dialect, rules, sections, keywords, invalid, index };
}

function safeRegex(source: string): RegExp | null {
  try {
    return perlRegexToJs(source, { extended: true });
  } catch {
    return null;
  }
}
