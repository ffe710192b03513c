import type { RejectionReason } from '../../contracts/filing-data.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { getProvince, type ProvinceCode } from '../../domain/province/provinces.ts';
import type { SimSubjectRow, SimWebsiteRow } from '../store/schema.ts';
import type { SimTrx } from './context.ts';
import { registrableDomain } from './domain-names.ts';
import { type FilerIdentity, filerFromRecord, filerFromSubject } from './filer-identity.ts';

export type RecordCheck = {
  reasons: RejectionReason[];
  subject: SimSubjectRow | null;
  filer: FilerIdentity | null;
  /** Domains MIIT must verify for this order, with the field path its reasons point at. */
  domainsToVerify: Array<{ domain: string; field: string }>;
  /** Filed websites the order touches (access, change and cancel types), by website number. */
  touched: Map<string, SimWebsiteRow>;
};

const r = (field: string, code: string, message: string, suggestion?: string): RejectionReason =>
  suggestion ? { field, code, message, suggestion } : { field, code, message };

const NEW_TYPES = new Set(['first_filing', 'add_website_subject_here', 'add_website_subject_elsewhere']);
const ACCESS_TYPES = new Set(['add_access_subject_here', 'add_access_subject_elsewhere']);
const EDIT_TYPES = new Set(['change_subject', 'change_website', 'change_access']);

/**
 * Checks a submission against the national records: the subject number, the domains' filing status and the
 * websites it edits or cancels. Runs at intake and again at approval, because another order may have changed the
 * records in between (a domain filed by someone else, a website cancelled).
 */
export async function checkRecords(trx: SimTrx, s: RegulatorSubmission): Promise<RecordCheck> {
  const out: RecordCheck = { reasons: [], subject: null, filer: null, domainsToVerify: [], touched: new Map() };
  if (s.type === 'first_filing') {
    if (s.subject) {
      const existing = await trx
        .selectFrom('sim_subject')
        .select('number')
        .where('certificate_number', '=', s.subject.certificateNumber.trim().toUpperCase())
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (existing) {
        out.reasons.push(
          r(
            'subject.certificateNumber',
            'SUBJECT_ALREADY_FILED',
            `该主体已备案，主体备案号为 ${existing.number}`,
            '请勾选“主体信息已经备案”并填写主体备案号，按新增网站或新增接入办理',
          ),
        );
      }
    }
  } else {
    out.subject = await loadSubject(trx, s, out.reasons);
    if (!out.subject) return out;
    if (s.type === 'change_subject' && s.subject) await checkNewCertificate(trx, s.subject.certificateNumber, out);
  }
  out.filer = s.subject ? filerFromSubject(s.subject) : out.subject ? filerFromRecord(out.subject) : null;
  await checkWebsites(trx, s, out);
  return out;
}

/** A subject change may not move the subject onto a certificate that already has its own active subject. */
async function checkNewCertificate(trx: SimTrx, certificateNumber: string, out: RecordCheck) {
  const cert = certificateNumber.trim().toUpperCase();
  if (cert === out.subject?.certificate_number) return;
  const other = await trx
    .selectFrom('sim_subject')
    .select('number')
    .where('certificate_number', '=', cert)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (other) {
    out.reasons.push(
      r(
        'subject.certificateNumber',
        'SUBJECT_ALREADY_FILED',
        `该证件已有备案主体 ${other.number}`,
        '请核对主体证件号码',
      ),
    );
  }
}

async function loadSubject(trx: SimTrx, s: RegulatorSubmission, reasons: RejectionReason[]) {
  const number = s.subjectNumber?.trim() ?? '';
  const subject = await trx.selectFrom('sim_subject').selectAll().where('number', '=', number).executeTakeFirst();
  if (!subject) {
    reasons.push(r('subjectNumber', 'SUBJECT_NUMBER_NOT_FOUND', `主体备案号 ${number} 不存在`, '请核对主体备案号'));
    return null;
  }
  if (subject.status !== 'active') {
    reasons.push(r('subjectNumber', 'SUBJECT_CANCELLED', `主体备案号 ${number} 已注销`, '请按首次备案重新办理'));
    return null;
  }
  if (subject.province !== s.province) {
    const prov = getProvince(subject.province as ProvinceCode).nameZh;
    reasons.push(r('province', 'SUBJECT_PROVINCE_MISMATCH', `该主体由${prov}管局备案，须向${prov}管局提交`));
    return null;
  }
  // Types that re-enter subject data for a subject filed elsewhere must match the existing filing (§2.2 T3/T5).
  if (s.subject && (s.type === 'add_website_subject_elsewhere' || s.type === 'add_access_subject_elsewhere')) {
    const sameCert = s.subject.certificateNumber.trim().toUpperCase() === subject.certificate_number;
    if (!sameCert || s.subject.sponsorName.trim() !== subject.name) {
      reasons.push(
        r(
          sameCert ? 'subject.sponsorName' : 'subject.certificateNumber',
          'SUBJECT_DATA_MISMATCH',
          '主体信息与已备案的主体信息不一致',
          '请按已备案信息填写；如主体信息已变化，请先办理主体变更',
        ),
      );
      return null;
    }
  }
  return subject;
}

