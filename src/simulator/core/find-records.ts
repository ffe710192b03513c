import type { SimContext } from './context.ts';
import { registrableDomain } from './domain-names.ts';
import { parseWebsiteNumber } from './number-allocation.ts';
import { type DomainEntry, toDomainEntry } from './register-domain.ts';

export type SubjectRecordView = {
  number: string;
  province: string;
  name: string;
  subjectType: string;
  certificateType: string;
  status: 'active' | 'cancelled';
  nextWebsiteIndex: number;
  approvedAt: string;
  websites: Array<{
    number: string;
    domain: string;
    name: string;
    status: 'active' | 'cancelled';
    accessProviderCount: number;
  }>;
};

/**
 * The operator's record search: by domain (registry entry plus every subject that ever filed it) and/or by a
 * subject or website number. Certificate and person data are left out, as in MIIT's public query.
 */
export type RecordsView = { registry: DomainEntry | null; subjects: SubjectRecordView[] };

export async function findRecords(
  ctx: Pick<SimContext, 'db'>,
  query: { domain?: string; number?: string },
): Promise<RecordsView> {
  const subjectIds = new Set<number>();
  let registry: DomainEntry | null = null;
  if (query.domain) {
    const domain = registrableDomain(query.domain);
    const entry = await ctx.db.selectFrom('sim_domain').selectAll().where('domain', '=', domain).executeTakeFirst();
    registry = entry ? toDomainEntry(entry) : null;
    const rows = await ctx.db.selectFrom('sim_website').select('subject_id').where('domain', '=', domain).execute();
    for (const r of rows) subjectIds.add(r.subject_id);
  }
  if (query.number) {
    const subjectNumber = parseWebsiteNumber(query.number)?.subjectNumber ?? query.number.trim();
    const row = await ctx.db
      .selectFrom('sim_subject')
      .select('id')
      .where('number', '=', subjectNumber)
      .executeTakeFirst();
    if (row) subjectIds.add(row.id);
  }
  if (subjectIds.size === 0) return { registry, subjects: [] };

  const ids = [...subjectIds];
  const subjects = await ctx.db.selectFrom('sim_subject').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const websites = await ctx.db
    .selectFrom('sim_website')
    .selectAll()
    .where('subject_id', 'in', ids)
    .orderBy('website_index')
    .execute();
  return {
    registry,
    subjects: subjects.map((s) => ({
      number: s.number,
      province: s.province,
      name: s.name,
      subjectType: s.subject_type,
      certificateType: s.certificate_type,
      status: s.status,
      nextWebsiteIndex: s.next_website_index,
      approvedAt: s.approved_at.toISOString(),
      websites: websites
        .filter((w) => w.subject_id === s.id)
        .map((w) => ({
          number: w.number,
          domain: w.domain,
          name: w.name,
          status: w.status,
          accessProviderCount: w.access_provider_count,
        })),
    })),
  };
}
