import type { Kysely } from 'kysely';
import { type Config, realNameAdoptsFirstSubject } from '../../config.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import type { RealNameRegistry } from '../../domain/ports/real-name-registry.ts';
import type { ResourceInventory } from '../../domain/ports/resource-inventory.ts';
import type { Database } from '../db/schema.ts';
import { createHttpRealNameRegistry } from '../real-name/real-name-registry.http.ts';
import { createSeededRealNameRegistry } from '../real-name/seeded-real-name-registry.ts';
import { createHttpResourceInventory } from '../resources/resource-inventory.http.ts';
import { createSeededResourceInventory } from '../resources/seeded-resource-inventory.ts';

type ProviderConfig = Pick<
  Config,
  | 'NODE_ENV'
  | 'REAL_NAME_REGISTRY'
  | 'REAL_NAME_URL'
  | 'REAL_NAME_TOKEN'
  | 'REAL_NAME_TIMEOUT_MS'
  | 'RESOURCE_INVENTORY'
  | 'INVENTORY_URL'
  | 'INVENTORY_TOKEN'
  | 'INVENTORY_TIMEOUT_MS'
>;

/** The provider's account data the platform reads (item 3 and 4 of issue 9), picked from configuration. */
export function createProviderPortsFromConfig(
  config: ProviderConfig,
  db: Kysely<Database>,
  cipher: PiCipher,
): { realNames: RealNameRegistry; inventory: ResourceInventory } {
  const realNames =
    config.REAL_NAME_REGISTRY === 'http'
      ? createHttpRealNameRegistry({
          baseUrl: config.REAL_NAME_URL!,
          token: config.REAL_NAME_TOKEN!,
          timeoutMs: config.REAL_NAME_TIMEOUT_MS,
        })
      : createSeededRealNameRegistry(db, cipher, { adoptFirstSubject: realNameAdoptsFirstSubject(config) });
  const inventory =
    config.RESOURCE_INVENTORY === 'http'
      ? createHttpResourceInventory({
          baseUrl: config.INVENTORY_URL!,
          token: config.INVENTORY_TOKEN!,
          timeoutMs: config.INVENTORY_TIMEOUT_MS,
        })
      : createSeededResourceInventory(db);
  return { realNames, inventory };
}
