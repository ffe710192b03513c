import type { ProvinceRules } from './types.ts';

/**
 * Tianjin 天津 (津). A unit's website responsible person must NOT be the legal person. The emergency phone
 * belongs to a third person (units: named with job title) or an immediate relative (individuals: named with
 * relationship) in the remarks: the form can check it differs from every responsible mobile and that a remark
 * exists; who answers it is for the reviewer.
 */
export const tianjin: ProvinceRules = {
  code: 'tianjin',
  sources: ['domain.md §4.2, §4.4, §7.1, §7.2', 'province-rules.json#tianjin', 'YC the-rules/Tianjin.md'],
  rules: {
    enterpriseCertificateTypes: ['business_license'],
    legalPersonAsSubjectResponsible: 'required',
    websiteResponsibleMustNotBeLegalPerson: true,
    minAge: { individual: 18 },
    localMobileRequired: 'all',
    emergencyPhoneMustDiffer: true,
    emergencyPhoneMustBeThirdParty: true,
    unitSubjectChangeNeedsChangeCert: true,
    reviewerChecks: [
      {
        id: 'tianjin.emergency_contact_third_person',
        subjects: 'unit',
        on: 'any_person',
        message: {
          zhCN: '天津：应急联系电话须为主体及网站负责人以外第三人的手机，并在备注中写明其姓名和职务',
          enUS: "Tianjin: the emergency phone is a third person's mobile; the remarks give their name and job title",
        },
        fix: { zhCN: '核对备注中的应急联系人姓名与职务', enUS: 'Check the name and title in the remarks' },
      },
      {
        id: 'tianjin.emergency_contact_relative',
        subjects: 'individual',
        on: 'any_person',
        message: {
          zhCN: '天津：应急联系电话须为直系亲属的手机，并在备注中写明使用人姓名及与本人关系',
          enUS: "Tianjin: the emergency phone is an immediate relative's mobile; the remarks give their name and relationship",
        },
        fix: { zhCN: '核对备注中的直系亲属姓名与关系', enUS: 'Check the relative and relationship in the remarks' },
      },
    ],
  },
};
