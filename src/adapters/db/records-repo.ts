import type { Kysely } from 'kysely';
import type { Subject, Website } from '../../contracts/filing-data.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import { maskName } from '../../domain/privacy/mask.ts';
import type { Database, SubjectRow, WebsiteRow } from './schema.ts';

/**
 * The public-lookup policy's stored forms (README "Public lookup: what is shown"): an individual is found only
 * by the blind index of the exact full name, and a website name never shows that name unmasked.
 */

/** One spelling per name for the blind index and the lookup: NFKC, blank runs collapsed, trimmed. */
export const normalizeSubjectName = (name: string): string => name.normalize('NFKC').replace(/\s+/g, ' ').trim();

export const SUBJECT_NAME_INDEX_PURPOSE = 'subject-name';

export const subjectNameIndex = (cipher: PiCipher, name: string): string =>
  cipher.blindIndex(SUBJECT_NAME_INDEX_PURPOSE, normalizeSubjectName(name));

type SubjectNameFacts = { subjectType: string; sponsorName: string };

/** An individual's full name inside the website name is masked as the subject name is (王小明 → 王**). */
export function publicWebsiteName(websiteName: string, subject: SubjectNameFacts): string {
  if (subject.subjectType !== 'individual') return websiteName;
  let out = websiteName;
  for (const spelling of new Set([subject.sponsorName.trim(), normalizeSubjectName(subject.sponsorName)])) {
    // One character would mask every occurrence of a common character; such names stay as they are.
    if ([...spelling].length >= 2) out = out.replaceAll(spelling, maskName(spelling));
  }
  return out;
}

const nameIndexOf = (cipher: PiCipher, s: SubjectNameFacts): string | null =>
  s.subjectType === 'individual' ? subjectNameIndex(cipher, s.sponsorName) : null;

async function subjectFactsOf(
  trx: Kysely<Database>,
  cipher: PiCipher,
  subjectId: string,
): Promise<SubjectNameFacts | null> {
  const row = await trx
    .selectFrom('subjects')
    .select(['subject_type', 'data_enc'])
    .where('id', '=', subjectId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.subject_type !== 'individual') return { subjectType: row.subject_type, sponsorName: '' };
  return { subjectType: row.subject_type, sponsorName: cipher.decryptJson<Subject>(row.data_enc).sponsorName };
}

/** Recomputes the public names of a subject's websites after its name or type changed. */
async function refreshWebsitePublicNames(trx: Kysely<Database>, subjectId: string, subject: SubjectNameFacts) {
  const sites = await trx.selectFrom('websites').select(['id', 'name']).where('subject_id', '=', subjectId).execute();
  for (const site of sites) {
    await trx
      .updateTable('websites')
      .set({ public_name: publicWebsiteName(site.name, subject) })
      .where('id', '=', site.id)
      .execute();
  }
}

const BACKFILL_BATCH = 500;

/**
 * Fills name_bidx and websites.public_name on rows written before migration 0004 (migrations hold no key).
 * Idempotent and cheap when there is nothing to do: two indexed queries that return no rows.
 */
export async function backfillPublicNames(
  db: Kysely<Database>,
  cipher: PiCipher,
): Promise<{ subjects: number; websites: number }> {
  let subjects = 0;
  let websites = 0;
  for (;;) {
    const rows = await db
      .selectFrom('subjects')
      .select(['id', 'data_enc'])
      .where('subject_type', '=', 'individual')
      .where('name_bidx', 'is', null)
      .limit(BACKFILL_BATCH)
      .execute();
    for (const r of rows) {
      const data = cipher.decryptJson<Subject>(r.data_enc);
      await db
        .updateTable('subjects')
        .set({ name_bidx: subjectNameIndex(cipher, data.sponsorName) })
        .where('id', '=', r.id)
        .execute();
    }
    subjects += rows.length;
    if (rows.length < BACKFILL_BATCH) break;
  }
  const facts = new Map<string, SubjectNameFacts | null>();
  for (;;) {
    const rows = await db
      .selectFrom('websites')
      .select(['id', 'name', 'subject_id'])
      .where('public_name', 'is', null)
      .limit(BACKFILL_BATCH)
      .execute();
    for (const r of rows) {
      if (!facts.has(r.subject_id)) facts.set(r.subject_id, await subjectFactsOf(db, cipher, r.subject_id));
      const subject = facts.get(r.subject_id) ?? { subjectType: 'individual', sponsorName: '' };
      // A website whose subject row is gone (never expected) gets its name masked outright rather than shown.
      const publicName = facts.get(r.subject_id) ? publicWebsiteName(r.name, subject) : maskName(r.name);
      await db.updateTable('websites').set({ public_name: publicName }).where('id', '=', r.id).execute();
    }
    websites += rows.length;
    if (rows.length < BACKFILL_BATCH) break;
  }
  return { subjects, websites };
}

/** A filed subject (主体) held by this platform, data decrypted. */
export type SubjectRecord = {
  id: string;
  accountId: string;
  province: string;
  subjectType: string;
  status: SubjectRow['status'];
  icpNumber: string;
  publicName: string;
  data: Subject;
  approvedAt: Date;
};

/** A filed website (网站) hosted by this platform, data decrypted. */
export type WebsiteRecord = {
  id: string;
  subjectId: string;
  accountId: string;
  domain: string;
  domainUnicode: string;
  name: string;
  status: WebsiteRow['status'];
  icpNumber: string;
  authorizationCode: string | null;
  data: Website;
  approvedAt: Date;
};

