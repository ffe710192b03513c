import type { ProvinceRules } from './types.ts';

/**
 * Heilongjiang 黑龙江 (黑): unit website names are the sponsor's full or short name, local IDs and mobiles, a
 * distinct emergency phone, and an individual may only become a unit of which they are the legal person.
 */
export const heilongjiang: ProvinceRules = {
  code: 'heilongjiang',
  sources: ['domain.md §4.3, §7.1, §7.2', 'province-rules.json#heilongjiang', 'YC the-rules/Heilongjiang.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    minAge: { unit: 18 },
    individualId: 'local_only',
    localMobileRequired: 'all',
    emergencyPhoneMustDiffer: true,
    unitWebsiteNameMustMatchSponsor: true,
    individualSubjectChange: 'only_to_own_unit',
  },
};
