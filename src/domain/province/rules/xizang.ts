import type { ProvinceRules } from './types.ts';

/**
 * Tibet 西藏 (藏): JD publishes no rule page for Tibet (open question §10.14), so nothing is known beyond the
 * national baseline. Inventing stricter rules would block valid filings; the baseline applies unchanged.
 */
export const xizang: ProvinceRules = {
  code: 'xizang',
  sources: ['domain.md §7.1 (no JD page)', 'province-rules.json#xizang'],
  rules: {},
};
