import { z } from "zod";

import { PatchwatchError } from "../errors";
import { API_SERIES_PATH, apiMessagePath, apiSeriesPath } from "../routes";

/*
 * The REST API of a Patchwatch server (lib/http/contracts.ts), from the other side: what
 * `patchwatch list` and `apply` read. Answers are checked with zod, keeping only the keys
 * used, so a newer server that adds keys still works.
 */

const author = z.object({ name: z.string(), email: z.string() });

export const seriesItemSchema = z.object({
  id: z.string(),
  project: z.string(),
  subject: z.string(),
  author,
  version: z.number(),
  total: z.number(),
  received: z.number(),
  complete: z.boolean(),
  obsoletedBy: z.string().nullable(),
  reviewed: z.boolean(),
  isPull: z.boolean(),
  mergedAt: z.string().nullable().optional(),
  apply: z.object({ status: z.string() }).nullable().optional(),
});
export type SeriesItem = z.infer<typeof seriesItemSchema>;

const seriesPageSchema = z.object({ items: z.array(seriesItemSchema), next: z.string().nullable() });

export const seriesDetailSchema = seriesItemSchema.extend({
  patches: z.array(z.object({ index: z.number(), subject: z.string() })),
  mbox: z.string().optional(),
  apply: z
    .object({
      status: z.string(),
      tag: z.string().nullable().optional(),
      fetchUrl: z.string().nullable().optional(),
      baseCommit: z.string().nullable().optional(),
      commits: z.array(z.string()).optional(),
      log: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type SeriesDetail = z.infer<typeof seriesDetailSchema>;

const messageSchema = z.object({
  msgid: z.string(),
  projects: z.array(z.object({ project: z.string(), series: z.object({ id: z.string() }).nullable() })),
});

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Waiting longer than this for an answer means the server is not answering. */
const REQUEST_TIMEOUT_MS = 60_000;

export class ApiClient {
  readonly server: URL;

  constructor(server: string) {
    let url: URL;
    try {
      url = new URL(server);
    } catch {
      throw new PatchwatchError("bad-request", `not a server URL: ${server}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new PatchwatchError("bad-request", `not an http(s) server URL: ${server}`);
    }
    this.server = url;
  }

  /** A path of this server (`/ltp/x%40y/mbox`), or a URL the server gave, as an absolute URL. */
  url(pathOrUrl: string): URL {
    return new URL(pathOrUrl, this.server);
  }

  async listSeries(query: string, options: { limit: number; project?: string }): Promise<SeriesItem[]> {
    const url = this.url(API_SERIES_PATH);
    if (query) url.searchParams.set("q", query);
    if (options.project) url.searchParams.set("project", options.project);
    url.searchParams.set("limit", String(options.limit));
    return seriesPageSchema.parse(await this.json(url)).items;
  }

  /** One series, or null when the server has none with this head in this project. */
  async getSeries(project: string, msgid: string): Promise<SeriesDetail | null> {
    const url = this.url(apiSeriesPath(project, msgid));
    const body = await this.json(url, { notFound: true });
    return body === null ? null : seriesDetailSchema.parse(body);
  }

  /** The projects and series a message belongs to, or null when the server does not have it. */
  async getMessage(msgid: string): Promise<z.infer<typeof messageSchema> | null> {
    const body = await this.json(this.url(apiMessagePath(msgid)), {
      notFound: true,
    });
    return body === null ? null : messageSchema.parse(body);
  }

  /** The bytes at a path of the server (an mbox); the server's text error when it refuses. */
  async download(path: string): Promise<Buffer> {
    const response = await this.fetch(this.url(path));
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) {
      const text = bytes
        .toString("utf8")
        .trim()
        .replace(/^error: /, "");
      throw new PatchwatchError(
        response.status === 404 ? "not-found" : "bad-request",
        `${this.server.host}: ${text}`,
      );
    }
    return bytes;
  }

  private async json(url: URL, options: { notFound?: boolean } = {}): Promise<unknown> {
    const response = await this.fetch(url, { accept: "application/json" });
    if (options.notFound && response.status === 404) return null;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new PatchwatchError(
        "source-unreadable",
        `${url.origin} did not answer with JSON: is it a Patchwatch server?`,
      );
    }
    if (!response.ok) {
      const error = errorSchema.safeParse(body);
      const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
      throw new PatchwatchError(
        response.status === 404 ? "not-found" : "bad-request",
        `${url.host}: ${message}`,
      );
    }
    return body;
  }

  private async fetch(url: URL, headers: Record<string, string> = {}): Promise<Response> {
    try {
      return await fetch(url, {
        headers,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: "follow",
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new PatchwatchError(
        "source-unreadable",
        `cannot reach the Patchwatch server at ${this.server.origin} (${why}); give another with --server or PATCHWATCH_SERVER`,
      );
    }
  }
}
