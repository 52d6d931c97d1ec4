/**
 * JSON for the API: BigInt ids (JSON has no 64-bit integers, and JavaScript clients lose
 * precision above 2^53) become strings; Dates become ISO 8601 strings through their toJSON.
 */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body, replacer), { ...init, headers });
}
