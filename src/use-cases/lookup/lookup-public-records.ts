import type { Kysely } from 'kysely';
import { normalizeSubjectName, subjectNameIndex } from '../../adapters/db/records-repo.ts';
import type { Database } from '../../adapters/db/schema.ts';
import { DomainError } from '../../domain/errors.ts';
import { SUBJECT_TYPE_LABELS, type SubjectType } from '../../domain/filing-data.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import { maskName } from '../../domain/privacy/mask.ts';
import { findProvince } from '../../domain/province/provinces.ts';

/**
 * Public lookup of filings made through this platform (domain.md §8.7, §9): what MIIT's public query shows, and
 * nothing else. Only the columns below are ever selected, so personal data (data_enc, certificate index, account)
 * cannot leak even by a later mapping mistake. Individual subjects' public_name is stored already masked, and so
 * is an individual's name inside a website name (websites.public_name).
 *
 * Policy (README "Public lookup: what is shown"): units are found by their exact full name or a prefix of it;
 * individuals only by their exact full name, through its blind index, and shown masked; the masked form itself
 * finds nothing, since it would let anyone list every 王* filing.
 */

export type LookupQuery = { domain?: string; number?: string; subjectName?: string };
export type LookupDeps = { db: Kysely<Database>; cipher: PiCipher };

/** The one criterion of a query, validated and normalised; also the cache key of the answer. */
export type ParsedLookupQuery =
  | { kind: 'domain'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'subjectName'; value: string };

export type PublicWebsite = { name: string; domain: string; number: string; approvedAt: Date };
export type PublicRecord = {
  subject: {
    name: string;
    type: string;
    typeLabel: string;
    number: string;
    province: string;
    provinceName: string;
    approvedAt: Date;
  };
  websites: PublicWebsite[];
};

const invalid = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', { details: { issues: [{ field, message }] } });

/**
 * Lower case, IDN → A-label (the form `websites.domain` stores), no scheme/path/port/trailing dot, no leading
 * "www." since filings name the registered domain. Accepts what people paste from an address bar.
 */
