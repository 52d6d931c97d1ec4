import { Badge } from "./badge";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The latest result of each test or CI context: failed as soon as one of them failed that
 * the branch head does not fail as well; a failure the head shares is no fault of the
 * series and says so; pending while any context is still running.
 */
export function TestsBadge({
  tests,
}: {
  tests: { passed: number; failed: number; failedOnBase?: number; pending?: number } | null;
}) {
  if (!tests) return null;
  const onBase = tests.failedOnBase ?? 0;
  const pending = tests.pending ?? 0;
  const own = tests.failed - onBase;
  const checks = tests.passed + tests.failed + pending;
  if (checks === 0) return null;
  const also = [
    onBase ? `${onBase} also fail${onBase === 1 ? "s" : ""} on master` : "",
    pending ? `${pending} pending` : "",
  ]
    .filter(Boolean)
    .join(", ");
  if (own > 0) {
    return (
      <Badge
        tone="red"
        label="tests failed"
        explanation={`Tests failed: ${own} of ${plural(checks, "check")} failed${also ? ` (${also})` : ""}`}
      />
    );
  }
  if (onBase > 0) {
    return (
      <Badge
        tone="zinc"
        label="fails on master too"
        explanation={`Fails on master too: ${plural(onBase, "failing check")} of ${checks} fail${onBase === 1 ? "s" : ""} on the branch head as well, so the series did not cause ${onBase === 1 ? "it" : "them"}${pending ? ` (${pending} pending)` : ""}`}
      />
    );
  }
  if (pending > 0) {
    return (
      <Badge
        tone="outline"
        label="tests pending"
        explanation={`Tests pending: ${pending} of ${plural(checks, "check")} still running or queued`}
      />
    );
  }
  return (
    <Badge
      tone="green"
      label="tests passed"
      explanation={`Tests passed: all ${plural(checks, "check")} passed`}
    />
  );
}
