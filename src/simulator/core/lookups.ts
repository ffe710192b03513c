import type { DomainFilingStatus, SubjectNumberStatus } from '../../domain/ports/regulator-gateway.ts';
import type { ProvinceCode } from '../../domain/province/provinces.ts';
import type { SimContext } from './context.ts';
import { registrableDomain } from './domain-names.ts';

/** MIIT's public query by domain: only a live (non-cancelled) website counts as filed. */
export async function lookupDomain(ctx: Pick<SimContext, 'db'>, domain: string): Promise<DomainFilingStatus> {
  const d = registrableDomain(domain);
  if (!d) return { filed: false };
  const row = await ctx.db
    .selectFrom('sim_website as w')
    .innerJoin('sim_subject as s', 's.id', 'w.subject_id')
    .select([
      'w.number as websiteNumber',
      'w.access_provider_count',
      's.number as subjectNumber',
      's.name',
      's.province',
    ])
    .where('w.domain', '=', d)
    .where('w.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return { filed: false };
  return {
    filed: true,
    subjectNumber: row.subjectNumber,
    websiteNumber: row.websiteNumber,
    subjectName: row.name,
    province: row.province as ProvinceCode,
    accessProviderCount: row.access_provider_count,
  };
}

/** Exact subject numbers only: MIIT's own forms ask for the subject number without the `-N` suffix. */
export async function lookupSubjectNumber(ctx: Pick<SimContext, 'db'>, number: string): Promise<SubjectNumberStatus> {
  const row = await ctx.db
    .selectFrom('sim_subject')
    .select(['name', 'province', 'certificate_type', 'status'])
    .where('number', '=', number.trim())
    .executeTakeFirst();
  if (!row) return { found: false };
  return {
    found: true,
    subjectName: row.name,
    province: row.province as ProvinceCode,
    certificateType: row.certificate_type,
    active: row.status === 'active',
  };
}
