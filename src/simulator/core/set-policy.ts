import { PROVINCE_CODES } from '../../domain/province/provinces.ts';
import type { ReviewMode } from '../store/schema.ts';
import type { ReviewPolicy } from './admin-review.ts';
import type { SimContext } from './context.ts';
import { SimulatorError } from './errors.ts';

/** Sets how a province's administration reviews (manual, or automatic after a delay). Applies to orders in review too. */
export async function setPolicy(
  ctx: SimContext,
  province: string,
  policy: { mode: ReviewMode; delaySeconds: number },
): Promise<ReviewPolicy> {
  if (!(PROVINCE_CODES as readonly string[]).includes(province)) {
    throw new SimulatorError('NOT_FOUND', { message: `未知的省份：${province}`, details: { province } });
  }
  if (!Number.isInteger(policy.delaySeconds) || policy.delaySeconds < 0) {
    throw new SimulatorError('INVALID_INPUT', { message: 'delaySeconds 须为非负整数' });
  }
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('sim_review_policy')
    .values({ province, mode: policy.mode, delay_seconds: policy.delaySeconds, updated_at: now })
    .onConflict((oc) =>
      oc.column('province').doUpdateSet({ mode: policy.mode, delay_seconds: policy.delaySeconds, updated_at: now }),
    )
    .execute();
  return { province, mode: policy.mode, delaySeconds: policy.delaySeconds };
}

export async function listPolicies(ctx: SimContext): Promise<ReviewPolicy[]> {
  const rows = await ctx.db.selectFrom('sim_review_policy').selectAll().execute();
  const set = new Map(rows.map((r) => [r.province, r]));
  return PROVINCE_CODES.map((province) => {
    const r = set.get(province);
    return r
      ? { province, mode: r.mode, delaySeconds: r.delay_seconds }
      : { province, ...ctx.options.defaultReviewPolicy };
  });
}
