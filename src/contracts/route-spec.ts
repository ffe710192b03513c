import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation of the public API as data: method, path (Fastify syntax, `:id`), the zod schemas of its inputs and
 * of its success answer. The server registers routes from these where a route tree was written from a table
 * (integrations); the typed client (src/client) calls every operation listed from the same objects.
 */
export type RouteSpec = {
  method: HttpMethod;
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  status: number;
  /** null: no body (204). */
  response: z.ZodType | null;
};

export const routeSpec = <const S extends RouteSpec>(spec: S): S => spec;
