import type { SimSubjectRow } from '../store/schema.ts';
import type { SimTrx } from './context.ts';
import { registrableDomain } from './domain-names.ts';
import { allocateWebsiteIndexes, formatWebsiteNumber } from './number-allocation.ts';

/** Writers of the national records, shared by approvals, createFiledRecord and the seed. */
export type NewSubjectRecord = {
  number: string;
  province: string;
  name: string;
  subjectType: string;
  certificateType: string;
  certificateNumber: string;
  responsible: { name: string; idType: string; idNumber: string };
  status?: 'active' | 'cancelled';
};

export type NewWebsiteRecord = {
  domain: string;
  name: string;
  responsibleName: string;
  accessProviderCount?: number;
  status?: 'active' | 'cancelled';
};

// Certificate numbers are compared upper-case everywhere (resident IDs may end in x or X).
const cert = (s: string) => s.trim().toUpperCase();

export async function insertSubject(trx: SimTrx, s: NewSubjectRecord, at: Date): Promise<SimSubjectRow> {
  return trx
    .insertInto('sim_subject')
    .values({
      number: s.number,
      province: s.province,
      name: s.name.trim(),
      subject_type: s.subjectType,
      certificate_type: s.certificateType,
      certificate_number: cert(s.certificateNumber),
      responsible_name: s.responsible.name.trim(),
      responsible_id_type: s.responsible.idType,
      responsible_id_number: cert(s.responsible.idNumber),
      status: s.status ?? 'active',
      next_website_index: 1,
      approved_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Adds websites under a subject with the next `-N` indexes, in the given (approval) order. */
export async function addWebsites(
  trx: SimTrx,
  subject: Pick<SimSubjectRow, 'id' | 'number'>,
  websites: NewWebsiteRecord[],
  at: Date,
): Promise<Array<{ domain: string; websiteNumber: string }>> {
  if (websites.length === 0) return [];
  const indexes = await allocateWebsiteIndexes(trx, subject.id, websites.length);
  const rows = websites.map((w, i) => ({
    subject_id: subject.id,
    number: formatWebsiteNumber(subject.number, indexes[i]!),
    website_index: indexes[i]!,
    domain: registrableDomain(w.domain),
    name: w.name.trim(),
    responsible_name: w.responsibleName.trim(),
    status: w.status ?? ('active' as const),
    access_provider_count: w.status === 'cancelled' ? 0 : (w.accessProviderCount ?? 1),
    approved_at: at,
    updated_at: at,
  }));
  await trx.insertInto('sim_website').values(rows).execute();
  return rows.map((r) => ({ domain: r.domain, websiteNumber: r.number }));
}

export async function cancelWebsites(trx: SimTrx, numbers: string[], at: Date): Promise<void> {
  if (numbers.length === 0) return;
  await trx
    .updateTable('sim_website')
    .set({ status: 'cancelled', access_provider_count: 0, updated_at: at })
    .where('number', 'in', numbers)
    .execute();
}
