/** Filing-order states (domain.md §3.2). The string values are also the DB values. */
export const ORDER_STATES = [
  'draft',
  'pending_provider_review',
  'provider_rejected',
  'pending_authenticity_verification',
  'authenticity_under_review',
  'authenticity_rejected',
  'submitting_to_admin',
  'pending_sms_verification',
  'returned_by_miit',
  'pending_admin_review',
  'admin_rejected',
  'approved',
  'completed_removed',
  'abandoned',
] as const;

export type OrderState = (typeof ORDER_STATES)[number];

export const TERMINAL_STATES: readonly OrderState[] = ['approved', 'completed_removed', 'abandoned'];

export const isTerminal = (s: OrderState): boolean => TERMINAL_STATES.includes(s);

/** States in which the applicant may edit the order's data (draft, or after a rejection/return). */
export const EDITABLE_STATES: readonly OrderState[] = [
  'draft',
  'provider_rejected',
  'admin_rejected',
  'returned_by_miit',
];

export const ORDER_STATE_LABELS: Record<OrderState, { zh: string; en: string }> = {
  draft: { zh: '填写中', en: 'Draft' },
  pending_provider_review: { zh: '待初审', en: 'Awaiting provider review' },
  provider_rejected: { zh: '初审驳回', en: 'Rejected by provider' },
  pending_authenticity_verification: { zh: '待真实性核验', en: 'Awaiting authenticity verification' },
  authenticity_under_review: { zh: '核验审核中', en: 'Verification under review' },
  authenticity_rejected: { zh: '核验未通过', en: 'Verification rejected' },
  submitting_to_admin: { zh: '提交管局中', en: 'Submitting to the administration' },
  pending_sms_verification: { zh: '待短信核验', en: 'Awaiting SMS verification' },
  returned_by_miit: { zh: '工信部退回', en: 'Returned by MIIT' },
  pending_admin_review: { zh: '管局审核中', en: 'Under administration review' },
  admin_rejected: { zh: '管局驳回', en: 'Rejected by the administration' },
  approved: { zh: '备案成功', en: 'Approved' },
  completed_removed: { zh: '已完成（已注销/已取消接入）', en: 'Completed (removed)' },
  abandoned: { zh: '已放弃', en: 'Abandoned' },
};
