/**
 * The lifecycle: what happens to mail on its way from the list to the pages, as named
 * events between the flows. Each flow's header says which of these it reacts to and which
 * it emits, in these words; this table is the whole picture in one place, and
 * events.test.ts keeps it true (every file it names exists, every event a flow's header
 * names is here).
 *
 * An event is a fact recorded in the database, not a message on a bus: a flow emits one by
 * writing it (a raw message row, an apply result, a test result...), and the reaction
 * starts by one of three means:
 * - `queue`: the emitter's worker asks for the reacting job (lib/queue/queues.ts), which
 *   coalesces with one already waiting;
 * - `call`: the emitting flow calls the reacting one in the same round;
 * - `scan`: the reacting flow finds the new facts on its next periodic round (a timer
 *   asks for its job), so a lost request costs a minute, never the reaction.
 * Pages and the API read the facts when asked; they react to nothing.
 */

export type Trigger = "queue" | "call" | "scan";

export interface Reaction {
  /** The flow that reacts (a path from the repository's root). */
  flow: string;
  trigger: Trigger;
  /** What it does about the event. */
  does: string;
}

export interface LifecycleEvent {
  /** What happened, and the row that records it. */
  meaning: string;
  /** The modules that make it happen (paths from the repository's root). */
  emittedBy: readonly string[];
  reactions: readonly Reaction[];
}

