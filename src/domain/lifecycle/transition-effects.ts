import type { RejectionReason } from '../../contracts/filing-data.ts';
import { DomainError } from '../errors.ts';
import { FILING_TYPE_INFO, type FilingType } from '../filing-type.ts';
import type { Effect, OrderEventType, RejectionStage } from './types.ts';

/** Building blocks for the transition table's effects and rejection reasons. */

/**
 * Types whose order brings websites to be served here, each bound to an authorization code (T1–T8). Reserve,
 * consume and release use the same predicate so a code held by an order always ends up USED or UNUSED again.
 * T6 is included because a subject change may also rewrite every website (changeScope.websites); for a
 * subject-only change the order holds no codes and the effects are no-ops. T9–T12 carry no website data:
 * emitting reserve there would try to re-reserve the live website's code, which is already USED.
 */
export const holdsAuthorizationCodes = (type: FilingType): boolean => FILING_TYPE_INFO[type].carriesWebsiteData;

export const codeEffects = (type: FilingType, kind: 'reserve' | 'consume' | 'release'): Effect[] =>
  holdsAuthorizationCodes(type) ? [{ kind: `authorization_codes.${kind}` }] : [];

export const rejection = (stage: RejectionStage, reasons: RejectionReason[]): Effect => ({
  kind: 'rejection.record',
  stage,
  reasons,
});

/** A reviewer must tell the applicant what to fix; an empty list is a client bug, not a decision. */
export const requireReasons = (event: OrderEventType, reasons: RejectionReason[]): RejectionReason[] => {
  if (reasons.length === 0) {
    throw new DomainError('VALIDATION_FAILED', { details: { event, field: 'reasons', problem: 'empty' } });
  }
  return reasons;
};

/**
 * Regulator events report what already happened at MIIT; refusing them would leave the order out of step.
 * So an empty list is replaced by a generic reason the applicant can still act on.
 */
export const regulatorReasons = (reasons: RejectionReason[], fallback: RejectionReason): RejectionReason[] =>
  reasons.length > 0 ? reasons : [fallback];

export const NO_REASON_GIVEN: RejectionReason = {
  field: 'order',
  code: 'NO_REASON_GIVEN',
  message: '管局未提供驳回原因，请联系客服确认后修改再提交',
};

export const SMS_FAILED: RejectionReason = {
  field: 'sms',
  code: 'SMS_VERIFICATION_FAILED',
  message: '短信核验失败（证件号码后6位多次输入错误），工信部已退回',
  suggestion: '请核对负责人证件号码后重新提交',
};

export const smsNotVerifiedInTime = (hours: number): RejectionReason => ({
  field: 'sms',
  code: 'SMS_NOT_VERIFIED_IN_TIME',
  message: `未在${hours}小时内完成全部短信核验，工信部已退回`,
  suggestion: '请确认各负责人手机能正常接收短信后重新提交',
});

const HOUR_MS = 3_600_000;

/** The SMS window counts from when MIIT accepted the order, our proxy for "received the SMS" (§10 q4). */
export const smsWindowDueAt = (now: Date, hours: number): Date => new Date(now.getTime() + hours * HOUR_MS);

/** Leaving the SMS window for any reason cancels its timer: a later firing must not act on a moved order. */
export const DISARM_SMS: Effect = { kind: 'deadline.disarm', deadline: 'sms_window' };
export const DISARM_DRAFT: Effect = { kind: 'deadline.disarm', deadline: 'draft_idle' };
