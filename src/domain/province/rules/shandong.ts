import type { ProvinceRules } from './types.ts';

/** Shandong 山东 (鲁): business licence for enterprises; an individual may only become their own unit. */
export const shandong: ProvinceRules = {
  code: 'shandong',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#shandong', 'YC the-rules/Shandong.md'],
  rules: {
    enterpriseCertificateTypes: ['business_license'],
    legalPersonAsSubjectResponsible: 'required',
    individualSubjectChange: 'only_to_own_unit',
    unitSubjectChangeNeedsChangeCert: true,
  },
};