export function normalizeLookupDomain(input: string): string {
  let d = input.trim().toLowerCase();
  d = d.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#]/)[0]!;
  let host: string;
  try {
    host = new URL(`http://${d}`).hostname;
  } catch {
    throw invalid('domain', '域名格式不正确');
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  if (!host.includes('.') || host.length > 253) throw invalid('domain', '域名格式不正确');
  return host;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type SubjectRowPublic = {
  id: string;
  public_name: string;
  subject_type: string;
  icp_number: string;
  province: string;
  approved_at: Date;
};

const SUBJECT_COLUMNS = ['id', 'public_name', 'subject_type', 'icp_number', 'province', 'approved_at'] as const;

const toSubject = (s: SubjectRowPublic): PublicRecord['subject'] => ({
  name: s.public_name,
  type: s.subject_type,
  typeLabel: SUBJECT_TYPE_LABELS[s.subject_type as SubjectType] ?? s.subject_type,
  number: s.icp_number,
  province: s.province,
  provinceName: findProvince(s.province)?.nameZh ?? s.province,
  approvedAt: new Date(s.approved_at),
});

/**
 * The stored public name; before its backfill a unit's website shows its name, an individual's is masked
 * whole rather than risk showing the person's name.
 */
const publicSiteName = (r: { name: string; public_name: string | null }, individual: boolean): string =>
  r.public_name ?? (individual ? maskName(r.name) : r.name);

/** Active websites of the given subjects, optionally only some, in website-number order. */
async function activeWebsites(db: Kysely<Database>, subjects: SubjectRowPublic[], only?: { websiteIds: string[] }) {
  if (subjects.length === 0) return new Map<string, PublicWebsite[]>();
  const subjectIds = subjects.map((s) => s.id);
  const individuals = new Set(subjects.filter((s) => s.subject_type === 'individual').map((s) => s.id));
  let q = db
    .selectFrom('websites')
    .select(['subject_id', 'name', 'public_name', 'domain_unicode', 'icp_number', 'approved_at'])
    .where('subject_id', 'in', subjectIds)
    .where('status', '=', 'active');
  if (only) q = q.where('id', 'in', only.websiteIds);
  const rows = await q.orderBy('approved_at').orderBy('icp_number').execute();
  const out = new Map<string, PublicWebsite[]>();
  for (const r of rows) {
    const list = out.get(r.subject_id) ?? [];
    list.push({
      name: publicSiteName(r, individuals.has(r.subject_id)),
      domain: r.domain_unicode,
      number: r.icp_number,
      approvedAt: new Date(r.approved_at),
    });
    out.set(r.subject_id, list);
  }
  return out;
}

async function bySubjects(db: Kysely<Database>, subjects: SubjectRowPublic[], only?: { websiteIds: string[] }) {
  const websites = await activeWebsites(db, subjects, only);
  return subjects.map((s) => ({ subject: toSubject(s), websites: websites.get(s.id) ?? [] }));
}

/** Websites matching a condition, grouped under their active subject. */
async function byWebsites(db: Kysely<Database>, websiteIds: string[]): Promise<PublicRecord[]> {
  if (websiteIds.length === 0) return [];
  const subjects = await db
    .selectFrom('subjects')
    .select(SUBJECT_COLUMNS)
    .where('status', '=', 'active')
    .where('id', 'in', db.selectFrom('websites').select('subject_id').where('id', 'in', websiteIds))
    .orderBy('icp_number')
    .execute();
  return bySubjects(db, subjects, { websiteIds });
}

/** Exactly one of domain, number (subject or website filing number) or subject name (≥ 2 characters). */
export function parseLookupQuery(query: LookupQuery): ParsedLookupQuery {
  const given = (['domain', 'number', 'subjectName'] as const).filter((k) => (query[k]?.trim() ?? '') !== '');
  if (given.length !== 1) throw invalid('query', '请只填写域名、备案号、主办单位名称中的一项');
  if (query.domain?.trim()) return { kind: 'domain', value: normalizeLookupDomain(query.domain) };
  if (query.number?.trim()) {
    // Full-width digits, hyphens and stray spaces are common when numbers are copied from a footer.
    const value = query.number
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/[－—–]/g, '-');
    return { kind: 'number', value };
  }
  const value = normalizeSubjectName(query.subjectName!);
  if ([...value].length < 2) throw invalid('subject', '主办单位名称至少输入2个字');
  return { kind: 'subjectName', value };
}

/** A stable cache key: two spellings of one query share one entry (and one database round trip). */
export const lookupCacheKey = (query: LookupQuery): string => {
  const parsed = parseLookupQuery(query);
  return `${parsed.kind}:${parsed.value}`;
};

export async function lookupPublicRecords(
  { db, cipher }: LookupDeps,
  query: LookupQuery,
  limit = 20,
): Promise<PublicRecord[]> {
  const parsed = parseLookupQuery(query);
  const cap = Math.max(1, Math.min(limit, 100));

  if (parsed.kind === 'domain') {
    const domain = parsed.value;
    const sites = await db
      .selectFrom('websites')
      .select('id')
      .where('status', '=', 'active')
      .where('domain', 'in', [domain, `www.${domain}`])
      .limit(cap)
      .execute();
    return byWebsites(
      db,
      sites.map((s) => s.id),
    );
  }

  if (parsed.kind === 'number') {
    const number = parsed.value;
    const subjects = await db
      .selectFrom('subjects')
      .select(SUBJECT_COLUMNS)
      .where('status', '=', 'active')
      .where('icp_number', '=', number)
      .execute();
    if (subjects.length > 0) return bySubjects(db, subjects);
    const sites = await db
      .selectFrom('websites')
      .select('id')
      .where('status', '=', 'active')
      .where('icp_number', '=', number)
      .limit(cap)
      .execute();
    return byWebsites(
      db,
      sites.map((s) => s.id),
    );
  }

  const name = parsed.value;
  // Individuals: the exact full name through its blind index, never the masked public_name.
  const individuals = await db
    .selectFrom('subjects')
    .select(SUBJECT_COLUMNS)
    .where('name_bidx', '=', subjectNameIndex(cipher, name))
    .where('subject_type', '=', 'individual')
    .where('status', '=', 'active')
    .orderBy('icp_number')
    .limit(cap)
    .execute();
  // Units: exact or prefix of the full name, which is public.
  const units = await db
    .selectFrom('subjects')
    .select(SUBJECT_COLUMNS)
    .where('status', '=', 'active')
    .where('subject_type', '<>', 'individual')
    .where((eb) => eb.or([eb('public_name', '=', name), eb('public_name', 'like', `${escapeLike(name)}%`)]))
    // Exact matches first, then shorter (closer) names.
    .orderBy((eb) => eb.case().when('public_name', '=', name).then(0).else(1).end())
    .orderBy((eb) => eb.fn('length', ['public_name']))
    .orderBy('icp_number')
    .limit(cap)
    .execute();
  // Exact unit names, then the exactly-named individuals, then prefix matches.
  const exactUnits = units.filter((u) => u.public_name === name);
  const prefixUnits = units.filter((u) => u.public_name !== name);
  return bySubjects(db, [...exactUnits, ...individuals, ...prefixUnits].slice(0, cap));
}
