import { Badge } from "./badge";

/** The latest result of each test or CI context: failed as soon as one of them failed. */
export function TestsBadge({ tests }: { tests: { passed: number; failed: number } | null }) {
  if (!tests || tests.passed + tests.failed === 0) return null;
  const checks = tests.passed + tests.failed;
  if (tests.failed > 0) {
    return (
      <Badge
        tone="red"
        label="tests failed"
        explanation={`Tests failed: ${tests.failed} of ${checks} checks failed`}
      />
    );
  }
  return (
    <Badge
      tone="green"
      label="tests passed"
      explanation={`Tests passed: all ${checks} check${checks === 1 ? "" : "s"} passed`}
    />
  );
}
