import type { FastifyPluginAsync } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { isSimulatorError, SIM_ERRORS } from '../core/errors.ts';
import type { SimulatorApi } from '../in-process-gateway.ts';
import {
  DecisionBodySchema,
  DecisionResponseSchema,
  DomainBodySchema,
  DomainEntrySchema,
  ERROR_RESPONSES,
  FiledRecordBodySchema,
  FiledRecordResponseSchema,
  OrderDetailSchema,
  OrdersQuerySchema,
  OrdersResponseSchema,
  OutboxQuerySchema,
  OutboxResponseSchema,
  PoliciesResponseSchema,
  PolicyBodySchema,
  PolicyParamsSchema,
  PolicySchema,
  RecordsQuerySchema,
  RecordsResponseSchema,
  RefParamsSchema,
  ResendBodySchema,
  ResendResponseSchema,
  TickResponseSchema,
  VerifyBodySchema,
  VerifyResponseSchema,
} from './schemas.ts';

export type SimulatorRoutesOptions = { sim: SimulatorApi };

/**
 * The simulator's own web API: MIIT's SMS page, the 管局 reviewer's desk and the registry/record controls.
 * Register with a prefix, e.g. `app.register(simulatorRoutes, { prefix: '/sim', sim })`. The plugin is
 * encapsulated and sets its own zod compilers and error handler, so it works whatever the host app uses.
 */
export const simulatorRoutes: FastifyPluginAsync<SimulatorRoutesOptions> = async (root, { sim }) => {
  root.setValidatorCompiler(validatorCompiler);
  root.setSerializerCompiler(serializerCompiler);
  root.setErrorHandler((error, _request, reply) => {
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
    // Anything else is a bug or an infrastructure failure: the host's error handler owns it.
    throw error;
  });
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/sms/outbox',
    { schema: { querystring: OutboxQuerySchema, response: { 200: OutboxResponseSchema, ...ERROR_RESPONSES } } },
    async (req) => ({ messages: await sim.readOutbox(req.query) }),
  );

  app.post(
    '/api/sms/verify',
    { schema: { body: VerifyBodySchema, response: { 200: VerifyResponseSchema, ...ERROR_RESPONSES } } },
    async (req) => sim.verifySms(req.body),
  );

  app.post(
    '/api/sms/resend',
    { schema: { body: ResendBodySchema, response: { 200: ResendResponseSchema, ...ERROR_RESPONSES } } },
    async (req) => sim.resendSms(req.body),
  );

  app.get(
    '/api/orders',
    { schema: { querystring: OrdersQuerySchema, response: { 200: OrdersResponseSchema, ...ERROR_RESPONSES } } },
    async (req) => ({ orders: await sim.listOrders(req.query) }),
  );

  app.get(
    '/api/orders/:ref',
    { schema: { params: RefParamsSchema, response: { 200: OrderDetailSchema, ...ERROR_RESPONSES } } },
    async (req) => sim.getOrder(req.params.ref),
  );

  app.post(
    '/api/orders/:ref/decision',
    {
      schema: {
        params: RefParamsSchema,
        body: DecisionBodySchema,
        response: { 200: DecisionResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => ({ ref: req.params.ref, status: await sim.decideOrder(req.params.ref, req.body) }),
  );

  app.get('/api/policies', { schema: { response: { 200: PoliciesResponseSchema, ...ERROR_RESPONSES } } }, async () => ({
    policies: await sim.listPolicies(),
  }));

  app.put(
    '/api/policies/:province',
    {
      schema: {
        params: PolicyParamsSchema,
        body: PolicyBodySchema,
        response: { 200: PolicySchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => sim.setPolicy(req.params.province, req.body),
  );

  app.post(
    '/api/domains',
    { schema: { body: DomainBodySchema, response: { 200: DomainEntrySchema, ...ERROR_RESPONSES } } },
    async (req) => sim.registerDomain(req.body),
  );

  app.get(
    '/api/records',
    { schema: { querystring: RecordsQuerySchema, response: { 200: RecordsResponseSchema, ...ERROR_RESPONSES } } },
    async (req) => sim.findRecords(req.query),
  );

  app.post(
    '/api/records',
    { schema: { body: FiledRecordBodySchema, response: { 200: FiledRecordResponseSchema, ...ERROR_RESPONSES } } },
    async (req) => sim.createFiledRecord(req.body),
  );

  app.post('/api/tick', { schema: { response: { 200: TickResponseSchema, ...ERROR_RESPONSES } } }, async () =>
    sim.tick(),
  );
};
