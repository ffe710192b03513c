import type { ProvinceRules } from './types.ts';

/** Shanxi 山西 (晋): subject authorization letter instead of the legal person; Shanxi commitment letter. */
export const shanxi: ProvinceRules = {
  code: 'shanxi',
  sources: ['domain.md §7.1, §7.2, §5.2', 'province-rules.json#shanxi', 'YC the-rules/Shanxi.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required_or_subject_auth_letter',
    individualId: 'local_only',
    commitmentTemplate: {
      zhCN: '山西省互联网信息服务备案承诺书',
      enUS: 'Shanxi filing commitment letter',
    },
  },
};
