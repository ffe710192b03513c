import type { SimSmsRow } from '../store/schema.ts';
import type { SimContext, SimTrx } from './context.ts';
import { SimulatorError } from './errors.ts';

export type SmsCandidate = SimSmsRow & { sms_deadline_at: Date | null; order_state: string };

/**
 * The persons a mobile is still expected to verify for, locked for update. One mobile may be pending in several
 * orders at once (a person responsible for websites of two subjects); the code tells them apart. Orders whose
 * 24 h window passed but which `tick()` has not returned yet are refused as expired rather than verified late.
 */
export async function pendingForMobile(trx: SimTrx, ctx: SimContext, mobile: string): Promise<SmsCandidate[]> {
  const rows = await trx
    .selectFrom('sim_sms_verification as v')
    .innerJoin('sim_order as o', 'o.ref', 'v.order_ref')
    .selectAll('v')
    .select(['o.sms_deadline_at', 'o.state as order_state'])
    .where('v.mobile', '=', mobile.trim())
    .where('v.state', '=', 'code_sent')
    .where('o.state', '=', 'sms_pending')
    .orderBy('v.id')
    .forUpdate()
    .execute();
  if (rows.length === 0) throw new SimulatorError('SMS_NOT_PENDING', { details: { mobile } });
  const now = ctx.clock.now().getTime();
  const live = rows.filter((r) => r.sms_deadline_at && r.sms_deadline_at.getTime() > now);
  if (live.length === 0) throw new SimulatorError('SMS_CODE_EXPIRED', { details: { mobile } });
  return live;
}
