import { footerCheck, unfiledDomainNotServing } from './common.ts';
import type { ProvinceRules } from './types.ts';

/** Gansu 甘肃 (陇): local IDs and Gansu mobiles only; a filed individual subject cannot be changed at all. */
export const gansu: ProvinceRules = {
  code: 'gansu',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#gansu', 'YC the-rules/Gansu.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    individualId: 'local_only',
    localMobileRequired: 'all',
    individualSubjectChange: 'forbidden',
    unitSubjectChangeNeedsChangeCert: true,
    reviewerChecks: [footerCheck('gansu'), unfiledDomainNotServing('gansu')],
  },
};
