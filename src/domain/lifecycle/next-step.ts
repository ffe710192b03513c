import type { FilingType } from '../filing-type.ts';
import { ORDER_STATES, type OrderState } from '../order-state.ts';
import { ruleFor } from './transition-table.ts';
import type { ActorKind, OrderEventType } from './types.ts';

/**
 * What an action refused in the order's current state needs first. An applicant told only "not allowed now"
 * (or, worse, a completeness error for a step that is not due yet) goes in circles; this names the state, the
 * states where the action becomes possible, and the step the order is waiting for.
 */

type Bilingual = { zhCN: string; enUS: string };
export type AwaitedStep = { step: string; message: Bilingual };

const step = (name: string, zhCN: string, enUS: string): AwaitedStep => ({ step: name, message: { zhCN, enUS } });

const RESUBMIT = step(
  'applicant_resubmit',
  '请按驳回原因修改备案信息后重新提交',
  'Fix what the rejection names, then resubmit',
);
const VERIFY = step(
  'applicant_authenticity',
  '请上传网站负责人的核验照片或视频，并提交核验',
  'Upload the website responsible person’s verification photo or video, then hand it in',
);
const CLOSED = step(
  'none_order_closed',
  '该订单已结束；如需继续备案，请新建订单',
  'The order is closed; start a new order',
);

/** The step each state waits for, i.e. what has to happen before the order moves on. */
export const AWAITED_STEP: Record<OrderState, AwaitedStep> = {
  draft: step('applicant_submit', '请完成填写、上传材料并提交', 'Complete the form and materials, then submit'),
  pending_provider_review: step(
    'provider_review',
    '订单正在初审，请等待审核结果；需要时平台会通知您',
    'The order is in the provider review (初审); wait for its result, you will be notified',
  ),
  provider_rejected: RESUBMIT,
  pending_authenticity_verification: VERIFY,
  authenticity_under_review: step(
    'authenticity_review',
    '核验材料正在审核，请等待结果',
    'The verification is under review; wait for its result',
  ),
  authenticity_rejected: VERIFY,
  submitting_to_admin: step(
    'regulator_intake',
    '订单正在提交管局，请稍候',
    'The order is being handed to the administration',
  ),
  pending_sms_verification: step(
    'sms_verification',
    '请在24小时内完成工信部短信核验',
    'Complete MIIT’s SMS verification within the window',
  ),
  returned_by_miit: RESUBMIT,
  pending_admin_review: step(
    'admin_review',
    '订单正在管局审核，请等待结果',
    'The administration is reviewing the order; wait for its result',
  ),
  admin_rejected: RESUBMIT,
  approved: CLOSED,
  completed_removed: CLOSED,
  abandoned: CLOSED,
};

/** The states in which this actor may send this event for an order of this type (table order). */
export const statesAccepting = (type: FilingType, event: OrderEventType, actor: ActorKind): OrderState[] =>
  ORDER_STATES.filter((state) => ruleFor(type, state, event)?.actors.includes(actor) === true);

export type NotPossibleDetails = {
  state: OrderState;
  /** The event or action that was refused. */
  action: string;
  /** Where the action becomes possible ([] when it never does for this order). */
  allowedIn: readonly OrderState[];
  /** What must happen first. */
  required: AwaitedStep;
};

/** The details of an ORDER_TRANSITION_NOT_ALLOWED (or ORDER_NOT_EDITABLE) answer. */
export const notPossibleDetails = (
  state: OrderState,
  action: string,
  allowedIn: readonly OrderState[],
): NotPossibleDetails => ({ state, action, allowedIn, required: AWAITED_STEP[state] });
