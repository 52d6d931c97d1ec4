/**
 * A claimed job is leased to its tester for a while; heartbeats extend the lease. A
 * tester that dies stops sending them, the lease runs out and the job goes back to the
 * queue for another tester (patchew's and GitLab runners' answer to lost workers).
 */
export const DEFAULT_LEASE_SECONDS = 120;

export function leaseExpiry(now: Date, leaseSeconds: number): Date {
  return new Date(now.getTime() + leaseSeconds * 1000);
}
