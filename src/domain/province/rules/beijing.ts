import { noEducationCommitment } from './common.ts';
import type { ProvinceRules } from './types.ts';

/**
 * Beijing 北京 (京). The 2022–2023 page no longer says the subject responsible person must be the legal person
 * (legacy pages did; open question §10.10), so the baseline recommendation stands. Legacy ccTLD and multi-domain
 * form rules are not modelled: current flows allow one domain per website.
 */
export const beijing: ProvinceRules = {
  code: 'beijing',
  sources: ['domain.md §7.1, §7.2', 'province-rules.json#beijing', 'YC the-rules/Beijing.md'],
  rules: {
    // The page words it "营业执照" only.
    enterpriseCertificateTypes: ['business_license'],
    // A filed individual cannot become another person or a unit.
    individualSubjectChange: 'no_identity_change',
    unitSubjectChangeNeedsChangeCert: true,
    extraMaterials: [noEducationCommitment('beijing')],
    reviewerChecks: [
      {
        id: 'beijing.vertical_licence_number_visible',
        subjects: 'enterprise',
        on: 'subject_data',
        message: {
          zhCN: '北京：竖版营业执照须露出右上角编号；横版可用正本或副本',
          enUS: 'Beijing: a vertical licence must show the top-right number; a horizontal one may be original or duplicate',
        },
        fix: { zhCN: '重新上传完整的营业执照图片', enUS: 'Upload a complete image of the licence' },
      },
    ],
  },
};
