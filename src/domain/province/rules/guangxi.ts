import type { ProvinceRules } from './types.ts';

/** Guangxi 广西 (桂): legal person, authorization letter, and Guangxi mobiles for every responsible person. */
export const guangxi: ProvinceRules = {
  code: 'guangxi',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#guangxi', 'YC the-rules/Guangxi.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    localMobileRequired: 'all',
    unitSubjectChangeNeedsChangeCert: true,
  },
};
