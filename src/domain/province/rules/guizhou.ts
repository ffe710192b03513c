import type { ProvinceRules } from './types.ts';

/** Guizhou 贵州 (黔): nobody under 18; non-local individuals need a Guizhou residence permit. */
export const guizhou: ProvinceRules = {
  code: 'guizhou',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#guizhou', 'YC the-rules/Guizhou.md'],
  rules: {
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    minAge: { unit: 18, individual: 18 },
    individualId: 'local_or_residence_permit',
  },
};
