import type { ProvinceRules } from './types.ts';

/**
 * Zhejiang 浙江 (浙): individuals 18+, business licence for enterprises, individual → own unit only. The offline
 * cancellation form belongs to T14, outside the online order types modelled here.
 */
export const zhejiang: ProvinceRules = {
  code: 'zhejiang',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#zhejiang', 'YC the-rules/Zhejiang.md'],
  rules: {
    enterpriseCertificateTypes: ['business_license'],
    legalPersonAsSubjectResponsible: 'required',
    minAge: { individual: 18 },
    individualSubjectChange: 'only_to_own_unit',
    unitSubjectChangeNeedsChangeCert: true,
  },
};
