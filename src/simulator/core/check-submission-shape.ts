import type { RejectionReason } from '../../contracts/filing-data.ts';
import { FILING_TYPE_INFO, FILING_TYPES } from '../../domain/filing-type.ts';
import type { RegulatorSubmission } from '../../domain/ports/regulator-gateway.ts';
import { findProvince } from '../../domain/province/provinces.ts';
import { registrableDomain } from './domain-names.ts';

const r = (field: string, code: string, message: string, suggestion?: string): RejectionReason =>
  suggestion ? { field, code, message, suggestion } : { field, code, message };

/**
 * Minimal structural checks MIIT's intake does before looking at any record. The platform validates the forms
 * thoroughly; the simulator only refuses what it could not process or what contradicts the filing type.
 */
export function checkSubmissionShape(s: RegulatorSubmission): RejectionReason[] {
  const out: RejectionReason[] = [];
  if (!FILING_TYPES.includes(s.type)) return [r('type', 'TYPE_UNKNOWN', `未知的备案类型：${String(s.type)}`)];
  if (!findProvince(s.province)) return [r('province', 'PROVINCE_UNKNOWN', `未知的省份：${String(s.province)}`)];
  const info = FILING_TYPE_INFO[s.type];

  if (s.type !== 'first_filing' && !s.subjectNumber?.trim()) {
    out.push(r('subjectNumber', 'SUBJECT_NUMBER_REQUIRED', '缺少主体备案号', '请填写已备案主体的主体备案号'));
  }
  if (info.carriesSubjectData && !s.subject) out.push(r('subject', 'SUBJECT_REQUIRED', '缺少主体信息'));
  if (s.subject && s.subject.province !== s.province) {
    out.push(r('subject.province', 'SUBJECT_PROVINCE_MISMATCH', '主体所属省份与受理管局不一致', '请核对主体所属省份'));
  }
  if ((info.category === 'new' || info.category === 'access') && s.websites.length === 0) {
    out.push(r('websites', 'WEBSITES_REQUIRED', '至少需要填写一个网站'));
  }
  if (s.type === 'change_website' || s.type === 'change_access') {
    if (s.websites.length === 0) out.push(r('websites', 'WEBSITES_REQUIRED', '至少需要一个待变更的网站'));
    s.websites.forEach((w, i) => {
      if (!w.websiteNumber) out.push(r(`websites.${i}.websiteNumber`, 'WEBSITE_NUMBER_REQUIRED', '缺少网站备案号'));
    });
  }
  if ((s.type === 'cancel_website' || s.type === 'cancel_access') && s.targetWebsiteNumbers.length === 0) {
    out.push(r('targetWebsiteNumbers', 'TARGET_WEBSITES_REQUIRED', '请指定要注销或取消接入的网站备案号'));
  }
  out.push(...checkDuplicateDomains(s), ...checkSmsTargets(s));
  return out;
}

function checkDuplicateDomains(s: RegulatorSubmission): RejectionReason[] {
  const seen = new Set<string>();
  const out: RejectionReason[] = [];
  s.websites.forEach((w, i) => {
    const d = registrableDomain(w.domain);
    if (d && seen.has(d)) {
      out.push(
        r(`websites.${i}.domain`, 'DOMAIN_DUPLICATED', `域名 ${d} 在本次申请中重复出现`, '每个网站填写不同的域名'),
      );
    }
    seen.add(d);
  });
  return out;
}

/** The same mobile means the same person to MIIT (domain.md §6.1), so it cannot carry two different IDs. */
function checkSmsTargets(s: RegulatorSubmission): RejectionReason[] {
  const out: RejectionReason[] = [];
  const idByMobile = new Map<string, string>();
  s.smsTargets.forEach((t, i) => {
    if (!/^1\d{10}$/.test(t.mobile)) {
      out.push(r(`smsTargets.${i}.mobile`, 'SMS_MOBILE_INVALID', '短信核验手机号须为11位中国大陆手机号'));
    }
    if (!/^[0-9A-Za-z]{6}$/.test(t.idLast6)) {
      out.push(r(`smsTargets.${i}.idLast6`, 'SMS_ID_LAST6_INVALID', '证件号码后6位格式不正确'));
    }
    const known = idByMobile.get(t.mobile);
    if (known !== undefined && known.toUpperCase() !== t.idLast6.toUpperCase()) {
      out.push(
        r(
          `smsTargets.${i}.mobile`,
          'SMS_MOBILE_SHARED',
          '同一手机号被不同证件的负责人使用',
          '同一手机号视为同一人，请为不同负责人填写各自的手机号',
        ),
      );
    }
    idByMobile.set(t.mobile, t.idLast6);
  });
  return out;
}
