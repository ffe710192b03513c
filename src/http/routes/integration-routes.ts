import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { ACCOUNT_INTEGRATION_ROUTES, ADMIN_INTEGRATION_ROUTES } from '../../contracts/integrations-api.ts';
import type { RouteAccess } from '../../domain/roles.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../use-cases/integrations/api-keys.ts';
import {
  createWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  redeliverWebhook,
  updateWebhookSubscription,
  type WebhookOwner,
} from '../../use-cases/integrations/webhook-subscriptions.ts';
import { requireUser } from '../plugins/auth.ts';
import { specRoute } from './spec-route.ts';

/**
 * API keys and webhooks for integrators, registered from the shared route specs (the typed client's table).
 * Key management itself declares no scope: an API key can neither list, mint nor revoke keys (a leaked key cannot
 * make itself a successor), only a signed-in person can. Webhooks can be managed with `webhooks:manage`.
 */
export const integrationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const KEY_HOLDERS: RouteAccess = ['applicant', 'sub_account'];
  const APPLICANT: RouteAccess = ['applicant'];
  const ADMIN: RouteAccess = ['admin'];
  const account = ACCOUNT_INTEGRATION_ROUTES;
  const admin = ADMIN_INTEGRATION_ROUTES;
  const tags = ['integrations'];
  const own = (accountId: string): WebhookOwner => ({ accountId });
  const platform: WebhookOwner = { platform: true };

  // Applicant accounts (sub-accounts: read-only keys of their own, no webhooks).
  specRoute(app, account.listApiKeys, { access: KEY_HOLDERS }, tags, async ({ request }) => ({
    items: await listApiKeys(ctx, { ownerId: requireUser(request).id }),
  }));
  specRoute(app, account.createApiKey, { access: KEY_HOLDERS }, tags, async ({ request, body }) => {
    const user = requireUser(request);
    return createApiKey(ctx, user, { ...body, ownerId: user.id });
  });
  specRoute(app, account.revokeApiKey, { access: KEY_HOLDERS }, tags, async ({ request, params }) =>
    revokeApiKey(ctx, requireUser(request), params.id),
  );
  const hooks = { access: APPLICANT, scope: 'webhooks:manage' } as const;
  specRoute(app, account.listWebhooks, hooks, tags, async ({ request }) => ({
    items: await listWebhookSubscriptions(ctx, own(requireUser(request).accountId)),
  }));
  specRoute(app, account.createWebhook, hooks, tags, async ({ request, body }) => {
    const user = requireUser(request);
    return createWebhookSubscription(ctx, user, own(user.accountId), body);
  });
  specRoute(app, account.updateWebhook, hooks, tags, async ({ request, params, body }) => {
    const user = requireUser(request);
    return updateWebhookSubscription(ctx, user, own(user.accountId), params.id, body);
  });
  specRoute(app, account.listWebhookDeliveries, hooks, tags, async ({ request, params, query }) => ({
    items: await listWebhookDeliveries(ctx, own(requireUser(request).accountId), params.id, query.limit),
  }));
  specRoute(app, account.redeliverWebhook, hooks, tags, async ({ request, params }) => {
    const user = requireUser(request);
    return redeliverWebhook(ctx, user, own(user.accountId), params.id);
  });

  // Admins: staff tools' keys (read-only scopes) and platform-wide subscriptions. Sessions only, no key scope.
  specRoute(app, admin.listApiKeys, { access: ADMIN }, tags, async () => ({
    items: await listApiKeys(ctx, { staff: true }),
  }));
  specRoute(app, admin.createApiKey, { access: ADMIN }, tags, async ({ request, body }) =>
    createApiKey(ctx, requireUser(request), body),
  );
  specRoute(app, admin.revokeApiKey, { access: ADMIN }, tags, async ({ request, params }) =>
    revokeApiKey(ctx, requireUser(request), params.id),
  );
  specRoute(app, admin.listWebhooks, { access: ADMIN }, tags, async () => ({
    items: await listWebhookSubscriptions(ctx, platform),
  }));
  specRoute(app, admin.createWebhook, { access: ADMIN }, tags, async ({ request, body }) =>
    createWebhookSubscription(ctx, requireUser(request), platform, body),
  );
  specRoute(app, admin.updateWebhook, { access: ADMIN }, tags, async ({ request, params, body }) =>
    updateWebhookSubscription(ctx, requireUser(request), platform, params.id, body),
  );
  specRoute(app, admin.listWebhookDeliveries, { access: ADMIN }, tags, async ({ params, query }) => ({
    items: await listWebhookDeliveries(ctx, platform, params.id, query.limit),
  }));
  specRoute(app, admin.redeliverWebhook, { access: ADMIN }, tags, async ({ request, params }) =>
    redeliverWebhook(ctx, requireUser(request), platform, params.id),
  );
};
