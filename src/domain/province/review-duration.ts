import type { ProvinceCode } from './provinces.ts';

/**
 * Expected durations of the review stages the portal shows (domain.md §3.8, frontend.md §5): the provider's
 * preliminary review takes 1–2 working days; the 管局 answers within 20 working days, Zhejiang within 30.
 */
export const PROVIDER_REVIEW_WORKING_DAYS = { min: 1, max: 2 } as const;
export const ADMIN_REVIEW_WORKING_DAYS_DEFAULT = 20;
const ADMIN_REVIEW_WORKING_DAYS_BY_PROVINCE: Partial<Record<ProvinceCode, number>> = { zhejiang: 30 };

/** Working days the provincial administration may take (20 unless the province is known to take longer). */
export const adminReviewWorkingDays = (province: string | null | undefined): number =>
  (province && ADMIN_REVIEW_WORKING_DAYS_BY_PROVINCE[province as ProvinceCode]) || ADMIN_REVIEW_WORKING_DAYS_DEFAULT;
