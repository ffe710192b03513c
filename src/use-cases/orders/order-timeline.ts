import type { AppContext } from '../../app-context.ts';
import type { TimelineActor, TimelineEntry, TimelineResponse } from '../../contracts/timeline-api.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrderEventType } from '../../domain/lifecycle/types.ts';
import { ORDER_STATE_LABELS, ORDER_STATES, type OrderState } from '../../domain/order-state.ts';
import {
  ADMIN_REVIEW_WORKING_DAYS_DEFAULT,
  adminReviewWorkingDays,
  PROVIDER_REVIEW_WORKING_DAYS,
} from '../../domain/province/review-duration.ts';
import type { AuthUser } from '../../domain/roles.ts';

type Text = { zhCN: string; enUS: string };
const tx = (zhCN: string, enUS: string): Text => ({ zhCN, enUS });

/** What each recorded step is called on the applicant's timeline. */
const EVENT_TITLES: Record<'created' | 'terms_accepted' | OrderEventType, Text> = {
  created: tx('创建备案申请', 'Filing started'),
  terms_accepted: tx('同意备案协议', 'Agreements accepted'),
  submit: tx('提交备案申请', 'Filing submitted'),
  resubmit: tx('修改信息后重新提交', 'Resubmitted after changes'),
  provider_approve: tx('初审通过', 'Preliminary review passed'),
  provider_reject: tx('初审驳回', 'Rejected in preliminary review'),
  authenticity_submit: tx('提交真实性核验材料', 'Verification photos handed in'),
  authenticity_approve: tx('真实性核验通过', 'Authenticity verification passed'),
  authenticity_reject: tx('真实性核验未通过', 'Authenticity verification rejected'),
  regulator_accepted: tx('工信部已受理', 'Accepted by MIIT'),
  regulator_rejected: tx('工信部受理退回', 'Refused by MIIT at intake'),
  sms_all_verified: tx('短信核验完成', 'SMS verification completed'),
  sms_failed: tx('短信核验失败，已退回', 'SMS verification failed; returned'),
  sms_window_expired: tx('短信核验超时，已退回', 'SMS not verified in time; returned'),
  admin_approve: tx('管局审核通过', 'Approved by the administration'),
  admin_reject: tx('管局审核驳回', 'Rejected by the administration'),
  abandon: tx('放弃备案', 'Filing abandoned'),
  draft_expired: tx('草稿长期未提交，已关闭', 'Draft closed after long inactivity'),
};

const ACTOR_LABELS: Record<TimelineActor, Text> = {
  applicant: tx('申请人', 'Applicant'),
  provider_reviewer: tx('接入商审核员', 'Provider reviewer'),
  provider_admin: tx('接入商管理员', 'Provider administrator'),
  miit: tx('工信部', 'MIIT'),
  administration: tx('管局', 'Provincial administration'),
  system: tx('系统', 'System'),
};

/** The party behind an audit row: staff by role only (never who), MIIT and the 管局 by what they decided. */
const actorOf = (role: string, event: string): TimelineActor => {
  switch (role) {
    case 'applicant':
    case 'sub_account':
      return 'applicant';
    case 'reviewer':
      return 'provider_reviewer';
    case 'admin':
      return 'provider_admin';
    case 'regulator':
      return event === 'admin_approve' || event === 'admin_reject' ? 'administration' : 'miit';
    default:
      return 'system';
  }
};

const asState = (s: string | null): OrderState | null =>
  s && (ORDER_STATES as readonly string[]).includes(s) ? (s as OrderState) : null;

/**
 * The applicant's history of one order, built from the hash-chained audit log: creation, the agreements and
 * every lifecycle transition, oldest first. Saves, uploads and reads are left out (they are not steps), and no
 * row carries personal data or a staff member's identity.
 */
export async function getOrderTimeline(ctx: AppContext, user: AuthUser, orderId: string): Promise<TimelineResponse> {
  const order = await ctx.db
    .selectFrom('filing_orders')
    .select(['account_id', 'province'])
    .where('id', '=', orderId)
    .executeTakeFirst();
  // Another account's order answers like a missing one (order-access.ts).
  if (!order || order.account_id !== user.accountId) throw new DomainError('ORDER_NOT_FOUND');
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'actor_role', 'action', 'from_state', 'to_state'])
    .where('order_id', '=', orderId)
    .where('action', 'like', 'order.%')
    .orderBy('id')
    .execute();
  const items: TimelineEntry[] = [];
  for (const r of rows) {
    const event = r.action.slice('order.'.length);
    const title = EVENT_TITLES[event as keyof typeof EVENT_TITLES];
    if (!title) continue;
    const actor = actorOf(r.actor_role, event);
    const toState = asState(r.to_state);
    items.push({
      at: r.at.toISOString(),
      event,
      title:
        event === 'regulator_accepted' && toState === 'pending_sms_verification'
          ? tx('工信部已受理，已发送核验短信', 'Accepted by MIIT; verification SMS sent')
          : title,
      actor,
      actorLabel: ACTOR_LABELS[actor],
      fromState: asState(r.from_state),
      toState,
      toStateLabel: toState ? tx(ORDER_STATE_LABELS[toState].zh, ORDER_STATE_LABELS[toState].en) : null,
    });
  }
  return {
    orderId,
    items,
    expected: {
      providerReviewWorkingDays: { ...PROVIDER_REVIEW_WORKING_DAYS },
      adminReviewWorkingDays: order.province
        ? adminReviewWorkingDays(order.province)
        : ADMIN_REVIEW_WORKING_DAYS_DEFAULT,
    },
  };
}
