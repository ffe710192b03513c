import { footerCheck, orderLetter, priorFilingMatches } from './common.ts';
import type { ProvinceRules } from './types.ts';

/**
 * Jiangsu 江苏 (苏). The subject responsible person need not be the legal person, but if they are not, every
 * website responsible person must be that same person. Legacy "individual cannot change" is dropped (2022+).
 */
export const jiangsu: ProvinceRules = {
  code: 'jiangsu',
  sources: ['domain.md §4.3, §7.1, §7.2', 'province-rules.json#jiangsu', 'YC the-rules/Jiangsu.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'recommended',
    websiteResponsibleMustEqualSubjectResponsibleIfNotLegalPerson: true,
    websiteAuthLetterIfNotLegalPerson: true,
    individualId: 'local_or_residence_permit',
    localMobileRequired: 'all',
    unitSubjectChangeNeedsChangeCert: true,
    extraMaterials: [
      orderLetter('jiangsu', 'authenticity_notice', 'authenticity_notice', {
        zhCN: '网站备案信息真实性责任告知书',
        enUS: 'Notice of responsibility for the authenticity of filing data',
      }),
    ],
    reviewerChecks: [
      footerCheck('jiangsu'),
      priorFilingMatches('jiangsu'),
      {
        id: 'jiangsu.licence_duplicate_colour',
        subjects: 'unit',
        on: 'subject_data',
        message: {
          zhCN: '江苏：主办单位证件须上传三证合一营业执照副本的彩色图片',
          enUS: 'Jiangsu: upload a colour image of the duplicate (副本) of the 3-in-1 licence',
        },
        fix: { zhCN: '改为上传营业执照副本彩色扫描件', enUS: 'Upload a colour scan of the duplicate' },
      },
    ],
  },
};
