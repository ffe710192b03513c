import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { GATEWAY_PREFIX } from '../../contracts/regulator-protocol.ts';
import { type Clock, systemClock } from '../../domain/ports/clock.ts';
import type { RegulatorGateway } from '../../domain/ports/regulator-gateway.ts';
import { zodSchemaController } from '../../http/zod-schema-controller.ts';
import { SIM_ERRORS } from '../core/errors.ts';
import { simulatorRoutes } from '../http/routes.ts';
import { TickResponseSchema } from '../http/schemas.ts';
import {
  createInProcessRegulator,
  type InProcessRegulator,
  type SimulatorApi,
  type SimulatorOptions,
} from '../in-process-gateway.ts';
import { CALLBACK_STATUSES, type SimDb } from '../store/schema.ts';
import { type CallbackDispatcher, createCallbackDispatcher } from './callbacks.ts';
import { gatewayRoutes } from './gateway-routes.ts';
import { advanceAndTick, MAX_ADVANCE_HOURS, simulatorPages } from './pages.ts';
import type { SimClock } from './sim-clock.ts';

export type SimulatorAppOptions = {
  /** The simulator's own store, already migrated with `createSimulatorStore`. */
  db: Kysely<any>;
  /** The simulator's clock (createSimClock); never the platform's. */
  clock: SimClock;
  /** Bearer key the platform must present on /api/gateway/*. */
  apiKey: string;
  /** Where signed callbacks go (none without a url) and their HMAC secret. */
  callback: { url?: string; secret: string };
  /** Core options (SMS secret, review policy…); `onBackgroundError` defaults to the app's logger. */
  options?: SimulatorOptions;
  /** Fastify logger option; default off. */
  logger?: FastifyServerOptions['logger'];
  /** Background tick() period in ms; 0 = none. Default 5000. Started on ready, stopped on close. */
  tickIntervalMs?: number;
  /** Callback dispatch period in ms; 0 = none (call `simulator.callbacks.dispatchCallbacks()`). Default 1000. */
  dispatchIntervalMs?: number;
  /** Real time for callback signatures and retry backoff. Default the system clock. */
  wallClock?: Clock;
  /** Callback HTTP client (tests). Default global fetch. */
  fetch?: typeof fetch;
};

/** What the app runs on, for the starter and tests. */
export type SimulatorServiceHandles = {
  sim: SimulatorApi;
  gateway: RegulatorGateway;
  onStatusChange: InProcessRegulator['onStatusChange'];
  callbacks: CallbackDispatcher;
  clock: SimClock;
};

export type SimulatorApp = FastifyInstance & { readonly simulator: SimulatorServiceHandles };

