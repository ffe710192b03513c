import type { ProvinceRules } from './types.ts';

/** Ningxia 宁夏 (宁): local IDs only for individuals. Legacy "individual cannot change" is dropped (2022+). */
export const ningxia: ProvinceRules = {
  code: 'ningxia',
  sources: ['domain.md §7.1', 'province-rules.json#ningxia', 'YC the-rules/Ningxia.md'],
  rules: {
    legalPersonAsSubjectResponsible: 'required',
    individualId: 'local_only',
  },
};