async function checkWebsites(trx: SimTrx, s: RegulatorSubmission, out: RecordCheck): Promise<void> {
  const subjectId = out.subject?.id;
  const domains = s.websites.map((w) => registrableDomain(w.domain)).filter(Boolean);
  const filedByDomain = new Map<string, SimWebsiteRow>();
  if (domains.length > 0) {
    const rows = await trx
      .selectFrom('sim_website')
      .selectAll()
      .where('domain', 'in', domains)
      .where('status', '=', 'active')
      .execute();
    for (const w of rows) filedByDomain.set(w.domain, w);
  }
  const own = new Map<string, SimWebsiteRow>();
  if (subjectId !== undefined) {
    const rows = await trx
      .selectFrom('sim_website')
      .selectAll()
      .where('subject_id', '=', subjectId)
      .where('status', '=', 'active')
      .execute();
    for (const w of rows) own.set(w.number, w);
  }
  const reasons = out.reasons;

  s.websites.forEach((w, i) => {
    const field = `websites.${i}.domain`;
    const domain = registrableDomain(w.domain);
    const filed = filedByDomain.get(domain);
    if (NEW_TYPES.has(s.type)) {
      if (!filed) out.domainsToVerify.push({ domain: w.domain, field });
      else if (filed.subject_id === subjectId) {
        reasons.push(
          r(field, 'DOMAIN_ALREADY_FILED', `域名 ${domain} 已在本主体下备案（${filed.number}）`, '请办理新增接入'),
        );
      } else {
        reasons.push(
          r(field, 'DOMAIN_ALREADY_FILED', `域名 ${domain} 已在其他主体下备案`, '请先由现备案主体注销该网站或取消接入'),
        );
      }
    } else if (ACCESS_TYPES.has(s.type)) {
      if (!filed) {
        reasons.push(r(field, 'DOMAIN_NOT_FILED', `域名 ${domain} 尚未备案，不能办理接入`, '请改为办理新增网站'));
      } else if (filed.subject_id !== subjectId) {
        reasons.push(
          r(
            field,
            'DOMAIN_FILED_UNDER_OTHER_SUBJECT',
            `域名 ${domain} 不在主体 ${s.subjectNumber} 下备案`,
            '请核对域名与主体备案号',
          ),
        );
      } else {
        out.touched.set(filed.number, filed);
        out.domainsToVerify.push({ domain: w.domain, field });
      }
    } else if (EDIT_TYPES.has(s.type) && w.websiteNumber) {
      const current = own.get(w.websiteNumber);
      if (!current) {
        reasons.push(
          r(`websites.${i}.websiteNumber`, 'WEBSITE_NOT_FOUND', `本主体下没有有效的网站 ${w.websiteNumber}`),
        );
        return;
      }
      out.touched.set(current.number, current);
      if (domain === current.domain) return;
      if (s.type === 'change_access') {
        reasons.push(r(field, 'DOMAIN_CHANGE_NOT_ALLOWED', '变更接入不能修改域名', '修改域名请办理网站变更'));
      } else if (filed) {
        reasons.push(r(field, 'DOMAIN_ALREADY_FILED', `域名 ${domain} 已有备案号 ${filed.number}`, '请更换域名'));
      } else out.domainsToVerify.push({ domain: w.domain, field });
    }
  });

  if (s.type === 'cancel_website' || s.type === 'cancel_access') {
    s.targetWebsiteNumbers.forEach((n, i) => {
      const field = `targetWebsiteNumbers.${i}`;
      const website = own.get(n);
      if (!website) reasons.push(r(field, 'WEBSITE_NOT_FOUND', `本主体下没有有效的网站 ${n}`));
      else if (s.type === 'cancel_access' && website.access_provider_count === 0) {
        reasons.push(r(field, 'ACCESS_NOT_FOUND', `网站 ${n} 当前没有接入商，无需取消接入`));
      } else out.touched.set(n, website);
    });
  }
}
