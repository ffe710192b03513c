import type { FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

// Fastify types these factories for ajv and fast-json-stringify; it calls the compilers they return exactly like
// ones given to setValidatorCompiler / setSerializerCompiler.
const compilersFactory = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => serializerCompiler,
} as unknown as CompilersFactory;

/**
 * Fastify's `schemaController` option for apps whose schemas are all zod (fastify-type-provider-zod): the zod
 * compilers as the root's compiler factories. Set on the instance afterwards (setValidatorCompiler) they would
 * only replace Fastify's defaults, which it builds first: that loads ajv and fast-json-stringify, about 100
 * CommonJS files and 100 ms of every process start, for compilers nothing uses.
 */
export const zodSchemaController = { compilersFactory };
