import { ApiClient } from "../../lib/client/api-client";
import { seriesLines } from "../../lib/client/series-lines";
import { loadClientConfig } from "../../lib/config/environment";

export interface ClientOptions {
  server?: string;
}

/** The server to talk to: --server, else PATCHWATCH_SERVER, else a local `npm start`. */
export function clientFor(opts: ClientOptions): ApiClient {
  return new ApiClient(opts.server ?? loadClientConfig().server ?? "http://localhost:3000");
}

/** `patchwatch list <query>`: the series a search finds on a server, newest activity first. */
export async function listCommand(
  query: string,
  opts: ClientOptions & { project?: string; limit: number; json?: boolean },
): Promise<void> {
  const items = await clientFor(opts).listSeries(query, { limit: opts.limit, project: opts.project });
  if (opts.json) return void process.stdout.write(JSON.stringify(items, null, 2) + "\n");
  if (items.length === 0) return void process.stderr.write(`no series matches ${JSON.stringify(query)}\n`);
  process.stdout.write(seriesLines(items).join("\n") + "\n");
}
