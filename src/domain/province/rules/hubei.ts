import { footerCheck, orderLetter, unfiledDomainNotServing } from './common.ts';
import type { ProvinceRules } from './types.ts';

/** Hubei 湖北 (鄂): one website per application, adults only, e-commerce note for enterprises. */
export const hubei: ProvinceRules = {
  code: 'hubei',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#hubei', 'YC the-rules/Hubei.md'],
  rules: {
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    minAge: { unit: 18, individual: 18 },
    individualId: 'local_or_residence_permit',
    websitesPerSubmission: 1,
    individualSubjectChange: 'only_to_own_unit',
    unitSubjectChangeNeedsChangeCert: true,
    extraMaterials: [
      orderLetter(
        'hubei',
        'ecommerce_note',
        'ecommerce_note',
        { zhCN: '湖北电子商务情况说明（企业）', enUS: 'Hubei e-commerce statement (enterprises)' },
        'enterprise',
      ),
    ],
    reviewerChecks: [footerCheck('hubei'), unfiledDomainNotServing('hubei')],
  },
};
