import type { ProvinceRules } from './types.ts';

/**
 * Inner Mongolia 内蒙古 (蒙): adults only, non-local individuals with residence proof. Its offline cancellation
 * form belongs to T14 (offline cancellation), outside the online order types modelled here.
 */
export const neimenggu: ProvinceRules = {
  code: 'neimenggu',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#neimenggu', 'YC the-rules/Neimenggu.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    minAge: { unit: 18, individual: 18 },
    individualId: 'local_or_residence_permit',
    individualSubjectChange: 'only_to_own_unit',
  },
};
