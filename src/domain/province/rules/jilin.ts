import type { ProvinceRules } from './types.ts';

/** Jilin 吉林 (吉): a non-legal-person subject responsible person needs the Jilin authorization letter. */
export const jilin: ProvinceRules = {
  code: 'jilin',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#jilin', 'YC the-rules/Jilin.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required_or_subject_auth_letter',
    individualId: 'local_or_residence_permit',
    localMobileRequired: 'all',
    individualSubjectChange: 'only_to_own_unit',
  },
};
