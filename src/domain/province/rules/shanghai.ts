import type { ProvinceRules } from './types.ts';

/**
 * Shanghai 上海 (沪). "Local" means a resident ID starting 310: other Shanghai-coded IDs, like non-local ones,
 * need a Shanghai residence permit or household register (both uploaded as residence proof). The financial
 * commitment is an extra download; when it applies is not stated, so it is asked when the sponsor or a website
 * name uses finance wording [INF].
 */
export const shanghai: ProvinceRules = {
  code: 'shanghai',
  sources: ['domain.md §7.1, §7.2, §5.2', 'province-rules.json#shanghai', 'YC the-rules/Shanghai.md'],
  rules: {
    enterpriseCertificateTypes: ['business_license'],
    legalPersonAsSubjectResponsible: 'required',
    // 2023 template: authorization letter for a non-legal-person website owner.
    websiteAuthLetterIfNotLegalPerson: true,
    individualId: 'local_or_residence_permit',
    localResidentIdPrefix: '310',
    individualSubjectChange: 'only_to_own_unit',
    unitSubjectChangeNeedsChangeCert: true,
    commitmentTemplate: {
      zhCN: '上海市互联网信息服务备案承诺书（2023版）',
      enUS: 'Shanghai filing commitment letter (2023 edition)',
    },
    extraMaterials: [
      {
        id: 'shanghai.finance_commitment',
        material: 'finance_commitment',
        subjects: 'all',
        on: 'new_or_access',
        perWebsite: false,
        when: {
          kind: 'name_mentions',
          words: [
            '金融',
            '投资',
            '理财',
            '资产管理',
            '基金',
            '财富',
            '支付',
            '借贷',
            '贷款',
            '融资',
            '保险',
            '证券',
            '期货',
            '众筹',
          ],
        },
        reason: {
          zhCN: '上海：主办单位或网站名称涉及金融类字样，需提供金融业务承诺书',
          enUS: 'Shanghai: finance wording in the sponsor or website name needs the financial business commitment',
        },
      },
    ],
  },
};
