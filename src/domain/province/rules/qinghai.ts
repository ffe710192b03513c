import type { ProvinceRules } from './types.ts';

/** Qinghai 青海 (青): legal person, authorization letter, local IDs only for individuals. */
export const qinghai: ProvinceRules = {
  code: 'qinghai',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#qinghai', 'YC the-rules/Qinghai.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    individualId: 'local_only',
  },
};