const ClockResponseSchema = z.object({ now: z.string(), wallNow: z.string(), offsetMs: z.number().int() });
const AdvanceBodySchema = z.object({
  seconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_ADVANCE_HOURS * 3600),
});
const CallbackSchema = z.object({
  id: z.number().int(),
  eventId: z.string(),
  orderRef: z.string(),
  orderId: z.string(),
  state: z.string(),
  occurredAt: z.string(),
  url: z.string(),
  status: z.enum(CALLBACK_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
const ErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

/**
 * The regulator simulator as its own HTTP service: the machine API for the platform (/api/gateway/*), the
 * simulator's control API (/api/sms/…, /api/orders/…, /api/clock, /api/callbacks), its OpenAPI document
 * (/api/openapi.json, UI at /api/docs) and its pages (/, /sms, /outbox, /console, /clock).
 */
export async function buildSimulatorApp(opts: SimulatorAppOptions): Promise<SimulatorApp> {
  const app = Fastify({ logger: opts.logger ?? false, schemaController: zodSchemaController });
  const reportError = (error: unknown) => {
    if (opts.options?.onBackgroundError) opts.options.onBackgroundError(error);
    else app.log.error({ err: error }, 'simulator background error');
  };
  const regulator = createInProcessRegulator({
    db: opts.db,
    clock: opts.clock,
    options: { ...opts.options, onBackgroundError: reportError },
  });
  const callbacks = createCallbackDispatcher({
    db: opts.db as SimDb,
    simClock: opts.clock,
    wallClock: opts.wallClock ?? systemClock,
    url: opts.callback.url,
    secret: opts.callback.secret,
    fetch: opts.fetch,
    onError: reportError,
  });
  regulator.onStatusChange((ref) => {
    callbacks.enqueue(ref).catch(reportError);
  });
  const handles: SimulatorServiceHandles = {
    sim: regulator.sim,
    gateway: regulator.gateway,
    onStatusChange: regulator.onStatusChange,
    callbacks,
    clock: opts.clock,
  };
  app.decorate('simulator', handles);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'beian — regulator simulator API',
        description:
          'Simulated MIIT + provincial administrations. /api/gateway/* is the access-provider interface (Bearer key); ' +
          'the rest controls the simulator. Errors use one body: {code, message, details}.',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  await app.register(gatewayRoutes, { prefix: GATEWAY_PREFIX, gateway: regulator.gateway, apiKey: opts.apiKey });
  await app.register(simulatorRoutes, { sim: regulator.sim });
  await app.register(serviceControlRoutes, { handles });
  await app.register(simulatorPages, { sim: regulator.sim, db: opts.db as SimDb, clock: opts.clock });

  const stops: Array<() => unknown> = [];
  app.addHook('onReady', async () => {
    if (opts.tickIntervalMs !== 0) stops.push(regulator.sim.startTicking(opts.tickIntervalMs ?? 5000));
    if (opts.dispatchIntervalMs !== 0) stops.push(callbacks.start(opts.dispatchIntervalMs ?? 1000));
  });
  app.addHook('onClose', async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });
  return app as unknown as SimulatorApp;
}

/** The service's own controls: the clock and the callback outbox (test hooks included). */
const serviceControlRoutes: FastifyPluginAsync<{ handles: SimulatorServiceHandles }> = async (root, { handles }) => {
  root.setErrorHandler((error, _request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .status(400)
        .send({ code: 'INVALID_INPUT', message: SIM_ERRORS.INVALID_INPUT.message, details: error.validation });
    }
    throw error;
  });
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { clock, sim, callbacks } = handles;
  const clockView = () => ({
    now: clock.now().toISOString(),
    wallNow: clock.baseNow().toISOString(),
    offsetMs: clock.offsetMs(),
  });

  app.get(
    '/api/clock',
    { schema: { summary: 'Simulated time', tags: ['clock'], response: { 200: ClockResponseSchema } } },
    async () => clockView(),
  );

  app.post(
    '/api/clock/advance',
    {
      schema: {
        summary: 'Advance simulated time, then tick (the platform clock is not touched)',
        tags: ['clock'],
        body: AdvanceBodySchema,
        response: { 200: ClockResponseSchema.extend({ tick: TickResponseSchema }), 400: ErrorSchema },
      },
    },
    async (req) => {
      const tick = await advanceAndTick(clock, sim, req.body.seconds * 1000);
      return { ...clockView(), tick };
    },
  );

  app.get(
    '/api/callbacks',
    {
      schema: {
        summary: 'Callback outbox, newest first',
        tags: ['callbacks'],
        querystring: z.object({
          orderRef: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: { 200: z.object({ callbacks: z.array(CallbackSchema), dropsPending: z.number().int() }) },
      },
    },
    async (req) => ({ callbacks: await callbacks.list(req.query), dropsPending: callbacks.dropsPending() }),
  );

  app.post(
    '/api/callbacks/drop',
    {
      schema: {
        summary: 'Test hook: lose the next N callbacks (never sent), to exercise polling',
        tags: ['callbacks'],
        body: z.object({ count: z.number().int().min(0).max(1000) }),
        response: { 200: z.object({ dropsPending: z.number().int() }), 400: ErrorSchema },
      },
    },
    async (req) => {
      callbacks.dropNext(req.body.count);
      return { dropsPending: callbacks.dropsPending() };
    },
  );

  app.post(
    '/api/callbacks/dispatch',
    {
      schema: {
        summary: 'Send the due callbacks now (one pass)',
        tags: ['callbacks'],
        response: { 200: z.object({ delivered: z.number().int(), failed: z.number().int() }) },
      },
    },
    async () => callbacks.dispatchCallbacks(),
  );
};
