import { z } from "zod";

import { type ErrorCode, PatchwatchError } from "../errors";
import { API_TESTER_CLAIM_PATH, apiTesterJobPath } from "../routes";

/*
 * The Tester HTTP API of a Patchwatch server (/api/v1/tester/…), from the tester's side.
 * Answers are checked with zod; everything in a job reaches git or bash later, so values
 * that could pass for an option or a path outside a URL are refused here already.
 */

const notAnOption = (value: string) => !value.startsWith("-");
const objectId = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export const testJobSchema = z.object({
  /** Becomes part of a directory and a ref name: letters, digits, `_` and `-` only. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "letters, digits, '_' or '-'"),
  project: z.string().min(1),
  test: z.string().min(1),
  script: z.string().min(1),
  timeoutSeconds: z.number().int().positive(),
  fetchUrl: z.string().min(1).refine(notAnOption, "must not start with '-'"),
  ref: z.string().min(1).refine(notAnOption, "must not start with '-'"),
  commit: z.string().regex(objectId, "a full hexadecimal commit id"),
  baseCommit: z.string().regex(objectId, "a full hexadecimal commit id").nullable().optional(),
  leaseSeconds: z.number().positive(),
  series: z.object({ headMsgid: z.string(), title: z.string(), version: z.number() }).nullable().optional(),
});
export type TestJob = z.infer<typeof testJobSchema>;

/** A claimed job, or the id of one whose description the agent cannot run (reported as an error). */
export type Claim = { ok: true; job: TestJob } | { ok: false; id: string | null; problem: string };

export type TestState = "passed" | "failed" | "error";

/**
 * - unreachable: no answer, or a 500, 502, 503 or 504: try again later.
 * - unauthorized: the token is missing, wrong or revoked.
 * - lease-lost: the job is no longer this tester's (409; also 403 and 404 for a job).
 * - refused: any other 4xx, or an answer that is not what the API promises.
 */
export type TesterApiErrorKind = "unreachable" | "unauthorized" | "lease-lost" | "refused";

const errorCodes: Record<TesterApiErrorKind, ErrorCode> = {
  unreachable: "source-unreadable",
  unauthorized: "bad-request",
  "lease-lost": "conflict",
  refused: "bad-request",
};

export class TesterApiError extends PatchwatchError {
  constructor(
    readonly kind: TesterApiErrorKind,
    message: string,
  ) {
    super(errorCodes[kind], message);
  }
}

const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const idOnlySchema = z.object({ job: z.object({ id: testJobSchema.shape.id }) });

/** Waiting longer than this for an answer means the server is not answering. */
const REQUEST_TIMEOUT_MS = 60_000;

export class TesterClient {
  readonly server: URL;

  constructor(
    server: string,
    private readonly token: string,
  ) {
    let url: URL;
    try {
      url = new URL(server);
    } catch {
      throw new PatchwatchError("bad-request", `not a server URL: ${server}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new PatchwatchError("bad-request", `not an http(s) server URL: ${server}`);
    this.server = url;
  }

  /** The next job for these capabilities, or null when none waits. */
  async claim(capabilities: string[], projects: string[]): Promise<Claim | null> {
    const body = JSON.stringify(projects.length ? { capabilities, projects } : { capabilities });
    const response = await this.post(API_TESTER_CLAIM_PATH, body, "application/json", false);
    if (response.status === 204) return null;
    const answer = await this.json(response);
    const parsed = z.object({ job: testJobSchema }).safeParse(answer);
    if (parsed.success) return { ok: true, job: parsed.data.job };
    const problem = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    const id = idOnlySchema.safeParse(answer);
    return { ok: false, id: id.success ? id.data.job.id : null, problem };
  }

  async heartbeat(jobId: string): Promise<void> {
    await this.json(await this.post(apiTesterJobPath(jobId, "heartbeat"), "", "application/json", true));
  }

  async appendLog(jobId: string, bytes: Buffer): Promise<void> {
    await this.json(
      await this.post(apiTesterJobPath(jobId, "log"), bytes, "text/plain; charset=utf-8", true),
    );
  }

  async report(
    jobId: string,
    result: { state: TestState; durationMs: number; summary?: string },
  ): Promise<void> {
    const body = JSON.stringify(result);
    await this.json(await this.post(apiTesterJobPath(jobId, "result"), body, "application/json", true));
  }

  private async post(
    path: string,
    body: string | Buffer,
    contentType: string,
    forJob: boolean,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.server), {
        method: "POST",
        headers: {
          authorization: `Bearer ${this.token}`,
          "content-type": contentType,
          accept: "application/json",
        },
        body:
          typeof body === "string"
            ? body
            : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: "error",
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new TesterApiError("unreachable", `cannot reach ${this.server.origin} (${why})`);
    }
    if (response.ok) return response;
    const message = await errorMessage(response);
    const where = `${this.server.host}: ${message}`;
    // A server restarting, its database or its proxy down: worth asking again later.
    if ([500, 502, 503, 504].includes(response.status)) throw new TesterApiError("unreachable", where);
    if (response.status === 401) throw new TesterApiError("unauthorized", where);
    if (response.status === 409 || (forJob && (response.status === 403 || response.status === 404)))
      throw new TesterApiError("lease-lost", where);
    throw new TesterApiError("refused", where);
  }

  private async json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      throw new TesterApiError(
        "refused",
        `${this.server.origin} did not answer with JSON: is it a Patchwatch server?`,
      );
    }
  }
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = errorSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.error.message;
  } catch {
    // Not our error body (a proxy's page): the status says enough.
  }
  return `HTTP ${response.status}`;
}
