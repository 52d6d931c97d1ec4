import { z } from "zod";

import { PatchwatchError } from "../errors";

/** Bytes of a request body we read at most: a GitLab pipeline event with its jobs fits many times over. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A request body as a plain value, validated with `schema`: JSON, or form fields (what
 * `curl -F`/`-d` sends, as patchwork's API accepts them too) as an object of strings. A body
 * that is too large, not JSON or not what the schema says is a 400 with a message naming
 * the field; nothing of the parser's internals reaches the answer.
 */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const value = await readBodyValue(request);
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((issue) => `body ${issue.path.map(String).join(".") || "value"}: ${issue.message}`)
    .join("; ");
  throw new PatchwatchError("bad-request", `invalid ${message}`);
}

async function readBodyValue(request: Request): Promise<unknown> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const text = await readCapped(request);
  if (type === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type === "multipart/form-data") {
    // Re-wrapped so the platform's multipart parser reads the capped text, not the stream.
    const form = await new Response(text, { headers: request.headers }).formData().catch((): never => {
      throw new PatchwatchError("bad-request", "the body is not valid multipart/form-data");
    });
    const fields: Record<string, string> = {};
    for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
    return fields;
  }
  if (text.trim() === "") throw new PatchwatchError("bad-request", "the request has no body");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PatchwatchError("bad-request", "the body is not valid JSON");
  }
}

async function readCapped(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(): PatchwatchError {
  return new PatchwatchError("bad-request", `the body is larger than ${MAX_BODY_BYTES} bytes`);
}
