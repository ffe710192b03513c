import type { ProvinceRules } from './types.ts';

/**
 * Chongqing 重庆 (渝): legal person required, authorization letter for other website owners, local IDs only for
 * individuals, and one website responsible person may not serve different subjects.
 */
export const chongqing: ProvinceRules = {
  code: 'chongqing',
  sources: ['domain.md §4.3, §7.1, §7.2', 'province-rules.json#chongqing', 'YC the-rules/Chongqing.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    websiteResponsibleUniqueAcrossSubjects: true,
    individualId: 'local_only',
    unitSubjectChangeNeedsChangeCert: true,
  },
};
