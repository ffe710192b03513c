import { orderLetter } from './common.ts';
import type { ProvinceRules } from './types.ts';

/** Xinjiang 新疆 (新): local IDs and mobiles; every filer gives a party-building certificate from the local CAC. */
export const xinjiang: ProvinceRules = {
  code: 'xinjiang',
  sources: ['domain.md §7.1, §7.2, §5.2', 'province-rules.json#xinjiang', 'YC the-rules/Xinjiang.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    individualId: 'local_only',
    localMobileRequired: 'all',
    extraMaterials: [
      orderLetter('xinjiang', 'party_building_cert', 'party_building_cert', {
        zhCN: '党建证明（当地网信办出具）',
        enUS: 'Party-building certificate from the local Cyberspace Administration office',
      }),
    ],
  },
};