export const LIFECYCLE = {
  "message stored": {
    meaning:
      "a message's raw bytes are committed (raw_message, state pending): nothing can lose it from here on",
    emittedBy: [
      "lib/flows/ingest/read-mailboxes.ts",
      "lib/flows/ingest/import-messages.ts",
      "lib/flows/ingest/import-archives.ts",
    ],
    reactions: [
      {
        flow: "lib/flows/ingest/parse-stored-messages.ts",
        trigger: "call",
        does: "the step both paths share: parse the stored bytes, route the mail to its projects",
      },
      {
        flow: "lib/flows/ingest/process-pending.ts",
        trigger: "queue",
        does: "parses, routes and writes the pending raw messages (the `process` job; an import calls the same steps inline)",
      },
    ],
  },
  "message parsed": {
    meaning:
      "a message is written with its project routes (message, project_message), or its raw row says why not",
    emittedBy: ["lib/flows/ingest/process-pending.ts", "lib/flows/ingest/import-messages.ts"],
    reactions: [
      {
        flow: "lib/flows/ingest/update-project-series.ts",
        trigger: "call",
        does: "re-assembles the affected series of each project the messages went to",
      },
      {
        flow: "lib/flows/ingest/rebuild-project-series.ts",
        trigger: "call",
        does: "re-assembles a whole project after a bulk import or a reprocess",
      },
    ],
  },
  "series updated": {
    meaning: "a series, its patches, trailers or revision links were written anew (series.updated_at)",
    emittedBy: ["lib/flows/ingest/update-project-series.ts", "lib/flows/ingest/rebuild-project-series.ts"],
    reactions: [
      {
        flow: "lib/flows/maintainers/compute-responsible.ts",
        trigger: "scan",
        does: "works out the series' responsible people from MAINTAINERS at the branch head",
      },
      {
        flow: "lib/flows/merged/detect-merged.ts",
        trigger: "scan",
        does: "matches the series' patches against the upstream commits already indexed",
      },
    ],
  },
  "series complete": {
    meaning: "every patch a series announces has arrived (series.complete)",
    emittedBy: ["lib/flows/ingest/update-project-series.ts", "lib/flows/ingest/rebuild-project-series.ts"],
    reactions: [
      {
        flow: "lib/flows/apply/apply-project.ts",
        trigger: "queue",
        does: "applies it to the project's tree (the processor asks for an `apply` round of each tree that got series)",
      },
    ],
  },
  "upstream moved": {
    meaning: "a fetch found a new head of the project's branch (git_mirror.head)",
    emittedBy: ["lib/flows/apply/fetch-upstream.ts"],
    reactions: [
      {
        flow: "lib/flows/test/enqueue-branch-tests.ts",
        trigger: "call",
        does: "queues the configured tests of the new head, for 'fails on master too'",
      },
      {
        flow: "lib/flows/apply/apply-project.ts",
        trigger: "call",
        does: "tries again the applied series that may need a rebase",
      },
      {
        flow: "lib/flows/merged/detect-merged.ts",
        trigger: "scan",
        does: "indexes the new upstream commits and matches them to posted patches",
      },
      {
        flow: "lib/flows/maintainers/compute-responsible.ts",
        trigger: "scan",
        does: "reads MAINTAINERS again when its blob changed",
      },
    ],
  },
  "series applied": {
    meaning: "a series applied and its tag was published (apply_result, status applied)",
    emittedBy: ["lib/flows/apply/apply-series.ts"],
    reactions: [
      {
        flow: "lib/flows/test/enqueue-series-tests.ts",
        trigger: "call",
        does: "queues a job for each configured test of the applied commit",
      },
      {
        flow: "lib/flows/test/poll-gitlab-project.ts",
        trigger: "scan",
        does: "asks GitLab for the pipelines of the pushed tag, when no webhook told",
      },
    ],
  },
  "apply failed": {
    meaning:
      "a series does not apply, or no longer applies on the moved branch (apply_result, status failed or needs-rebase)",
    emittedBy: ["lib/flows/apply/apply-series.ts"],
    reactions: [
      {
        flow: "lib/flows/notify/mail-failures.ts",
        trigger: "scan",
        does: "composes the robot's reply in the thread",
      },
    ],
  },
  "test finished": {
    meaning: "a tester, a CI pipeline or an external check reported a result (test_result)",
    emittedBy: [
      "lib/flows/test/report-test-result.ts",
      "lib/flows/test/receive-pipeline-event.ts",
      "lib/flows/test/poll-gitlab-project.ts",
      "lib/flows/test/record-pipeline-report.ts",
      "lib/http/endpoints/series-checks.ts",
      "lib/http/endpoints/patch-checks.ts",
    ],
    reactions: [
      {
        flow: "lib/flows/notify/mail-failures.ts",
        trigger: "scan",
        does: "composes the robot's reply for a failure of a test that mails (not one that fails on master too)",
      },
    ],
  },
  "series merged": {
    meaning: "the branch took at least half of a series' patches (series.merged_at, patch.merged_commit)",
    emittedBy: ["lib/flows/merged/match-merged.ts"],
    reactions: [
      {
        flow: "lib/flows/lost/list-lost.ts",
        trigger: "scan",
        does: "no longer counts the series as lost, nor as waiting in a review queue",
      },
    ],
  },
  "format-check mail stored": {
    meaning:
      "a mail of a project's private format-check mailbox is committed (format_check_mail, state received)",
    // The worker's IMAP reader stores it; its round is woken by each stored batch.
    emittedBy: ["workers/format-check.ts"],
    reactions: [
      {
        flow: "lib/flows/format-check/format-check-round.ts",
        trigger: "call",
        does: "checks each series that is ready and answers its sender privately",
      },
    ],
  },
  "robot mail composed": {
    meaning: "the robot wrote a mail (robot_mail, status queued), deduplicated per revision and test",
    // send-digests.ts composes the weekly digests, found due by each notify scan.
    emittedBy: [
      "lib/flows/notify/mail-failures.ts",
      "lib/flows/notify/send-digests.ts",
      "lib/flows/format-check/answer-submission.ts",
    ],
    reactions: [
      {
        flow: "lib/flows/notify/deliver-robot-mail.ts",
        trigger: "call",
        does: "sends it through SMTP within the hourly limit, or records why not (status sent, dry-run, suppressed, error)",
      },
    ],
  },
} as const satisfies Record<string, LifecycleEvent>;

export type LifecycleEventName = keyof typeof LIFECYCLE;
