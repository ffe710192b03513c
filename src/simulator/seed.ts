import type { Clock } from '../domain/ports/clock.ts';
import { PROVINCES } from '../domain/province/provinces.ts';
import { createFiledRecord } from './core/create-filed-record.ts';
import { type RegisterDomainInput, type Registrant, registerDomain } from './core/register-domain.ts';
import { UNAPPROVED_REGISTRARS } from './data/domain-industry.ts';
import {
  createRng,
  domainLabel,
  personalSiteName,
  personName,
  type Rng,
  residentId,
  unitName,
  unitSiteName,
  uscc,
} from './seed-data.ts';
import type { SimDb } from './store/schema.ts';

export { type CreateFiledRecordInput, createFiledRecord, type FiledRecord } from './core/create-filed-record.ts';
export { type RegisterDomainInput, registerDomain } from './core/register-domain.ts';

export type SeedOptions = { subjects?: number; seed?: number };
export type SeedSummary = { skipped: boolean; subjects: number; websites: number; registryFixtures: number };

/** A fictitious person with a valid ID whom the "ready" fixture domain belongs to, for demos of a clean filing. */
export const DEMO_FILER: Registrant & { mobile: string } = {
  name: '李明远',
  certificateType: 'resident_id',
  certificateNumber: '110101199003071233',
  mobile: '13800138000',
};

/** Unfiled registry entries, one per verification outcome (domain.md §6.3), for demos and manual testing. */
export const SEED_REGISTRY_FIXTURES = {
  ready: 'ready-to-file.cn',
  tldNotApproved: 'beian-demo.io',
  registrarNotApproved: 'overseas-shop.com',
  expired: 'expired-blog.cn',
  realNameMissing: 'no-realname.com',
  realNameNotReported: 'fresh-realname.cn',
  registrantMismatch: 'someone-else.com',
} as const;

const DAY = 24 * 3600_000;

/**
 * Fills the national records with ~120 subjects (~200 websites) across all provinces plus the registry fixtures.
 * Same seed, same data: names, certificates and numbers come from a seeded PRNG, and only the registry's expiry
 * dates follow the clock (so "expired" stays expired whatever today is). Does nothing when records exist.
 */
export async function seedSimulator(
  deps: { db: SimDb; clock: Clock },
  options: SeedOptions = {},
): Promise<SeedSummary> {
  // One transaction: a crash half-way must not leave records that make the next start skip the seed.
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('sim_subject').select('id').limit(1).execute();
    if (existing.length > 0) return { skipped: true, subjects: 0, websites: 0, registryFixtures: 0 };
    return seedRecords({ db: trx, clock: deps.clock }, options);
  });
}

async function seedRecords(deps: { db: SimDb; clock: Clock }, options: SeedOptions): Promise<SeedSummary> {
  const rng = createRng(options.seed ?? 20_261_128);
  const count = options.subjects ?? 120;
  const serials = new Map<string, number>();
  let websites = 0;

  for (let i = 0; i < count; i++) {
    const province = PROVINCES[i % PROVINCES.length]!;
    const year = rng.int(2012, 2025);
    const key = `${province.code}/${year}`;
    const serial = (serials.get(key) ?? rng.int(1_000, 40_000)) + rng.int(1, 50);
    serials.set(key, serial);
    const individual = rng.next() < 0.35;
    const subject = individual ? individualSubject(rng, province.residentIdPrefix) : unitSubject(rng, province);
    const cancelled = rng.next() < 0.06;
    const siteCount = individual ? rng.int(1, 2) : rng.pick([1, 1, 2, 2, 3]);
    const sites = Array.from({ length: siteCount }, (_, j) => ({
      domain: `${domainLabel(rng)}${i}${j === 0 ? '' : `-${j}`}.${rng.pick(['com', 'cn', 'com.cn', 'net', 'top', 'org', 'vip'])}`,
      name: individual ? personalSiteName(rng, subject.responsible.name) : unitSiteName(rng, subject.name),
      accessProviderCount: accessCount(rng),
      status: cancelled || rng.next() < 0.05 ? ('cancelled' as const) : ('active' as const),
    }));
    websites += sites.length;
    await createFiledRecord(deps, {
      province: province.code,
      subject: { ...subject, status: cancelled ? 'cancelled' : 'active' },
      number: { year, serial },
      websites: sites,
      approvedAt: new Date(Date.UTC(year, rng.int(0, 11), rng.int(1, 28), 2)),
    });
  }
  const fixtures = await seedRegistryFixtures(deps);
  return { skipped: false, subjects: count, websites, registryFixtures: fixtures };
}

/** Mostly one provider; some websites served by several at once; a few shell websites with none. */
const accessCount = (rng: Rng) => {
  const x = rng.next();
  return x < 0.05 ? 0 : x < 0.85 ? 1 : rng.int(2, 3);
};

function individualSubject(rng: Rng, idPrefix: string) {
  const name = personName(rng);
  const id = residentId(rng, idPrefix);
  return {
    name,
    subjectType: 'individual',
    certificateType: 'resident_id',
    certificateNumber: id,
    responsible: { name, idType: 'resident_id', idNumber: id },
  };
}

function unitSubject(rng: Rng, province: (typeof PROVINCES)[number]) {
  const kind = rng.pick([
    { subjectType: 'enterprise', certificateType: 'business_license', code: '91' },
    { subjectType: 'enterprise', certificateType: 'business_license', code: '91' },
    { subjectType: 'enterprise', certificateType: 'business_license', code: '91' },
    { subjectType: 'public_institution', certificateType: 'public_institution_certificate', code: '12' },
    { subjectType: 'social_organization', certificateType: 'social_org_certificate', code: '51' },
  ]);
  const name =
    kind.subjectType === 'enterprise' ? unitName(rng, province.nameZh) : `${province.nameZh}${domainLabel(rng)}协会`;
  return {
    name: kind.subjectType === 'public_institution' ? name.replace(/有限公司$/, '研究院') : name,
    subjectType: kind.subjectType,
    certificateType: kind.certificateType,
    certificateNumber: uscc(rng, kind.code, province.residentIdPrefix),
    responsible: { name: personName(rng), idType: 'resident_id', idNumber: residentId(rng, province.residentIdPrefix) },
  };
}

async function seedRegistryFixtures(deps: { db: SimDb; clock: Clock }): Promise<number> {
  const now = deps.clock.now().getTime();
  const registrant: Registrant = DEMO_FILER;
  const f = SEED_REGISTRY_FIXTURES;
  const entries: RegisterDomainInput[] = [
    { domain: f.ready, registrant },
    { domain: f.tldNotApproved, registrant },
    { domain: f.registrarNotApproved, registrar: UNAPPROVED_REGISTRARS[0]!, registrant },
    { domain: f.expired, registrant, expiresAt: new Date(now - 30 * DAY) },
    { domain: f.realNameMissing, registrant, realNameStatus: 'not_verified' },
    { domain: f.realNameNotReported, registrant, realNameStatus: 'verified_not_reported' },
    {
      domain: f.registrantMismatch,
      registrant: { name: '周子涵', certificateType: 'resident_id', certificateNumber: '31010119880512001X' },
    },
  ];
  for (const e of entries) await registerDomain(deps, e);
  return entries.length;
}
