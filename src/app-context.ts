import type { Kysely } from 'kysely';
import type { Database } from './adapters/db/schema.ts';
import type { Config } from './config.ts';
import type { LifecycleConfig } from './domain/lifecycle/types.ts';
import type { EmailSender, SmsSender } from './domain/notifications/ports.ts';
import type { Clock } from './domain/ports/clock.ts';
import type { ExternalSignInProviders } from './domain/ports/external-sign-in.ts';
import type { ObjectStore } from './domain/ports/object-store.ts';
import type { PiCipher } from './domain/ports/pi-cipher.ts';
import type { RealNameRegistry } from './domain/ports/real-name-registry.ts';
import type { RegulatorGateway } from './domain/ports/regulator-gateway.ts';
import type { ResourceInventory } from './domain/ports/resource-inventory.ts';
import type { WebhookSender } from './domain/ports/webhook-sender.ts';

/**
 * Everything the use cases and routes need, wired once in compose.ts (the only place that picks
 * implementations). Tests build the same object with in-memory PGlite, a manual clock and fakes.
 */
export type AppContext = {
  config: Readonly<Config>;
  db: Kysely<Database>;
  clock: Clock;
  cipher: PiCipher;
  storage: ObjectStore;
  regulator: RegulatorGateway;
  /** The provider's real-name verification of accounts (REAL_NAME_REGISTRY). */
  realNames: RealNameRegistry;
  /** The provider's servers, public IPs and their state (RESOURCE_INVENTORY). */
  inventory: ResourceInventory;
  lifecycle: LifecycleConfig;
  /** Applicant notifications (SMS_PROVIDER / EMAIL_TRANSPORT). */
  sms: SmsSender;
  email: EmailSender;
  /** Integrators' webhook receivers (deliveries leave through the outbox). */
  webhooks: WebhookSender;
  /** Sign-in with the provider's accounts (OIDC) and WeChat; absent or null where not configured. */
  externalSignIn?: ExternalSignInProviders;
};
