import type { Clock } from '../../domain/ports/clock.ts';
import { APPROVED_TLDS, DEFAULT_REGISTRAR, isApprovedRegistrar } from '../data/domain-industry.ts';
import type { RealNameStatus, SimDb, SimDomainRow } from '../store/schema.ts';
import { isPlausibleDomain, registrableDomain, tldOf } from './domain-names.ts';
import { SimulatorError } from './errors.ts';

export type Registrant = { name: string; certificateType: string; certificateNumber: string };

export type RegisterDomainInput = {
  domain: string;
  registrar?: string;
  /** Defaults to whether the registrar is on the approved list. */
  registrarApproved?: boolean;
  /** Defaults to whether the TLD is on the approved list. */
  tldApproved?: boolean;
  expiresAt?: Date | string;
  realNameStatus?: RealNameStatus;
  /** When real-name verification finished; defaults to now. Drives when "not reported" turns into reported. */
  realNameVerifiedAt?: Date | string;
  /** Required for a new entry; an edit keeps the current registrant when omitted. */
  registrant?: Registrant;
};

export type DomainEntry = {
  domain: string;
  tld: string;
  registrar: string;
  registrarApproved: boolean;
  tldApproved: boolean;
  expiresAt: string;
  realNameStatus: RealNameStatus;
  realNameVerifiedAt: string | null;
  realNameReportedAt: string | null;
  registrant: Registrant;
};

export const toDomainEntry = (r: SimDomainRow): DomainEntry => ({
  domain: r.domain,
  tld: r.tld,
  registrar: r.registrar,
  registrarApproved: r.registrar_approved,
  tldApproved: r.tld_approved,
  expiresAt: r.expires_at.toISOString(),
  realNameStatus: r.real_name_status,
  realNameVerifiedAt: r.real_name_verified_at?.toISOString() ?? null,
  realNameReportedAt: r.real_name_reported_at?.toISOString() ?? null,
  registrant: {
    name: r.registrant_name,
    certificateType: r.registrant_certificate_type,
    certificateNumber: r.registrant_certificate_number,
  },
});

const YEAR_MS = 365 * 24 * 3600_000;

/**
 * Adds or edits an entry of the simulated domain registry (what MIIT learns from registries and registrars).
 * An edit merges: fields left out keep their value, so a tester can e.g. renew an expired domain with only
 * `expiresAt`.
 */
export async function registerDomain(
  deps: { db: SimDb; clock: Clock },
  input: RegisterDomainInput,
): Promise<DomainEntry> {
  const domain = registrableDomain(input.domain);
  if (!isPlausibleDomain(domain))
    throw new SimulatorError('INVALID_INPUT', { message: `域名格式不正确：${input.domain}` });
  const now = deps.clock.now();
  const current = await deps.db.selectFrom('sim_domain').selectAll().where('domain', '=', domain).executeTakeFirst();
  const registrant = input.registrant ?? (current ? toDomainEntry(current).registrant : undefined);
  if (!registrant) throw new SimulatorError('INVALID_INPUT', { message: '新登记的域名须提供持有者（registrant）信息' });
  const registrar = input.registrar ?? current?.registrar ?? DEFAULT_REGISTRAR;
  const status = input.realNameStatus ?? current?.real_name_status ?? 'verified';
  const statusChanged = input.realNameStatus !== undefined && input.realNameStatus !== current?.real_name_status;
  const verifiedAt =
    status === 'not_verified'
      ? null
      : input.realNameVerifiedAt
        ? new Date(input.realNameVerifiedAt)
        : statusChanged || !current?.real_name_verified_at
          ? now
          : current.real_name_verified_at;
  const reportedAt = status !== 'verified' ? null : statusChanged ? now : (current?.real_name_reported_at ?? now);

  const row = {
    domain,
    tld: tldOf(domain),
    registrar,
    registrar_approved:
      input.registrarApproved ??
      (input.registrar !== undefined || !current ? isApprovedRegistrar(registrar) : current.registrar_approved),
    tld_approved: input.tldApproved ?? current?.tld_approved ?? APPROVED_TLDS.has(tldOf(domain)),
    expires_at: input.expiresAt
      ? new Date(input.expiresAt)
      : (current?.expires_at ?? new Date(now.getTime() + YEAR_MS)),
    real_name_status: status,
    real_name_verified_at: verifiedAt,
    real_name_reported_at: reportedAt,
    registrant_name: registrant.name.trim(),
    registrant_certificate_type: registrant.certificateType,
    registrant_certificate_number: registrant.certificateNumber.trim().toUpperCase(),
    updated_at: now,
  };
  const saved = await deps.db
    .insertInto('sim_domain')
    .values(row)
    .onConflict((oc) => oc.column('domain').doUpdateSet(row))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDomainEntry(saved);
}
