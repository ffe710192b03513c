import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DomainFilingStatusSchema,
  RegulatorOrderStatusSchema,
  RegulatorSubmissionSchema,
  SubjectNumberStatusSchema,
  SubmissionRefSchema,
} from '../../contracts/regulator-protocol.ts';
import type { RegulatorGateway } from '../../domain/ports/regulator-gateway.ts';
import { isSimulatorError, SIM_ERRORS } from '../core/errors.ts';

export type GatewayRoutesOptions = { gateway: RegulatorGateway; apiKey: string };

const ErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
const ERRORS = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema } as const;
const SECURITY = [{ bearer: [] }];

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time whatever the lengths: both sides are hashed to 32 bytes first. */
export function bearerMatches(header: string | undefined, apiKey: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  const given = digest(match?.[1] ?? '');
  return timingSafeEqual(given, digest(apiKey)) && Boolean(match);
}

/**
 * The machine API the platform calls (regulator-protocol.ts), mounted with `prefix: GATEWAY_PREFIX`. Every route
 * needs `Authorization: Bearer <apiKey>`; bodies and answers are checked against the protocol's zod schemas, so a
 * drift between simulator and protocol fails here rather than in the platform.
 */
export const gatewayRoutes: FastifyPluginAsync<GatewayRoutesOptions> = async (root, { gateway, apiKey }) => {
  if (apiKey.length === 0) throw new Error('gateway API key must not be empty');
  root.setValidatorCompiler(validatorCompiler);
  root.setSerializerCompiler(serializerCompiler);
  root.setErrorHandler((error, request, reply) => {
    if (isSimulatorError(error)) {
      return reply
        .status(SIM_ERRORS[error.code].status)
        .send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .status(400)
        .send({ code: 'INVALID_INPUT', message: SIM_ERRORS.INVALID_INPUT.message, details: error.validation });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'BAD_REQUEST', message: (error as Error).message });
    }
    request.log.error({ err: error }, 'gateway request failed');
    return reply.status(500).send({ code: 'INTERNAL', message: 'internal error' });
  });
  root.addHook('onRequest', async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, apiKey)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ code: 'UNAUTHORIZED', message: 'missing or wrong API key' });
    }
  });
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/submissions',
    {
      schema: {
        summary: 'Receive a filing order (idempotent on Idempotency-Key)',
        tags: ['gateway'],
        security: SECURITY,
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200) }),
        body: RegulatorSubmissionSchema,
        response: { 200: SubmissionRefSchema, ...ERRORS },
      },
    },
    async (req, reply) => {
      if (req.headers['idempotency-key'] !== req.body.idempotencyKey) {
        return reply.status(400).send({
          code: 'IDEMPOTENCY_KEY_MISMATCH',
          message: 'the Idempotency-Key header must equal body.idempotencyKey',
        });
      }
      return gateway.submit(req.body);
    },
  );

  app.get(
    '/submissions/:idempotencyKey',
    {
      schema: {
        summary: 'Find an earlier submission by its idempotency key',
        tags: ['gateway'],
        security: SECURITY,
        params: z.object({ idempotencyKey: z.string().min(1).max(200) }),
        response: { 200: SubmissionRefSchema, ...ERRORS },
      },
    },
    async (req, reply) => {
      const found = await gateway.findSubmission(req.params.idempotencyKey);
      if (!found) return reply.status(404).send({ code: 'NOT_FOUND', message: SIM_ERRORS.NOT_FOUND.message });
      return found;
    },
  );

  app.get(
    '/orders/:ref/status',
    {
      schema: {
        summary: 'Current status of a submitted order',
        tags: ['gateway'],
        security: SECURITY,
        params: z.object({ ref: z.string().min(1).max(100) }),
        response: { 200: RegulatorOrderStatusSchema, ...ERRORS },
      },
    },
    async (req) => gateway.getStatus(req.params.ref),
  );

  app.get(
    '/domains/:domain',
    {
      schema: {
        summary: 'Filing status of a domain',
        tags: ['gateway'],
        security: SECURITY,
        params: z.object({ domain: z.string().min(1).max(253) }),
        response: { 200: DomainFilingStatusSchema, ...ERRORS },
      },
    },
    async (req) => gateway.lookupDomain(req.params.domain),
  );

  app.get(
    '/subjects/:number',
    {
      schema: {
        summary: 'Whether a subject filing number exists',
        tags: ['gateway'],
        security: SECURITY,
        params: z.object({ number: z.string().min(1).max(100) }),
        response: { 200: SubjectNumberStatusSchema, ...ERRORS },
      },
    },
    async (req) => gateway.lookupSubjectNumber(req.params.number),
  );
};
