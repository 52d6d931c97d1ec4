import { planApply, type ApplyWork } from "../../apply/plan-apply";
import type { ApplyCandidate } from "../../apply/types";
import { resolveCommit } from "../../git/resolve-commit";

export type CommitResolver = (named: string) => Promise<string | null>;

/** Resolves `base-commit:` values in the mirror, once each per round. */
export function commitResolver(mirror: string): CommitResolver {
  const known = new Map<string, Promise<string | null>>();
  return (named) => {
    let found = known.get(named);
    if (!found) {
      found = resolveCommit(mirror, named).catch(() => null);
      known.set(named, found);
    }
    return found;
  };
}

/** What to apply now (lib/apply/plan-apply.ts decides), once git says which named bases have arrived. */
export async function planWork(
  candidates: ApplyCandidate[],
  head: string,
  resolve: CommitResolver,
): Promise<ApplyWork[]> {
  // Only a series that named a base-commit and was not applied on it asks whether it arrived.
  const asked = candidates.filter(
    (c) =>
      c.baseCommit && c.latest && c.latest.baseKind !== "base-commit" && c.latest.baseKind !== "based-on",
  );
  const found = new Set<string>();
  for (const c of asked) if (await resolve(c.baseCommit!)) found.add(c.baseCommit!);
  return planApply(candidates, { head, hasCommit: (named) => found.has(named) });
}
