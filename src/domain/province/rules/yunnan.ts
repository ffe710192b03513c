import type { ProvinceRules } from './types.ts';

/**
 * Yunnan 云南 (滇): local IDs only for individuals; a website responsible person under 18 (unit or individual)
 * files with an employment certificate rather than being refused.
 */
export const yunnan: ProvinceRules = {
  code: 'yunnan',
  sources: ['domain.md §7.1, §7.2, §5.2', 'province-rules.json#yunnan', 'YC the-rules/Yunnan.md'],
  rules: {
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required',
    individualId: 'local_only',
    under18NeedsEmploymentCert: { unit: true, individual: true },
  },
};
