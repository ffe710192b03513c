import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.ts';
import { apiDocsEnabled } from '../config.ts';
import type { RouteAccess } from '../domain/roles.ts';
import { installErrorHandler } from './error-handler.ts';
import { registerAuth, sessionCookieName } from './plugins/auth.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { hasWebBuild, registerWebApp } from './plugins/web-app.ts';
import { adminAuditRoutes } from './routes/admin-audit-routes.ts';
import { adminDevOutboxRoutes } from './routes/admin-dev-outbox-routes.ts';
import { adminInsightsRoutes } from './routes/admin-insights-routes.ts';
import { adminResourceRoutes } from './routes/admin-resource-routes.ts';
import { adminUserRoutes } from './routes/admin-user-routes.ts';
import { applicantCodeRoutes } from './routes/applicant-code-routes.ts';
import { applicantMaterialRoutes } from './routes/applicant-material-routes.ts';
import { applicantNotificationRoutes } from './routes/applicant-notification-routes.ts';
import { applicantOrderRoutes } from './routes/applicant-order-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { calendarRoutes } from './routes/calendar-routes.ts';
import { externalSignInRoutes } from './routes/external-sign-in-routes.ts';
import { forwardingRoutes } from './routes/forwarding-routes.ts';
import { integrationRoutes } from './routes/integration-routes.ts';
import { operationsRoutes } from './routes/operations-routes.ts';
import { orderTimelineRoutes, publicConfigRoutes } from './routes/order-progress-routes.ts';
import { publicLookupRoutes } from './routes/public-lookup-routes.ts';
import { regulatorCallbackRoutes } from './routes/regulator-callback-routes.ts';
import { reviewerRoutes } from './routes/reviewer-routes.ts';
import { applicantVerifyLinkRoutes, mobileVerifyRoutes } from './routes/verify-link-routes.ts';
import { zodSchemaController } from './zod-schema-controller.ts';

export type RouteSummary = { method: string; url: string; access: RouteAccess | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteSummary[];
  }
}

export type BuildAppOptions = {
  ctx: AppContext;
  /** Extra route trees mounted by compose.ts (e.g. the in-process regulator simulator under /sim). */
  extraPlugins?: Array<{ plugin: FastifyPluginAsync<any>; prefix: string; options?: Record<string, unknown> }>;
  logger?: boolean | Record<string, unknown>;
  /** The built browser app (dist/web), served at `/` when it exists. */
  webRoot?: string;
};

/** Personal data never reaches the logs: request bodies are not logged and these headers are redacted. */
export const LOG_REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

