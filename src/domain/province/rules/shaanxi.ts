import { footerCheck, unfiledDomainNotServing } from './common.ts';
import type { ProvinceRules } from './types.ts';

/**
 * Shaanxi 陕西 (陕): distinct website names within a subject, at most 30 websites for a unit and 5 for an
 * individual, Shaanxi mobiles. Legacy rules (domain certificate from 5 filings, no individual change) are dropped.
 */
export const shaanxi: ProvinceRules = {
  code: 'shaanxi',
  sources: ['domain.md §4.3, §7.1, §7.2', 'province-rules.json#shaanxi', 'YC the-rules/Shaanxi.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    websiteAuthLetterIfNotLegalPerson: true,
    localMobileRequired: 'all',
    uniqueWebsiteNamesWithinSubject: true,
    maxWebsitesPerSubject: { unit: 30, individual: 5 },
    unitSubjectChangeNeedsChangeCert: true,
    reviewerChecks: [footerCheck('shaanxi'), unfiledDomainNotServing('shaanxi')],
  },
};
