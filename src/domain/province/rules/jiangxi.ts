import { noEducationCommitment } from './common.ts';
import type { ProvinceRules } from './types.ts';

/**
 * Jiangxi 江西 (赣): individuals need a Jiangxi ID whose address is in Jiangxi, foreigners cannot file as
 * individuals, and unit responsible persons without a Jiangxi ID give a Jiangxi residence permit. The legacy
 * red-fingerprint and authorization-letter rules are not in the 2022+ page.
 */
export const jiangxi: ProvinceRules = {
  code: 'jiangxi',
  sources: ['domain.md §7.1, §7.2, §7.3', 'province-rules.json#jiangxi', 'YC the-rules/Jiangxi.md'],
  rules: {
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required',
    unitResponsibleNonLocalNeedsResidenceProof: true,
    individualId: 'local_only',
    individualCertificateAddressMustBeLocal: true,
    foreignNationals: 'forbidden_for_individuals',
    individualSubjectChange: 'only_to_own_unit',
    unitSubjectChangeNeedsChangeCert: true,
    extraMaterials: [
      {
        id: 'jiangxi.no_preapproval_commitment',
        material: 'no_preapproval_commitment',
        subjects: 'all',
        on: 'new_or_access',
        perWebsite: false,
        when: { kind: 'no_pre_approval_declared' },
        reason: {
          zhCN: '江西：网站不涉及前置审批内容时，需提供不涉及前置审批内容的承诺书',
          enUS: 'Jiangxi: websites without pre-approvals sign the no pre-approval content commitment',
        },
      },
      noEducationCommitment('jiangxi'),
    ],
  },
};
