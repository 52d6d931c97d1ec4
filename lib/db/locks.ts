/**
 * Every PostgreSQL advisory-lock key Patchwatch takes, in one place: two kinds of work that
 * shared a key by accident would wait for each other. A lock is taken as the pair
 * (key, id): the key names the kind of work, the id the project or tree it is for (0 when
 * the work is global). locks.test.ts checks that the keys are unique and that no module
 * takes a lock with a key of its own.
 */
export const LOCKS = {
  /** Applying migrations: several workers may start at once against one database. */
  migrations: 72_616_001,
  /** Series assembly of one project (transaction-scoped, with the project id). */
  seriesAssembly: 72_616_002,
  /** Parsing and writing pending raw messages: one processor at a time. */
  processing: 72_616_003,
  /** One applier per git tree. */
  apply: 72_616_004,
  /** The robot's per-recipient hourly limit (transaction-scoped). */
  robotMailRate: 72_616_006,
  /** One round of responsible people per tree. */
  maintainers: 72_616_007,
  /** One upstream watch per tree. */
  watchUpstream: 72_616_008,
  /** One format-check round per project. */
  formatCheck: 72_616_010,
} as const;

export type LockName = keyof typeof LOCKS;

/** The (key, id) pair of a lock, as pg_advisory_lock(int, int) takes it. */
export function lockKey(name: LockName, id = 0): [number, number] {
  return [LOCKS[name], id];
}
