import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

import type { Db } from "../../db/client";
import { serveGitSmartHttp } from "../../git/smart-http";
import type { TesterApi } from "../../http/tester-api";

/**
 * Test support: a real HTTP server in front of the Tester API's doors (the same `respond`
 * the app's routes call) and the `/git/<project>` smart-HTTP repositories, so that a real
 * tester agent talks to the real server code over a socket.
 */
export interface TesterApiServer {
  url: string;
  /** Requests seen, as `METHOD path`, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startTesterApiServer(options: {
  db: Db;
  api: TesterApi;
  repositoriesDir: string;
  projects: string[];
}): Promise<TesterApiServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    requests.push(`${req.method} ${url.pathname}`);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
      ),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await route(request, url.pathname);
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    if (response.body)
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  };
  const route = (request: Request, pathname: string): Promise<Response> => {
    const getDb = () => options.db;
    if (pathname === "/api/v1/tester/claim") return options.api.claim.respond(getDb, request, {});
    const job = /^\/api\/v1\/tester\/jobs\/([^/]+)\/(heartbeat|log|result)$/.exec(pathname);
    if (job)
      return options.api[job[2] as "heartbeat" | "log" | "result"].respond(getDb, request, {
        id: decodeURIComponent(job[1]!),
      });
    const git = /^\/git\/([^/]+)\/(.+)$/.exec(pathname);
    if (git)
      return serveGitSmartHttp(
        request,
        { project: git[1]!, path: git[2]!.split("/") },
        { repositoriesDir: options.repositoriesDir, projects: options.projects },
      );
    return Promise.resolve(new Response("not found", { status: 404 }));
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
