import { type Kysely, sql } from 'kysely';
import { addMonthsUtc } from '../../domain/authorization-code.ts';
import type { BillingType, Resource, ResourceInventory, ResourceKind } from '../../domain/ports/resource-inventory.ts';
import type { Database, ResourceRow } from '../db/schema.ts';

/**
 * The provider's inventory stand-in: resources live in the platform's own `resources` table, filled by the admin
 * API and the demo seed. A real deployment would replace this adapter with one that asks the billing system.
 */

const toResource = (row: ResourceRow): Resource => ({
  id: row.id,
  accountId: row.account_id,
  kind: row.kind,
  name: row.name,
  region: row.region,
  // jsonb comes back parsed; tolerate a driver that hands over the raw text.
  publicIps: typeof row.public_ips === 'string' ? (JSON.parse(row.public_ips) as string[]) : row.public_ips,
  billingType: row.billing_type,
  expiresAt: new Date(row.expires_at),
  status: row.status,
});

export function createSeededResourceInventory(db: Kysely<Database>): ResourceInventory {
  return {
    async listForAccount(accountId) {
      const rows = await db
        .selectFrom('resources')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toResource);
    },
    async get(resourceId) {
      const row = await db.selectFrom('resources').selectAll().where('id', '=', resourceId).executeTakeFirst();
      return row ? toResource(row) : null;
    },
    async getMany(resourceIds) {
      if (resourceIds.length === 0) return [];
      const rows = await db
        .selectFrom('resources')
        .selectAll()
        .where('id', 'in', [...resourceIds])
        .execute();
      return rows.map(toResource);
    },
  };
}

export type NewResource = {
  /** Defaults to a generated provider-style id (i-… for servers, site-… for site-builder plans). */
  id?: string;
  accountId: string;
  kind: ResourceKind;
  name: string;
  region: string;
  publicIps: string[];
  billingType: BillingType;
  expiresAt: Date;
  createdAt: Date;
};

const randomSuffix = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12);

export async function addResource(db: Kysely<Database>, input: NewResource): Promise<Resource> {
  const id = input.id ?? `${input.kind === 'server' ? 'i' : 'site'}-${randomSuffix()}`;
  await db
    .insertInto('resources')
    .values({
      id,
      account_id: input.accountId,
      kind: input.kind,
      name: input.name,
      region: input.region,
      public_ips: JSON.stringify(input.publicIps),
      billing_type: input.billingType,
      expires_at: input.expiresAt,
      created_at: input.createdAt,
    })
    .execute();
  const { createdAt: _createdAt, ...resource } = input;
  return { ...resource, id, publicIps: [...input.publicIps], status: 'running' };
}

/**
 * The admin's levers on the stand-in (POST /api/v1/admin/resources/:id/lifecycle): release a server (释放), bring
 * it back, or move its expiry (续费 / 到期). Returns null for an unknown id.
 */
export async function updateResourceLifecycle(
  db: Kysely<Database>,
  resourceId: string,
  change: { status?: 'running' | 'released'; expiresAt?: Date },
  now: Date,
): Promise<Resource | null> {
  const row = await db
    .updateTable('resources')
    .set({
      ...(change.status && { status: change.status, released_at: change.status === 'released' ? now : null }),
      ...(change.expiresAt && { expires_at: change.expiresAt }),
    })
    .where('id', '=', resourceId)
    .returningAll()
    .executeTakeFirst();
  return row ? toResource(row) : null;
}

// ---- demo / test seed ------------------------------------------------------------------------------------

/**
 * The simulated provider's own public address block. The filing rules require public IPs (private, reserved and
 * documentation ranges are refused), so the seed uses routable addresses; they are inert data, never contacted.
 */
const DOC_PREFIXES = ['124.70.10', '124.70.11', '124.70.12'];
const DOC_POOL = DOC_PREFIXES.length * 254;
/** More of the same block, used once the first three /24s are taken. */
const overflowIp = (n: number) => `124.${72 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${Math.max(1, n & 255)}`;
const docIp = (n: number) => `${DOC_PREFIXES[Math.floor(n / 254) % DOC_PREFIXES.length]}.${(n % 254) + 1}`;

