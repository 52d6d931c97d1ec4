import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { ApiClient, SeriesDetail } from "../../lib/client/api-client";
import { findSeries } from "../../lib/client/find-series";
import { resolveTarget } from "../../lib/client/resolve-target";
import { printable } from "../../lib/client/series-lines";
import { loadClientConfig } from "../../lib/config/environment";
import { PatchwatchError } from "../../lib/errors";
import { amIntoCheckout } from "../../lib/git/checkout-am";
import { fetchTagToBranch } from "../../lib/git/fetch-tag-to-branch";
import { userGitEnv } from "../../lib/git/user-env";
import { workTreeRoot } from "../../lib/git/work-tree-root";
import { seriesMboxHref } from "../../lib/routes";
import { type ClientOptions, clientFor } from "./list";

export interface ApplyOptions extends ClientOptions {
  fetch?: boolean;
  branch?: string;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `patchwatch apply <message-id | series URL | search>` in a git checkout: finds the
 * series on a server and applies its mbox with `git am -3`, or with --fetch checks out
 * the tag the server's applier pushed on a new branch.
 */
export async function applyCommand(targetText: string, opts: ApplyOptions): Promise<void> {
  const target = resolveTarget(targetText);
  const client = clientFor({
    server: opts.server ?? (target.kind !== "query" ? (target.server ?? undefined) : undefined),
  });
  const env = userGitEnv(loadClientConfig());
  const cwd = process.cwd();
  if (!(await workTreeRoot(cwd, env)))
    throw new PatchwatchError("bad-request", "not inside a git checkout: run it in the tree to apply to");

  const series = await findSeries(client, target, say);
  const name = `v${series.version} ${printable(series.subject)} <${printable(series.id)}>`;
  if (series.isPull)
    throw new PatchwatchError("bad-request", `${name} is a pull request, not patches: git pull it`);
  if (!series.complete) {
    throw new PatchwatchError(
      "conflict",
      `${name} is incomplete: ${series.received} of ${series.total} patches arrived`,
    );
  }
  if (opts.fetch) return fetchApplied(client, series, name, cwd, env, opts.branch);

  say(
    `applying ${name}: ${series.total} patch${series.total === 1 ? "" : "es"} from ${client.server.origin}`,
  );
  const mbox = await client.download(series.mbox ?? seriesMboxHref(series.project, series.id));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-apply-"));
  try {
    const file = path.join(dir, "series.mbox");
    fs.writeFileSync(file, mbox);
    const result = await amIntoCheckout(cwd, file, env);
    if (result.output) process.stdout.write(`${result.output}\n`);
    if (!result.ok) {
      throw new PatchwatchError(
        "conflict",
        `git am failed: the series does not apply here (git's message is above).\n` +
          `Resolve it and run \`git am --continue\`, or run \`git am --abort\` to undo the patches applied so far.`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function fetchApplied(
  client: ApiClient,
  series: SeriesDetail,
  name: string,
  cwd: string,
  env: Record<string, string>,
  branch: string | undefined,
): Promise<void> {
  const apply = series.apply;
  if (!apply?.tag || !apply.fetchUrl) {
    const status = apply ? ` (the server's last attempt: ${printable(apply.status)})` : "";
    throw new PatchwatchError(
      "not-found",
      `${name} is not applied on the server yet${status}; without --fetch, its mbox is applied here`,
    );
  }
  const url = client.url(apply.fetchUrl).toString();
  const target = { url, tag: apply.tag, branch: branch ?? apply.tag };
  say(`fetching ${printable(apply.tag)} from ${printable(url)}`);
  const result = await fetchTagToBranch(cwd, target, env);
  if (!result.ok)
    throw new PatchwatchError("conflict", `git could not fetch or check out the tag:\n${result.output}`);
  say(`on branch ${printable(target.branch)} at ${result.commit}: ${name}`);
}
