import { footerCheck, priorFilingMatches, unfiledDomainNotServing } from './common.ts';
import type { ProvinceRules } from './types.ts';

/**
 * Hunan 湖南 (湘): one website per application, adults only, Hunan mobiles for individuals (units only in legacy
 * pages), and a construction plan for every website of a subject that already has filings.
 */
export const hunan: ProvinceRules = {
  code: 'hunan',
  sources: ['domain.md §7.1, §7.2, §7.0', 'province-rules.json#hunan', 'YC the-rules/Hunan.md'],
  rules: {
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    minAge: { unit: 18, individual: 18 },
    localMobileRequired: 'individual',
    websitesPerSubmission: 1,
    extraMaterials: [
      {
        id: 'hunan.site_plan_subject_already_filed',
        material: 'site_plan',
        subjects: 'all',
        on: 'new_or_access',
        perWebsite: true,
        when: { kind: 'subject_already_filed' },
        reason: {
          zhCN: '湖南：主体已有备案时，新增网站需提供网站建设方案书（按撰写指引）',
          enUS: 'Hunan: a subject that already has filings gives a construction plan for each new website',
        },
      },
    ],
    reviewerChecks: [footerCheck('hunan'), unfiledDomainNotServing('hunan'), priorFilingMatches('hunan')],
  },
};