let counter = 0;

/**
 * Public IPs no resource and no code uses yet. Parallel test files share one PostgreSQL database and the 5-codes
 * per IP limit counts across accounts, so each seed starts at a random point of the pool, skips taken addresses
 * and steps with a process-local counter; collisions between concurrent seeds are then very unlikely.
 */
async function freeIps(db: Kysely<Database>, count: number): Promise<string[]> {
  const taken = new Set(
    (
      await sql<{ ip: string }>`
        SELECT jsonb_array_elements_text(public_ips) AS ip FROM resources
        UNION SELECT public_ip FROM authorization_codes`.execute(db)
    ).rows.map((r) => r.ip),
  );
  const start = crypto.getRandomValues(new Uint32Array(1))[0]! + counter++ * 7919;
  const out: string[] = [];
  for (let i = 0; out.length < count && i < DOC_POOL; i++) {
    const ip = docIp((start + i) % DOC_POOL);
    if (!taken.has(ip)) out.push(ip);
  }
  for (let i = 0; out.length < count; i++) {
    const ip = overflowIp((start + i) % 131072);
    if (!taken.has(ip) && !out.includes(ip)) out.push(ip);
  }
  return out;
}

export type SeededResources = {
  /** Prepaid server, 1 public IP, 11 months left: eligible. */
  eligibleServer: Resource;
  /** Prepaid server, 2 months left: not eligible. */
  expiringServer: Resource;
  /** Pay-as-you-go server: not eligible. */
  payAsYouGoServer: Resource;
  /** Prepaid server without a public IP: not eligible. */
  serverWithoutIp: Resource;
  /** Yearly site-builder plan with its serving IP: eligible. */
  siteBuilder: Resource;
  all: Resource[];
};

/**
 * A realistic inventory for a demo or test account: one eligible server first, then one resource for each
 * reason a code is refused, then an eligible site-builder plan. `region` defaults to cn-north-1 (Beijing).
 */
export async function seedResourcesForAccount(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
  opts: { region?: string; namePrefix?: string } = {},
): Promise<SeededResources> {
  const region = opts.region ?? 'cn-north-1';
  const prefix = opts.namePrefix ?? '';
  const [ip1, ip2, ip3, ip4] = (await freeIps(db, 4)) as [string, string, string, string];
  const base = { accountId, region, createdAt: now };
  // Sequential inserts keep created_at ordering stable for listForAccount.
  const eligibleServer = await addResource(db, {
    ...base,
    kind: 'server',
    name: `${prefix}云主机 web-01`,
    publicIps: [ip1],
    billingType: 'prepaid',
    expiresAt: addMonthsUtc(now, 11),
  });
  const later = (ms: number) => ({ ...base, createdAt: new Date(now.getTime() + ms) });
  const expiringServer = await addResource(db, {
    ...later(1),
    kind: 'server',
    name: `${prefix}云主机 web-02`,
    publicIps: [ip2],
    billingType: 'prepaid',
    expiresAt: addMonthsUtc(now, 2),
  });
  const payAsYouGoServer = await addResource(db, {
    ...later(2),
    kind: 'server',
    name: `${prefix}云主机 api-01（按配置）`,
    publicIps: [ip3],
    billingType: 'pay_as_you_go',
    expiresAt: addMonthsUtc(now, 120),
  });
  const serverWithoutIp = await addResource(db, {
    ...later(3),
    kind: 'server',
    name: `${prefix}云主机 db-01`,
    publicIps: [],
    billingType: 'prepaid',
    expiresAt: addMonthsUtc(now, 12),
  });
  const siteBuilder = await addResource(db, {
    ...later(4),
    kind: 'site_builder',
    name: `${prefix}云建站 企业版（1年）`,
    publicIps: [ip4],
    billingType: 'prepaid',
    expiresAt: addMonthsUtc(now, 12),
  });
  const all = [eligibleServer, expiringServer, payAsYouGoServer, serverWithoutIp, siteBuilder];
  return { eligibleServer, expiringServer, payAsYouGoServer, serverWithoutIp, siteBuilder, all };
}
