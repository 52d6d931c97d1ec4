/**
 * A word for a POSIX shell command people paste: left bare when it holds only characters
 * no shell treats specially, else in single quotes (a `'` inside becomes `'\''`).
 */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value) && !value.startsWith("-")) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
