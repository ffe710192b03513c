import type { ProvinceRules } from './types.ts';

/** Hainan 海南 (琼): only the legal-person requirement goes beyond the baseline. */
export const hainan: ProvinceRules = {
  code: 'hainan',
  sources: ['domain.md §7.1', 'province-rules.json#hainan', 'YC the-rules/Hainan.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
  },
};
