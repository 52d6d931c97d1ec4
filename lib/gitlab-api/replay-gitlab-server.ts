import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for a GitLab server in tests, since none is reachable here: a local HTTP
 * server that replays recorded REST answers (lib/gitlab/__fixtures__/recorded-*.json).
 * A request matches an exchange by method, raw path and the query parameters the
 * exchange names; it must carry the expected PRIVATE-TOKEN. Anything else gets GitLab's
 * own 401 or 404 body. Every request is kept for the test to look at.
 */
export interface RecordedExchange {
  request: { method: string; path: string; query: Record<string, string> };
  response: { status: number; headers?: Record<string, string>; body: unknown };
}

export interface ReplayedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  token: string | undefined;
}

export interface ReplayGitlabServer {
  /** The API root to configure, `http://127.0.0.1:<port>/api/v4`. */
  apiUrl: string;
  requests: ReplayedRequest[];
  close(): Promise<void>;
}

export function readRecordedExchanges(file: string): RecordedExchange[] {
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { exchanges: RecordedExchange[] }).exchanges;
}

export async function startReplayGitlabServer(options: {
  exchanges: RecordedExchange[];
  token: string;
}): Promise<ReplayGitlabServer> {
  const requests: ReplayedRequest[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://replay.invalid");
    const rawPath = (req.url ?? "/").split("?")[0]!;
    const query = Object.fromEntries(url.searchParams);
    const token = req.headers["private-token"] as string | undefined;
    requests.push({ method: req.method ?? "GET", path: rawPath, query, token });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (token !== options.token) return send(401, { message: "401 Unauthorized" });
    const exchange = options.exchanges.find(
      (e) =>
        e.request.method === req.method &&
        e.request.path === rawPath &&
        Object.entries(e.request.query).every(([k, v]) => query[k] === v),
    );
    if (!exchange) return send(404, { message: "404 Not Found" });
    send(exchange.response.status, exchange.response.body, exchange.response.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v4`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
