import { z } from "zod";

interface ApiMeta {
  id?: string;
  description?: string;
}

/**
 * The API's own zod registry: component names (`id`) and descriptions for the OpenAPI
 * document. A local registry rather than zod's global one, so a module evaluated twice (hot
 * reload) cannot collide with itself, and nothing else in the app leaks into the document.
 */
export const apiDocs = z.registry<ApiMeta>();

function register<T extends z.ZodType>(schema: T, meta: ApiMeta): T {
  apiDocs.add(schema as z.ZodType, meta);
  return schema;
}

/** A schema that becomes `#/components/schemas/<id>` in the document. */
export function component<T extends z.ZodType>(id: string, description: string, schema: T): T {
  return register(schema, { id, description });
}

/** A copy of `schema` with a description, so a shared schema can be described differently in each place. */
export function described<T extends z.ZodType>(description: string, schema: T): T {
  return register(schema.clone(), { description });
}