const toSubject = (r: SubjectRow, cipher: PiCipher): SubjectRecord => ({
  id: r.id,
  accountId: r.account_id,
  province: r.province,
  subjectType: r.subject_type,
  status: r.status,
  icpNumber: r.icp_number,
  publicName: r.public_name,
  data: cipher.decryptJson(r.data_enc),
  approvedAt: r.approved_at,
});

const toWebsite = (r: WebsiteRow, cipher: PiCipher): WebsiteRecord => ({
  id: r.id,
  subjectId: r.subject_id,
  accountId: r.account_id,
  domain: r.domain,
  domainUnicode: r.domain_unicode,
  name: r.name,
  status: r.status,
  icpNumber: r.icp_number,
  authorizationCode: r.authorization_code,
  data: cipher.decryptJson(r.data_enc),
  approvedAt: r.approved_at,
});

export async function findActiveSubjectOfAccount(
  db: Kysely<Database>,
  cipher: PiCipher,
  accountId: string,
): Promise<SubjectRecord | null> {
  const row = await db
    .selectFrom('subjects')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? toSubject(row, cipher) : null;
}

export async function findSubjectById(db: Kysely<Database>, cipher: PiCipher, id: string) {
  const row = await db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSubject(row, cipher) : null;
}

export async function listActiveWebsitesOfSubject(
  db: Kysely<Database>,
  cipher: PiCipher,
  subjectId: string,
): Promise<WebsiteRecord[]> {
  const rows = await db
    .selectFrom('websites')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'active')
    .orderBy('approved_at')
    .orderBy('icp_number')
    .execute();
  return rows.map((r) => toWebsite(r, cipher));
}

export async function findActiveWebsiteByDomain(
  db: Kysely<Database>,
  cipher: PiCipher,
  domain: string,
): Promise<WebsiteRecord | null> {
  const row = await db
    .selectFrom('websites')
    .selectAll()
    .where('domain', '=', domain)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? toWebsite(row, cipher) : null;
}

export async function insertSubject(
  trx: Kysely<Database>,
  cipher: PiCipher,
  r: Omit<SubjectRecord, 'status'> & { certificateIndex: string },
): Promise<void> {
  await trx
    .insertInto('subjects')
    .values({
      id: r.id,
      account_id: r.accountId,
      province: r.province,
      subject_type: r.subjectType,
      status: 'active',
      icp_number: r.icpNumber,
      public_name: r.publicName,
      data_enc: cipher.encryptJson(r.data),
      certificate_bidx: r.certificateIndex,
      name_bidx: nameIndexOf(cipher, r.data),
      approved_at: r.approvedAt,
      updated_at: r.approvedAt,
    })
    .execute();
}

export async function updateSubjectData(
  trx: Kysely<Database>,
  cipher: PiCipher,
  id: string,
  patch: { data: Subject; publicName: string; subjectType: string; certificateIndex: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('subjects')
    .set({
      data_enc: cipher.encryptJson(patch.data),
      public_name: patch.publicName,
      subject_type: patch.subjectType,
      certificate_bidx: patch.certificateIndex,
      name_bidx: nameIndexOf(cipher, patch.data),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await refreshWebsitePublicNames(trx, id, patch.data);
}

export async function insertWebsite(
  trx: Kysely<Database>,
  cipher: PiCipher,
  r: Omit<WebsiteRecord, 'status'>,
): Promise<void> {
  const subject = await subjectFactsOf(trx, cipher, r.subjectId);
  await trx
    .insertInto('websites')
    .values({
      id: r.id,
      subject_id: r.subjectId,
      account_id: r.accountId,
      domain: r.domain,
      domain_unicode: r.domainUnicode,
      name: r.name,
      status: 'active',
      icp_number: r.icpNumber,
      authorization_code: r.authorizationCode,
      data_enc: cipher.encryptJson(r.data),
      // No subject row (never expected: the subject is written first) masks the whole name rather than show it.
      public_name: subject ? publicWebsiteName(r.name, subject) : maskName(r.name),
      approved_at: r.approvedAt,
      updated_at: r.approvedAt,
    })
    .execute();
}

export async function updateWebsiteData(
  trx: Kysely<Database>,
  cipher: PiCipher,
  id: string,
  data: Website,
  now: Date,
): Promise<void> {
  const site = await trx.selectFrom('websites').select('subject_id').where('id', '=', id).executeTakeFirst();
  const subject = site ? await subjectFactsOf(trx, cipher, site.subject_id) : null;
  await trx
    .updateTable('websites')
    .set({
      data_enc: cipher.encryptJson(data),
      name: data.name,
      public_name: subject ? publicWebsiteName(data.name, subject) : maskName(data.name),
      authorization_code: data.authorizationCode,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function setWebsiteStatus(
  trx: Kysely<Database>,
  ids: string[],
  status: WebsiteRow['status'],
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('websites').set({ status, updated_at: now }).where('id', 'in', ids).execute();
}

export async function cancelSubjectRecord(trx: Kysely<Database>, subjectId: string, now: Date): Promise<void> {
  await trx.updateTable('subjects').set({ status: 'cancelled', updated_at: now }).where('id', '=', subjectId).execute();
  await trx
    .updateTable('websites')
    .set({ status: 'cancelled', updated_at: now })
    .where('subject_id', '=', subjectId)
    .where('status', '=', 'active')
    .execute();
}
