/** The typed beian API client and what integrators need with it (the webhook signature check included). */

export { WEBHOOK_EVENT_TYPES, type WebhookEvent, WebhookEventSchema } from '../contracts/integrations-api.ts';
export { signWebhook, verifyWebhookSignature, WEBHOOK_HEADERS } from '../contracts/webhook-signature.ts';
export { BeianApiError, BeianClient, type BeianClientOptions, createBeianClient } from './beian-client.ts';
export { OPERATIONS, type OperationName } from './operations.ts';
