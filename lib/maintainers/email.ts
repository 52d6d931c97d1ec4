import type { Person } from "./types";

/**
 * get_maintainer.pl's parse_email: `Name <address>`, `<address>` or a bare address;
 * surrounding blanks and one pair of quotes around the name are dropped.
 */
export function parsePerson(value: string): Person {
  let name = "";
  let email = "";
  let m = /^([^<]+)<(.+@.*)>.*$/.exec(value);
  if (m) {
    name = m[1]!;
    email = m[2]!;
  } else if ((m = /^\s*<(.+@\S*)>.*$/.exec(value))) {
    email = m[1]!;
  } else if ((m = /^(.+@\S*).*$/.exec(value))) {
    email = m[1]!;
  }
  name = name.trim().replace(/^"|"$/g, "");
  return { name, email: email.trim() };
}

/** Names with anything but letters, digits, `_`, blank and `-` are quoted, as the script prints them. */
export function formatPerson(name: string, email: string): string {
  if (name === "") return email;
  const shown = /[^A-Za-z0-9_ -]/.test(name) ? `"${name.replace(/(?<!\\)"/g, '\\"')}"` : name;
  return `${shown} <${email}>`;
}

/** Perl's lc() on a byte string lowers ASCII letters only. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/**
 * The addresses of one M:/R: value: a comma-separated list is split (the script's
 * rfc822_validlist), a single address is kept whole.
 */
export function splitAddresses(value: string): Person[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "<") depth++;
    else if (!quoted && ch === ">") depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ",") {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  const withAddress = parts.filter((p) => p.includes("@"));
  if (withAddress.length < 2) return [parsePerson(value)];
  return withAddress.map(parsePerson);
}
