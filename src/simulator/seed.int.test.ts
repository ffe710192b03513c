import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILER, SEED_REGISTRY_FIXTURES } from './seed.ts';
import { anIndividualSubject, aPerson, aSubmission, aWebsite } from './test-builders.ts';
import { createTestSimulator, type TestSimulator } from './test-support.ts';

let t: TestSimulator;
beforeAll(async () => {
  t = await createTestSimulator();
});
afterAll(async () => t.close());

/** Everything the seed wrote that does not depend on the clock, in a stable order. */
const snapshot = async () => {
  const subjects = await t.db
    .selectFrom('sim_subject')
    .select(['number', 'name', 'certificate_number', 'status', 'next_website_index'])
    .orderBy('number')
    .execute();
  const websites = await t.db
    .selectFrom('sim_website')
    .select(['number', 'domain', 'status', 'access_provider_count'])
    .orderBy('number')
    .execute();
  return { subjects, websites };
};

describe('seed', () => {
  it('writes ~200 varied national records, the same every time', async () => {
    const summary = await t.sim.seed();
    expect(summary).toMatchObject({ skipped: false, subjects: 120, registryFixtures: 7 });
    expect(summary.websites).toBeGreaterThanOrEqual(180);
    const first = await snapshot();
    expect(new Set(first.subjects.map((s) => s.number.slice(0, 1))).size).toBe(31);
    expect(first.subjects.some((s) => s.status === 'cancelled')).toBe(true);
    expect(first.websites.some((w) => w.status === 'active' && w.access_provider_count === 0)).toBe(true);
    expect(first.websites.some((w) => w.access_provider_count >= 2)).toBe(true);
    const individuals = await t.db
      .selectFrom('sim_subject')
      .select('id')
      .where('subject_type', '=', 'individual')
      .execute();
    expect(individuals.length).toBeGreaterThan(20);
    for (const s of first.subjects) expect(s.number).toMatch(/^.ICP备20\d{8}号$/);

    expect((await t.sim.seed()).skipped).toBe(true);
    await t.reset();
    await t.sim.seed();
    expect(await snapshot()).toEqual(first);
  });

  it('answers lookups for seeded records', async () => {
    const [website] = await t.db
      .selectFrom('sim_website')
      .select(['domain', 'number'])
      .where('status', '=', 'active')
      .orderBy('id')
      .limit(1)
      .execute();
    expect(await t.gateway.lookupDomain(website!.domain)).toMatchObject({
      filed: true,
      websiteNumber: website!.number,
    });
  });

  it('ships registry fixtures that fail (or pass) domain verification for the demo filer', async () => {
    const demo = anIndividualSubject(
      aPerson('wang', { name: DEMO_FILER.name, idNumber: DEMO_FILER.certificateNumber, mobile: DEMO_FILER.mobile }),
    );
    const expected: Record<keyof typeof SEED_REGISTRY_FIXTURES, string | null> = {
      ready: null,
      tldNotApproved: 'DOMAIN_TLD_NOT_APPROVED',
      registrarNotApproved: 'DOMAIN_REGISTRAR_NOT_APPROVED',
      expired: 'DOMAIN_EXPIRED',
      realNameMissing: 'DOMAIN_REAL_NAME_MISSING',
      realNameNotReported: 'DOMAIN_REAL_NAME_NOT_REPORTED',
      registrantMismatch: 'DOMAIN_REGISTRANT_MISMATCH',
    };
    for (const [key, domain] of Object.entries(SEED_REGISTRY_FIXTURES)) {
      const { regulatorRef } = await t.gateway.submit(
        aSubmission('first_filing', { subject: demo, websites: [aWebsite(domain)] }),
      );
      const status = await t.gateway.getStatus(regulatorRef);
      const code = expected[key as keyof typeof SEED_REGISTRY_FIXTURES];
      if (code === null) expect(status.state, key).toBe('admin_review');
      else expect(status, key).toMatchObject({ state: 'rejected_at_intake', reasons: [{ code }] });
    }
  });
});
