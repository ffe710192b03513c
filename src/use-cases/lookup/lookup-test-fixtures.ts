import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import { insertAccount } from '../authorization-codes/code-test-fixtures.ts';

/** Test-only: filed subjects and websites for the public lookup tests (use case and route). */

/** Marker strings standing in for personal data; none may ever appear in a lookup result. */
export const PI_MARKERS = ['SECRET-CIPHERTEXT', 'SECRET-BLIND-INDEX', '110101199003077777', '13800138000'];

type SeedSite = { domain: string; domainUnicode?: string; name: string; status?: 'active' | 'cancelled' };

/** A filed subject with websites, written straight into the tables the way approval would leave them. */
export async function seedPublicRecord(
  db: Kysely<Database>,
  now: Date,
  s: { name: string; type?: string; province?: string; status?: 'active' | 'cancelled'; sites: SeedSite[] },
) {
  const accountId = await insertAccount(db, now);
  const subjectId = crypto.randomUUID();
  const serial = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0');
  const number = `京ICP备2026${serial}号`;
  const piBlob = JSON.stringify({ blob: PI_MARKERS[0], id: PI_MARKERS[2], mobile: PI_MARKERS[3] });
  await db
    .insertInto('subjects')
    .values({
      id: subjectId,
      account_id: accountId,
      province: s.province ?? 'beijing',
      subject_type: s.type ?? 'enterprise',
      status: s.status ?? 'active',
      icp_number: number,
      public_name: s.name,
      data_enc: piBlob,
      certificate_bidx: PI_MARKERS[1]!,
      approved_at: now,
      updated_at: now,
    })
    .execute();
  const websiteNumbers: string[] = [];
  for (const [i, site] of s.sites.entries()) {
    const websiteNumber = `${number}-${i + 1}`;
    websiteNumbers.push(websiteNumber);
    await db
      .insertInto('websites')
      .values({
        id: crypto.randomUUID(),
        subject_id: subjectId,
        account_id: accountId,
        domain: site.domain,
        domain_unicode: site.domainUnicode ?? site.domain,
        name: site.name,
        status: site.status ?? 'active',
        icp_number: websiteNumber,
        authorization_code: null,
        data_enc: piBlob,
        approved_at: new Date(now.getTime() + i * 1000),
        updated_at: now,
      })
      .execute();
  }
  return { accountId, subjectId, number, websiteNumbers };
}
