import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteSpec } from '../../contracts/route-spec.ts';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export type SpecInput<S extends RouteSpec> = {
  params: Out<S['params']>;
  body: Out<S['body']>;
  query: Out<S['query']>;
  request: FastifyRequest;
  reply: FastifyReply;
};

/**
 * Registers a route from its shared spec (src/contracts/route-spec.ts): the same method, path and schemas the typed
 * client calls with, so the two cannot drift. The answer is the spec's response (status and schema).
 */
export function specRoute<S extends RouteSpec>(
  app: FastifyInstance,
  spec: S,
  config: FastifyContextConfig & Required<Pick<FastifyContextConfig, 'access'>>,
  tags: string[],
  handler: (input: SpecInput<S>) => Promise<S['response'] extends z.ZodType ? z.input<S['response']> : null>,
): void {
  app.route({
    method: spec.method,
    url: spec.path,
    config,
    schema: {
      tags,
      summary: spec.summary,
      ...(spec.params && { params: spec.params }),
      ...(spec.query && { querystring: spec.query }),
      ...(spec.body && { body: spec.body }),
      response: { [spec.status]: spec.response ?? ({} as never) },
    },
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params as Out<S['params']>,
        body: request.body as Out<S['body']>,
        query: request.query as Out<S['query']>,
        request,
        reply,
      });
      return reply.code(spec.status).send(result);
    },
  });
}
