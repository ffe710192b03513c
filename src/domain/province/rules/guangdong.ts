import { footerCheck } from './common.ts';
import type { ProvinceRules } from './types.ts';

const PLAN_REASON = {
  zhCN: '广东：主体累计域名前缀超过31个，需提供网站建设方案书及网站备案信息真实性保证书',
  enUS: 'Guangdong: more than 31 domain prefixes under the subject need a construction plan and an authenticity guarantee',
};

/**
 * Guangdong 广东 (粤). Minors may file as individuals with an employment certificate; non-local individuals show
 * residence (permit, property, rental or employer proof, all uploaded as residence proof). The legacy
 * Guangdong-specific verification form is not modelled (open question §10.17); its commitment letter is.
 */
export const guangdong: ProvinceRules = {
  code: 'guangdong',
  sources: ['domain.md §7.1, §7.2, §5.2', 'province-rules.json#guangdong', 'JC Management-specification/Guangdong.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    individualId: 'local_or_residence_permit',
    under18NeedsEmploymentCert: { unit: false, individual: true },
    emergencyPhoneMustDiffer: true,
    commitmentTemplate: {
      zhCN: '广东省互联网信息服务备案承诺书（单位/个人版）',
      enUS: 'Guangdong filing commitment letter (unit/individual edition)',
    },
    extraMaterials: [
      {
        id: 'guangdong.site_plan_over_31_prefixes',
        material: 'site_plan',
        subjects: 'all',
        on: 'new_or_access',
        perWebsite: true,
        when: { kind: 'subject_domains_over', threshold: 31 },
        reason: PLAN_REASON,
      },
      {
        id: 'guangdong.authenticity_guarantee_over_31_prefixes',
        material: 'authenticity_guarantee',
        subjects: 'all',
        on: 'new_or_access',
        perWebsite: false,
        when: { kind: 'subject_domains_over', threshold: 31 },
        reason: PLAN_REASON,
      },
    ],
    reviewerChecks: [
      // Guangdong asks for the number linked to the MIIT query; copyright is not mentioned.
      footerCheck('guangdong', false),
      {
        id: 'guangdong.filed_sites_reachable',
        subjects: 'all',
        on: 'website_data',
        message: {
          zhCN: '广东：主体已备案网站须可访问且内容与备案信息一致，否则不予新增域名/网站',
          enUS: "Guangdong: the subject's filed sites must be reachable and match their filing, or new websites are refused",
        },
        fix: {
          zhCN: '检查已备案网站的可访问性与内容',
          enUS: 'Check the filed sites are online and match their filing',
        },
      },
      {
        id: 'guangdong.individual_site_personal',
        subjects: 'individual',
        on: 'website_data',
        message: {
          zhCN: '广东：个人网站内容须为纯个人性质，不得含企业或其他非个人性质内容',
          enUS: 'Guangdong: an individual site must be purely personal, with no business or organisation content',
        },
        fix: { zhCN: '涉及经营内容请以单位主体备案', enUS: 'File business content under a unit subject' },
      },
    ],
  },
};
