import type { ProvinceRules } from './types.ts';

/** Liaoning 辽宁 (辽): unit persons 18+, Liaoning mobiles, emergency phone distinct from the mobile. */
export const liaoning: ProvinceRules = {
  code: 'liaoning',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#liaoning', 'YC the-rules/Liaoning.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    minAge: { unit: 18 },
    localMobileRequired: 'all',
    emergencyPhoneMustDiffer: true,
    individualSubjectChange: 'only_to_own_unit',
    unitSubjectChangeNeedsChangeCert: true,
  },
};
