import type { Kysely } from 'kysely';
import type { Subject, Website } from '../../contracts/filing-data.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import type { Database, SubjectRow, WebsiteRow } from './schema.ts';

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
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertWebsite(
  trx: Kysely<Database>,
  cipher: PiCipher,
  r: Omit<WebsiteRecord, 'status'>,
): Promise<void> {
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
  await trx
    .updateTable('websites')
    .set({
      data_enc: cipher.encryptJson(data),
      name: data.name,
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
