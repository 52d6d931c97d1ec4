/**
 * Turns the Perl regexes of K: and N: lines into JavaScript ones. get_maintainer.pl
 * applies them with the `/x` flag (blanks and `# comments` outside classes are ignored),
 * and QEMU's K: lines switch case-insensitivity on midway (`^Subject:.*(?i)trivial`),
 * which JavaScript (before inline modifiers) cannot say: letters after `(?i)` become
 * `[tT]`-style classes until the enclosing group ends.
 */
export function perlRegexToJs(source: string, options: { extended: boolean }): RegExp {
  return new RegExp(perlRegexSource(source, options));
}

function bothCases(ch: string): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return lower === upper ? ch : `${lower}${upper}`;
}

function isLetter(ch: string): boolean {
  return /^[A-Za-z]$/.test(ch);
}

export function perlRegexSource(source: string, options: { extended: boolean }): string {
  let out = "";
  let extended = options.extended;
  // One entry per open group: is the group case-insensitive?
  const caseless: boolean[] = [false];
  const current = () => caseless[caseless.length - 1]!;
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "\\") {
      const next = source[i + 1] ?? "";
      if (next === "A") out += "^";
      else if (next === "Z" || next === "z") out += "$";
      else if (next === "h") out += "[ \\t]";
      else if (current() && isLetter(next) && !/[dDwWsSbBnrtfvx0-9cuUkpP]/.test(next))
        out += `[${bothCases(next)}]`;
      else out += `\\${next}`;
      i += 2;
      continue;
    }
    if (extended && /\s/.test(ch)) {
      i++;
      continue;
    }
    if (extended && ch === "#") {
      while (i < source.length && source[i] !== "\n") i++;
      continue;
    }
    if (ch === "[") {
      const end = classEnd(source, i);
      out += classSource(source.slice(i, end), current());
      i = end;
      continue;
    }
    if (ch === "(") {
      if (source.startsWith("(?#", i)) {
        const close = source.indexOf(")", i);
        i = close < 0 ? source.length : close + 1;
        continue;
      }
      const flags = /^\(\?([a-z]*)(?:-([a-z]*))?(\)|:)/.exec(source.slice(i));
      if (flags && (flags[1] || flags[2])) {
        const on = flags[1] ?? "";
        const off = flags[2] ?? "";
        let ci = current();
        if (on.includes("i")) ci = true;
        if (off.includes("i")) ci = false;
        if (on.includes("x")) extended = true;
        if (off.includes("x")) extended = false;
        if (flags[3] === ")") caseless[caseless.length - 1] = ci;
        else {
          caseless.push(ci);
          out += "(?:";
        }
        i += flags[0].length;
        continue;
      }
      caseless.push(current());
      out += "(";
      i++;
      continue;
    }
    if (ch === ")") {
      if (caseless.length > 1) caseless.pop();
      out += ")";
      i++;
      continue;
    }
    if (current() && isLetter(ch)) {
      out += `[${bothCases(ch)}]`;
      i++;
      continue;
    }
    // `{` that does not start a quantifier is a literal in Perl but an error with the `u` flag;
    // without it JavaScript agrees with Perl.
    out += ch;
    i++;
  }
  return out;
}

/** Index just after the `]` that closes the class opened at `start`. */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === "^") i++;
  if (source[i] === "]") i++;
  while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
  return Math.min(source.length, i + 1);
}

function classSource(cls: string, caseless: boolean): string {
  if (!caseless) return cls;
  let out = "";
  for (let i = 0; i < cls.length; i++) {
    const ch = cls[i]!;
    if (ch === "\\") {
      out += cls.slice(i, i + 2);
      i++;
      continue;
    }
    const to = cls[i + 2];
    if (cls[i + 1] === "-" && to !== undefined && to !== "]" && isLetter(ch) && isLetter(to)) {
      out += `${ch}-${to}${swapCase(ch)}-${swapCase(to)}`;
      i += 2;
      continue;
    }
    out += isLetter(ch) && i > 0 ? bothCases(ch) : ch;
  }
  return out;
}

function swapCase(ch: string): string {
  return ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase();
}
