import type { ProvinceRules } from './types.ts';

/**
 * Sichuan 四川 (蜀): subject authorization letter instead of the legal person, adults only, residence proof for
 * anyone without a Sichuan ID (Hong Kong, Macao, Taiwan residents and foreigners too), and the "no pre-approval"
 * commitments (variant A: culture, live streaming, radio/TV, film; variant B: quasi-finance, publishing, medical
 * devices, games). The legacy financial-services undertaking is dropped.
 */
export const sichuan: ProvinceRules = {
  code: 'sichuan',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#sichuan', 'YC the-rules/Sichuan.md'],
  rules: {
    orgCodeCertificateAccepted: false,
    legalPersonAsSubjectResponsible: 'required_or_subject_auth_letter',
    minAge: { unit: 18, individual: 18 },
    individualId: 'local_or_residence_permit',
    extraMaterials: [
      {
        id: 'sichuan.no_preapproval_commitment',
        material: 'no_preapproval_commitment',
        subjects: 'all',
        on: 'new_or_access',
        perWebsite: false,
        when: { kind: 'no_pre_approval_declared' },
        label: {
          zhCN: '不涉及前置审批承诺书（文化/直播/广电/影视；类金融/出版/医疗器械/游戏）',
          enUS: 'No pre-approval commitments (culture/live/radio-TV/film; quasi-finance/publishing/medical devices/games)',
        },
        reason: {
          zhCN: '四川：网站不涉及前置审批时，需提供两份不涉及前置审批的承诺书',
          enUS: 'Sichuan: websites without pre-approvals sign both no pre-approval commitments',
        },
      },
    ],
  },
};
