import type { ProvinceRules } from './types.ts';

/** Anhui 安徽 (皖): legal person required; authorization letter for a non-legal-person website owner. */
export const anhui: ProvinceRules = {
  code: 'anhui',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#anhui', 'YC the-rules/Anhui.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
  },
};
