import { listRejections } from '../../adapters/db/order-repo.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderData } from '../../contracts/filing-data.ts';
import type { SubmissionChanges } from '../../contracts/review-api.ts';
import { submissionDiff } from '../../domain/privacy/submission-diff.ts';
import { getStaffOrder } from '../orders/order-access.ts';

/**
 * The diff a reviewer needs for a resubmission: the order's data now against what was handed in the time before,
 * and the reasons of the last return. Staff see only submitted orders (getStaffOrder).
 */
export async function submissionChanges(ctx: AppContext, orderId: string): Promise<SubmissionChanges> {
  const order = await getStaffOrder(ctx, orderId);
  const number = order.submissionCount;
  const previous =
    number > 1
      ? await ctx.db
          .selectFrom('order_submissions')
          .selectAll()
          .where('order_id', '=', order.id)
          .where('number', '=', number - 1)
          .executeTakeFirst()
      : undefined;
  const rejections = await listRejections(ctx.db, order.id);
  const last = rejections.at(-1);
  return {
    submissionNumber: number,
    previousSubmittedAt: previous ? new Date(previous.at).toISOString() : null,
    changes: previous ? submissionDiff(ctx.cipher.decryptJson(previous.data_enc) as OrderData, order.data) : [],
    lastReasons: previous && last ? last.reasons : [],
  };
}
