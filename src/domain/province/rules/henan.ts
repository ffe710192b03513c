import { footerCheck, orderLetter, unfiledDomainNoDns } from './common.ts';
import type { ProvinceRules } from './types.ts';

/**
 * Henan 河南 (豫): one website per application, nobody under 18, local IDs only, and an unfiled domain must not
 * even resolve. Every order carries the Henan e-commerce statement. The legacy "domain certificate when 4 or
 * more domains" rule is covered: domain certificates are now required for every website.
 */
export const henan: ProvinceRules = {
  code: 'henan',
  sources: ['domain.md §7.1, §7.2, §8.3', 'province-rules.json#henan', 'YC the-rules/Henan.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    minAge: { unit: 18, individual: 18 },
    individualId: 'local_only',
    websitesPerSubmission: 1,
    individualSubjectChange: 'only_to_own_unit',
    unitSubjectChangeNeedsChangeCert: true,
    extraMaterials: [
      orderLetter('henan', 'ecommerce_note', 'ecommerce_note', {
        zhCN: '河南电子商务情况说明',
        enUS: 'Henan e-commerce statement',
      }),
    ],
    reviewerChecks: [footerCheck('henan'), unfiledDomainNoDns('henan')],
  },
};
