import type { ProvinceRules } from './types.ts';

/**
 * Hebei 河北 (冀): non-Chinese citizens may not file, as subject or as any responsible person. Holders of
 * Hong Kong, Macao or Taiwan permits are Chinese citizens and are not affected. The legacy footer rule is dropped.
 */
export const hebei: ProvinceRules = {
  code: 'hebei',
  sources: ['domain.md §7.1', 'province-rules.json#hebei', 'YC the-rules/Hebei.md'],
  rules: {
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required',
    foreignNationals: 'forbidden',
  },
};
