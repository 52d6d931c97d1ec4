import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { apiContracts } from "./contracts";
import { buildOpenApiDocument } from "./openapi";

const apiRoot = path.resolve(__dirname, "../../app/api/v1");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every route.ts under app/api/v1, as its OpenAPI path template and the methods it exports. */
function routesOnDisk(): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        // App Router conventions: (group) and _private folders add no URL segment.
        if (entry.name.startsWith("_")) continue;
        const segment = entry.name.startsWith("(") ? [] : [entry.name.replace(/^\[(.+)\]$/, "{$1}")];
        walk(path.join(dir, entry.name), [...segments, ...segment]);
      } else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const source = fs.readFileSync(path.join(dir, entry.name), "utf8");
        const methods = METHODS.filter((m) =>
          new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(source),
        );
        routes.push({ path: ["/api/v1", ...segments].join("/"), methods });
      }
    }
  };
  walk(apiRoot, []);
  return routes;
}

const document = buildOpenApiDocument(apiContracts, { version: "1.0.0" }) as {
  openapi: string;
  paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; responses: object }>>;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and survives a JSON round trip unchanged", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("lists every route and method in app/api/v1", () => {
    const routes = routesOnDisk();
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const route of routes) {
      expect(route.methods.length, `${route.path} exports no method`).toBeGreaterThan(0);
      for (const method of route.methods) {
        expect(document.paths[route.path]?.[method.toLowerCase()], `${method} ${route.path}`).toBeDefined();
      }
    }
  });

  it("documents no route that does not exist", () => {
    const onDisk = new Set(routesOnDisk().map((r) => r.path));
    for (const p of Object.keys(document.paths)) expect(onDisk.has(p), p).toBe(true);
  });

  it("describes every path template variable as a path parameter, and no other", () => {
    for (const [p, operations] of Object.entries(document.paths)) {
      const variables = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const op of Object.values(operations)) {
        const inPath = op.parameters
          .filter((x) => x.in === "path")
          .map((x) => x.name)
          .sort();
        expect(inPath, p).toEqual(variables);
      }
    }
  });

  it("resolves every $ref to a component schema", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(document.components.schemas[ref], ref).toBeDefined();
  });

  it("keeps the `series --json` keys in the series detail", () => {
    const detail = document.components.schemas.SeriesDetail as { properties: Record<string, unknown> };
    const contract = [
      "id",
      "project",
      "subject",
      "author",
      "version",
      "total",
      "received",
      "complete",
      "cover",
    ];
    const more = ["obsoletedBy", "basedOn", "revisions", "replies", "patches"];
    for (const key of [...contract, ...more]) expect(detail.properties, key).toHaveProperty(key);
  });
});
