import { footerCheck, unfiledDomainNotServing } from './common.ts';
import type { ProvinceRules } from './types.ts';

/**
 * Fujian 福建 (闽). The office phone must reach the responsible person: the form can require the number, only a
 * reviewer's call can prove it reaches them. Legacy "individual subject cannot change" was dropped in 2022+.
 */
export const fujian: ProvinceRules = {
  code: 'fujian',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#fujian', 'YC the-rules/Fujian.md'],
  rules: {
    // "Latest 3-in-1 certificate" for units.
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    individualId: 'local_or_residence_permit',
    officePhoneRequired: true,
    unitSubjectChangeNeedsChangeCert: true,
    reviewerChecks: [
      footerCheck('fujian'),
      unfiledDomainNotServing('fujian'),
      {
        id: 'fujian.office_phone_reachable',
        subjects: 'all',
        on: 'any_person',
        message: {
          zhCN: '福建：办公电话须能直接联系到对应负责人，审核时将拨打核实',
          enUS: 'Fujian: the office phone must reach the responsible person; the reviewer will call it',
        },
        fix: { zhCN: '确认办公电话畅通且由负责人本人接听', enUS: 'Make sure the person answers the office phone' },
      },
    ],
  },
};
