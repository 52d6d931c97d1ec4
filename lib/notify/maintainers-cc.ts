/** The people of a get_maintainer.pl answer who go on Cc: maintainers and reviewers, most relevant first. */
export function maintainersToCc(
  entries: readonly { name: string; email: string; role: string }[],
): { name: string; email: string }[] {
  const seen = new Set<string>();
  const people: { name: string; email: string }[] = [];
  for (const e of entries) {
    if (e.role !== "maintainer" && e.role !== "reviewer") continue;
    const key = e.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    people.push({ name: e.name, email: e.email });
  }
  return people;
}
