import { ACCOUNT_INTEGRATION_ROUTES, ADMIN_INTEGRATION_ROUTES } from '../../../../../src/contracts/integrations-api.ts';

/** Applicant accounts manage their own keys and webhooks; admins the staff tools' keys and platform webhooks. */
export type Audience = 'account' | 'admin';

export const routesOf = (audience: Audience) =>
  audience === 'admin' ? ADMIN_INTEGRATION_ROUTES : ACCOUNT_INTEGRATION_ROUTES;

/** The web client's paths are relative to /api/v1; `:id` filled in. */
export const pathOf = (spec: { path: string }, id?: string): string =>
  spec.path.replace(/^\/api\/v1/, '').replace(':id', encodeURIComponent(id ?? ''));

export const integrationKeys = {
  apiKeys: (audience: Audience) => ['integrations', audience, 'api-keys'] as const,
  webhooks: (audience: Audience) => ['integrations', audience, 'webhooks'] as const,
  deliveries: (audience: Audience, id: string) => ['integrations', audience, 'webhooks', id, 'deliveries'] as const,
};