/** Builds the platform's HTTP app. It never listens; server start-up and tests call this. */
export async function buildApp({
  ctx,
  extraPlugins = [],
  logger = false,
  webRoot,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false ? false : { redact: LOG_REDACT, ...(logger === true ? {} : logger) },
    bodyLimit: 1024 * 1024,
    // Slow-loris protection: a request must arrive completely within this time (uploads included).
    requestTimeout: 120_000,
    // Only the configured balancers' X-Forwarded-For counts; without TRUST_PROXY the socket's address is the client.
    trustProxy: ctx.config.TRUST_PROXY ? ctx.config.TRUST_PROXY.split(',').map((a) => a.trim()) : false,
    genReqId: () => crypto.randomUUID(),
    schemaController: zodSchemaController,
  }).withTypeProvider<ZodTypeProvider>();
  // Collected so a test can walk every route × role (a new route without an access rule fails that test).
  const routeTable: RouteSummary[] = [];
  app.addHook('onRoute', (route) => {
    // The OpenAPI document names the API-key scope of every route a key may call (runs before swagger's hook).
    const scope = route.config?.scope;
    // (HEAD routes share GET's schema object: once is enough.)
    if (scope && route.schema && !(route.schema as { description?: string }).description?.includes('API key scope')) {
      const schema = route.schema as { description?: string; security?: unknown };
      schema.description = `${schema.description ? `${schema.description} ` : ''}API key scope: \`${scope}\`.`;
      schema.security = [{ session: [] }, { apiKey: [] }];
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Read lazily: plugins may still set the access rule in their own onRoute hooks.
      if (method !== 'HEAD') {
        routeTable.push({
          method,
          url: route.url,
          get access() {
            return route.config?.access;
          },
        });
      }
    }
  });
  app.decorate('routeTable', routeTable);
  installErrorHandler(app);
  // Answers of the API carry personal data or session state (order views, pre-checks, records, inbox, dev
  // outboxes, the signed-in user): no browser or proxy may keep them (issue 6 item 11). Errors included. A route
  // whose answer is public and cacheable (public lookup) sets its own Cache-Control, which is kept.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control'))
      reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        // Swagger UI and antd inject inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: for the previews of images chosen for upload, before they leave the browser.
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: ctx.config.COOKIE_SECURE ? [] : null,
      },
    },
    hsts: ctx.config.NODE_ENV === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'beian — ICP filing platform API',
        description:
          'REST API of the ICP filing platform (ICP备案系统). Errors use one body: {code, message, details}.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(ctx.config) },
          // Integrators: `Authorization: Bearer bk_live_…`; each route's scope is in its description.
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The interactive page is a setting (off in production by default); the document itself stays public.
  if (apiDocsEnabled(ctx.config)) await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ status: 'ok' }));

  await registerAuth(app, ctx);
  // Route trees by audience; each route declares who may call it (config.access), enforced in registerAuth.
  await app.register(authRoutes, { prefix: '/api/v1/auth', ctx });
  await app.register(externalSignInRoutes, { prefix: '/api/v1/auth', ctx });
  await app.register(adminUserRoutes, { prefix: '/api/v1/admin', ctx });
  await app.register(applicantOrderRoutes, { prefix: '/api/v1/applicant', ctx });
  await app.register(applicantMaterialRoutes, { prefix: '/api/v1/applicant', ctx });
  await app.register(applicantCodeRoutes, { prefix: '/api/v1/applicant', ctx });
  await app.register(applicantVerifyLinkRoutes, { prefix: '/api/v1/applicant', ctx });
  await app.register(mobileVerifyRoutes, { prefix: '/api/v1/mobile-verify', ctx });
  await app.register(reviewerRoutes, { prefix: '/api/v1/reviewer', ctx });
  await app.register(forwardingRoutes, { prefix: '/api/v1', ctx });
  await app.register(operationsRoutes, { prefix: '/api/v1', ctx });
  await app.register(calendarRoutes, { prefix: '/api/v1', ctx });
  await app.register(adminResourceRoutes, { prefix: '/api/v1/admin', ctx });
  await app.register(applicantNotificationRoutes, { prefix: '/api/v1/applicant', ctx });
  await app.register(adminDevOutboxRoutes, { prefix: '/api/v1/admin', ctx });
  await app.register(adminAuditRoutes, { prefix: '/api/v1/admin', ctx });
  await app.register(adminInsightsRoutes, { prefix: '/api/v1/admin', ctx });
  await app.register(publicLookupRoutes, {
    prefix: '/api/v1/public',
    ctx,
    rateLimit: { max: ctx.config.PUBLIC_LOOKUP_RATE_LIMIT, timeWindow: '1 minute' },
    cacheSeconds: ctx.config.PUBLIC_LOOKUP_CACHE_SECONDS,
  });
  await app.register(orderTimelineRoutes, { prefix: '/api/v1/applicant', ctx });
  await app.register(publicConfigRoutes, { prefix: '/api/v1/public', ctx });
  await app.register(integrationRoutes, { ctx });
  await app.register(regulatorCallbackRoutes, { prefix: '/api/v1/regulator', ctx });
  for (const extra of extraPlugins) await app.register(extra.plugin, { prefix: extra.prefix, ...extra.options });
  if (webRoot && hasWebBuild(webRoot)) await registerWebApp(app, webRoot);
  return app;
}
