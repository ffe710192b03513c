import { z } from 'zod';
import {
  API_KEY_SCOPES,
  APPLICANT_SCOPES,
  type ApiKeyScope,
  STAFF_SCOPES,
  scopesForRole,
} from '../domain/integrations/api-key-scopes.ts';
import type { Role } from '../domain/roles.ts';
import { routeSpec } from './route-spec.ts';
import { safeString } from './safe-string.ts';

export { API_KEY_SCOPES, APPLICANT_SCOPES, type ApiKeyScope, type Role, STAFF_SCOPES, scopesForRole };

/** What a webhook subscription may listen to: what the order lifecycle (executeTransition) knows happened. */
export const WEBHOOK_EVENT_TYPES = ['order.state_changed', 'order.rejected', 'record.number_issued'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const Iso = z.iso.datetime();
const Id = z.object({ id: z.uuid() }).strict();

export const ApiKeyViewSchema = z
  .object({
    id: z.uuid(),
    ownerId: z.uuid(),
    name: z.string(),
    /** The key's public part (`bk_live_<prefix>_…`), to tell keys apart. */
    prefix: z.string(),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    status: z.enum(['active', 'revoked', 'expired']),
    createdAt: Iso,
    lastUsedAt: Iso.nullable(),
    revokedAt: Iso.nullable(),
    expiresAt: Iso.nullable(),
  })
  .strict();
export type ApiKeyView = z.infer<typeof ApiKeyViewSchema>;

/** The answer to a creation: the only time the secret is ever shown. */
export const CreatedApiKeySchema = ApiKeyViewSchema.extend({ secret: z.string() }).strict();

export const CreateApiKeyRequestSchema = z
  .object({
    name: safeString().trim().min(1).max(60),
    scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).max(API_KEY_SCOPES.length),
    expiresAt: Iso.optional(),
  })
  .strict();
export const CreateStaffApiKeyRequestSchema = CreateApiKeyRequestSchema.extend({
  /** The staff member the key acts as (an admin may make one for themself). */
  ownerId: z.uuid(),
  scopes: z.array(z.enum(STAFF_SCOPES)).min(1).max(STAFF_SCOPES.length),
}).strict();

export const WebhookSubscriptionViewSchema = z
  .object({
    id: z.uuid(),
    /** `account`: the orders of one applicant account; `platform`: every order (admins' staff tools). */
    audience: z.enum(['account', 'platform']),
    url: z.string(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    description: z.string(),
    active: z.boolean(),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .strict();
export type WebhookSubscriptionView = z.infer<typeof WebhookSubscriptionViewSchema>;
export const CreatedWebhookSubscriptionSchema = WebhookSubscriptionViewSchema.extend({ secret: z.string() }).strict();

export const CreateWebhookRequestSchema = z
  .object({
    url: safeString().trim().min(1).max(2000),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
    description: safeString().trim().max(200).optional(),
  })
  .strict();
export const UpdateWebhookRequestSchema = z
  .object({
    active: z.boolean().optional(),
    eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  })
  .strict();

export const WebhookAttemptSchema = z
  .object({
    attempt: z.number().int(),
    at: Iso,
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    responseSnippet: z.string().nullable(),
  })
  .strict();

export const WebhookDeliveryViewSchema = z
  .object({
    /** X-Beian-Delivery: new for every delivery, a redelivery included. */
    id: z.uuid(),
    subscriptionId: z.uuid(),
    /** The event's id in the payload: the same for a redelivery of the same event. */
    eventId: z.uuid(),
    eventType: z.enum(WEBHOOK_EVENT_TYPES),
    orderId: z.uuid().nullable(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    redeliveryOf: z.uuid().nullable(),
    createdAt: Iso,
    finishedAt: Iso.nullable(),
    attemptLog: z.array(WebhookAttemptSchema),
  })
  .strict();
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryViewSchema>;

/**
 * The body of every delivery. It names what happened to which order and never carries personal data (no names,
 * ID or phone numbers): a receiver that needs more asks the API with its key.
 */
export const WebhookEventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    occurredAt: Iso,
    data: z
      .object({
        orderId: z.uuid(),
        accountId: z.uuid(),
        filingType: z.string(),
        event: z.string(),
        from: z.string(),
        to: z.string(),
        state: z.string(),
        version: z.number().int(),
        rejection: z
          .object({ stage: z.string(), reasons: z.array(z.object({ field: z.string(), code: z.string() })) })
          .optional(),
        numbers: z
          .object({
            subjectNumber: z.string(),
            websites: z.array(z.object({ domain: z.string(), websiteNumber: z.string() })),
          })
          .optional(),
      })
      .strict(),
  })
  .strict();
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) }).strict();

const integrationRoutes = <const Base extends string, B extends z.ZodType>(
  base: Base,
  createKeyBody: B,
  keysSummary: string,
) => ({
  listApiKeys: routeSpec({
    method: 'GET',
    path: `${base}/api-keys`,
    summary: keysSummary,
    status: 200,
    response: items(ApiKeyViewSchema),
  }),
  createApiKey: routeSpec({
    method: 'POST',
    path: `${base}/api-keys`,
    summary: 'Create an API key; the answer shows its secret, once',
    body: createKeyBody,
    status: 201,
    response: CreatedApiKeySchema,
  }),
  revokeApiKey: routeSpec({
    method: 'POST',
    path: `${base}/api-keys/:id/revoke`,
    summary: 'Revoke an API key (at once; idempotent)',
    params: Id,
    status: 200,
    response: ApiKeyViewSchema,
  }),
  listWebhooks: routeSpec({
    method: 'GET',
    path: `${base}/webhooks`,
    summary: 'Webhook subscriptions',
    status: 200,
    response: items(WebhookSubscriptionViewSchema),
  }),
  createWebhook: routeSpec({
    method: 'POST',
    path: `${base}/webhooks`,
    summary: 'Subscribe a URL to events; the answer shows the signing secret, once',
    body: CreateWebhookRequestSchema,
    status: 201,
    response: CreatedWebhookSubscriptionSchema,
  }),
  updateWebhook: routeSpec({
    method: 'PATCH',
    path: `${base}/webhooks/:id`,
    summary: 'Pause, resume or change the events of a subscription',
    params: Id,
    body: UpdateWebhookRequestSchema,
    status: 200,
    response: WebhookSubscriptionViewSchema,
  }),
  listWebhookDeliveries: routeSpec({
    method: 'GET',
    path: `${base}/webhooks/:id/deliveries`,
    summary: 'The latest deliveries of a subscription, each with its attempts',
    params: Id,
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }).strict(),
    status: 200,
    response: items(WebhookDeliveryViewSchema),
  }),
  redeliverWebhook: routeSpec({
    method: 'POST',
    path: `${base}/webhook-deliveries/:id/redeliver`,
    summary: 'Send a delivery’s event again, as a new delivery (new delivery id, same event id)',
    params: Id,
    status: 201,
    response: WebhookDeliveryViewSchema,
  }),
});

/** Applicant accounts' integrations (/api/v1/account). */
export const ACCOUNT_INTEGRATION_ROUTES = integrationRoutes(
  '/api/v1/account',
  CreateApiKeyRequestSchema,
  'The API keys of the signed-in user',
);
/** Admins' staff-tool keys and platform-wide subscriptions (/api/v1/admin). */
export const ADMIN_INTEGRATION_ROUTES = integrationRoutes(
  '/api/v1/admin',
  CreateStaffApiKeyRequestSchema,
  'Staff tools’ API keys (every staff member’s)',
);
