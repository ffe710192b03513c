import { publicWebsiteName, subjectNameIndex } from '../../adapters/db/records-repo.ts';
import type { AppContext } from '../../app-context.ts';
import { maskName } from '../../domain/privacy/mask.ts';
import { insertAccount } from '../authorization-codes/code-test-fixtures.ts';

/** Test-only: filed subjects and websites for the public lookup tests (use case and route). */

/** Marker strings standing in for personal data; none may ever appear in a lookup result. */
export const PI_MARKERS = ['SECRET-CIPHERTEXT', 'SECRET-BLIND-INDEX', '110101199003077777', '13800138000'];

type SeedSite = { domain: string; domainUnicode?: string; name: string; status?: 'active' | 'cancelled' };

/**
 * A filed subject with websites, written straight into the tables the way approval would leave them. `name` is
 * the full name; an individual's is stored masked with its blind index, as the records repository does.
 * `backfilled: false` leaves the 0004 columns null, as rows written before that migration are.
 */
export async function seedPublicRecord(
  { db, cipher }: Pick<AppContext, 'db' | 'cipher'>,
  now: Date,
  s: {
    name: string;
    type?: string;
    province?: string;
    status?: 'active' | 'cancelled';
    sites: SeedSite[];
    backfilled?: boolean;
  },
) {
  const subjectType = s.type ?? 'enterprise';
  const individual = subjectType === 'individual';
  const facts = { subjectType, sponsorName: s.name };
  const backfilled = s.backfilled ?? true;
  const accountId = await insertAccount(db, now);
  const subjectId = crypto.randomUUID();
  const serial = String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0');
  const number = `京ICP备2026${serial}号`;
  const piBlob = JSON.stringify({ blob: PI_MARKERS[0], id: PI_MARKERS[2], mobile: PI_MARKERS[3] });
  // Individuals' data is real ciphertext: the start-up backfill decrypts it to find the full name.
  const subjectData = individual ? cipher.encryptJson({ subjectType, sponsorName: s.name }) : piBlob;
  await db
    .insertInto('subjects')
    .values({
      id: subjectId,
      account_id: accountId,
      province: s.province ?? 'beijing',
      subject_type: subjectType,
      status: s.status ?? 'active',
      icp_number: number,
      public_name: individual ? maskName(s.name) : s.name,
      data_enc: subjectData,
      certificate_bidx: PI_MARKERS[1]!,
      name_bidx: individual && backfilled ? subjectNameIndex(cipher, s.name) : null,
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
        public_name: backfilled ? publicWebsiteName(site.name, facts) : null,
        approved_at: new Date(now.getTime() + i * 1000),
        updated_at: now,
      })
      .execute();
  }
  return { accountId, subjectId, number, websiteNumbers, publicName: individual ? maskName(s.name) : s.name };
}
