import { z } from 'zod';

/**
 * The provider's resource inventory API as the platform calls it (docs/integrations/resource-inventory.md), with
 * `Authorization: Bearer {INVENTORY_TOKEN}`. Shared by the HTTP adapter and the stand-in server the tests run.
 */
export const INVENTORY_BATCH_MAX = 100;

export const inventoryPaths = {
  account: (accountId: string) => `/accounts/${encodeURIComponent(accountId)}/resources`,
  resource: (id: string) => `/resources/${encodeURIComponent(id)}`,
  batch: (ids: readonly string[]) => `/resources?ids=${ids.map(encodeURIComponent).join(',')}`,
};

export const InventoryResourceSchema = z.object({
  id: z.string().min(1).max(64),
  accountId: z.string().min(1),
  kind: z.enum(['server', 'site_builder']),
  name: z.string().max(200),
  region: z.string().max(50),
  publicIps: z.array(z.union([z.ipv4(), z.ipv6()])).max(50),
  billingType: z.enum(['prepaid', 'pay_as_you_go']),
  expiresAt: z.iso.datetime({ offset: true }),
  status: z.enum(['running', 'released']),
});
export type InventoryResource = z.infer<typeof InventoryResourceSchema>;

export const InventoryListSchema = z.object({ items: z.array(InventoryResourceSchema) });
