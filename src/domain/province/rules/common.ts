import { getProvince, type ProvinceCode } from '../provinces.ts';
import type { Bilingual, ExtraMaterialRule, ReviewerCheck } from './types.ts';

/**
 * Building blocks shared by several provinces. The same rule worded once keeps messages consistent and lets a
 * province module read like its row in domain.md §7.1/§7.2.
 */

const name = (code: ProvinceCode) => getProvince(code);

/** Filed live sites show the filing number linked to MIIT, and (optionally) a copyright notice, in the footer. */
export const footerCheck = (code: ProvinceCode, copyright = true): ReviewerCheck => ({
  id: `${code}.footer_filing_link${copyright ? '_and_copyright' : ''}`,
  subjects: 'all',
  on: 'website_data',
  message: {
    zhCN: `${name(code).nameZh}：已备案网站开通后须在首页底部展示备案号并链接至工信部备案系统${copyright ? '，并展示版权所有信息' : ''}`,
    enUS: `${name(code).nameEn}: live filed sites must show the filing number linked to the MIIT system in the footer${copyright ? ', plus a copyright notice' : ''}`,
  },
  fix: {
    zhCN: '检查主体名下已开通网站的页脚备案号链接与版权信息',
    enUS: "Check the footer number link and copyright line of the subject's live sites",
  },
});

/** An unfiled domain must not serve a website during the filing, or the filing fails. */
export const unfiledDomainNotServing = (code: ProvinceCode): ReviewerCheck => ({
  id: `${code}.unfiled_domain_not_serving`,
  subjects: 'all',
  on: 'new_websites',
  message: {
    zhCN: `${name(code).nameZh}：未备案域名不得开通网站，否则备案不通过`,
    enUS: `${name(code).nameEn}: an unfiled domain must not serve a website, or the filing fails`,
  },
  fix: { zhCN: '确认待备案域名当前无法访问到网站内容', enUS: 'Confirm the domain being filed serves no site yet' },
});

/** Henan is stricter: an unfiled domain must not even have DNS records. */
export const unfiledDomainNoDns = (code: ProvinceCode): ReviewerCheck => ({
  id: `${code}.unfiled_domain_no_dns`,
  subjects: 'all',
  on: 'new_websites',
  message: {
    zhCN: `${name(code).nameZh}：未备案域名不得设置任何解析记录，否则备案不通过`,
    enUS: `${name(code).nameEn}: an unfiled domain must have no DNS records, or the filing fails`,
  },
  fix: { zhCN: '删除待备案域名的全部解析记录', enUS: 'Remove all DNS records of the domain being filed' },
});

/** The data filed at the previous provider must match the current real data (Hunan, Jiangsu keep this rule). */
export const priorFilingMatches = (code: ProvinceCode): ReviewerCheck => ({
  id: `${code}.prior_filing_matches`,
  subjects: 'all',
  on: 'subject_filed_elsewhere',
  message: {
    zhCN: `${name(code).nameZh}：主体在其他接入商的已备案信息须与当前真实信息一致`,
    enUS: `${name(code).nameEn}: the filing held at the other provider must match the current real data`,
  },
  fix: {
    zhCN: '如不一致，先在原接入商办理变更，再在本平台提交',
    enUS: 'If it differs, file a change at the original provider first, then apply here',
  },
});

/** Change certificate reason, worded once. */
export const CHANGE_CERT_REASON: Bilingual = {
  zhCN: '单位主体变更登记信息，需提供市场监管（工商）部门出具的变更证明',
  enUS: 'A unit changing its registered data needs the change certificate from the market-regulation authority',
};

/** A provincial letter every order of that province uploads. */
export const orderLetter = (
  code: ProvinceCode,
  rule: string,
  material: ExtraMaterialRule['material'],
  label: Bilingual,
  subjects: ExtraMaterialRule['subjects'] = 'all',
): ExtraMaterialRule => ({
  id: `${code}.${rule}`,
  material,
  subjects,
  on: 'new_or_access',
  perWebsite: false,
  when: { kind: 'always' },
  label,
  reason: {
    zhCN: `${name(code).nameZh}管局要求提供：${label.zhCN}`,
    enUS: `Required by the ${name(code).nameEn} administration: ${label.enUS}`,
  },
});

/** "No education / off-campus training" letter, asked when no website declares the education pre-approval. */
export const noEducationCommitment = (code: ProvinceCode): ExtraMaterialRule => ({
  id: `${code}.no_education_commitment`,
  material: 'no_education_commitment',
  subjects: 'all',
  on: 'new_or_access',
  perWebsite: false,
  when: { kind: 'no_pre_approval_declared', preApproval: 'education' },
  reason: {
    zhCN: `${name(code).nameZh}：网站不涉及教育/校外培训时，需提供不涉及教育/校外培训承诺书`,
    enUS: `${name(code).nameEn}: websites without an education permit sign the no education/training commitment`,
  },
});
