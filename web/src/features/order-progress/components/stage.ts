import { FILING_TYPE_INFO } from '../../../../../src/contracts/reference-data.ts';
import type { OrderView } from '../../orders/api/get-order.ts';

export type StageKey = 'submit' | 'provider' | 'authenticity' | 'sms' | 'admin' | 'result';

/** Which stage of the filing an order state belongs to (domain.md §3.2). */
export function stageOf(state: OrderView['state']): StageKey {
  switch (state) {
    case 'draft':
      return 'submit';
    case 'pending_provider_review':
    case 'provider_rejected':
      return 'provider';
    case 'pending_authenticity_verification':
    case 'authenticity_under_review':
    case 'authenticity_rejected':
      return 'authenticity';
    case 'submitting_to_admin':
    case 'pending_sms_verification':
    case 'returned_by_miit':
      return 'sms';
    case 'pending_admin_review':
    case 'admin_rejected':
      return 'admin';
    case 'approved':
    case 'completed_removed':
    case 'abandoned':
      return 'result';
  }
}

/** The stages this order goes through: authenticity only where the type and configuration have it after review. */
export function stagesOf(order: Pick<OrderView, 'type' | 'verificationStage'>): StageKey[] {
  const info = FILING_TYPE_INFO[order.type];
  const stages: StageKey[] = ['submit', 'provider'];
  if (info.needsAuthenticityVerification && order.verificationStage === 'after_provider_review') {
    stages.push('authenticity');
  }
  // MIIT verifies nobody for 取消接入 and 变更图片 (sms-targets.ts).
  if (order.type !== 'cancel_access' && order.type !== 'change_images') stages.push('sms');
  stages.push('admin', 'result');
  return stages;
}

export const REJECTED_STATES: readonly OrderView['state'][] = [
  'provider_rejected',
  'authenticity_rejected',
  'returned_by_miit',
  'admin_rejected',
];

/** States in which the page polls: someone else (provider, MIIT, 管局) is about to move the order. */
export const LIVE_STATES: readonly OrderView['state'][] = [
  'submitting_to_admin',
  'pending_sms_verification',
  'pending_admin_review',
];

/**
 * Solid tag colours with white text that pass WCAG AA (antd's preset "processing"/"success" tags do not: axe
 * flags their light-blue and light-green text).
 */
export const TAG_COLORS = {
  processing: '#0958d9',
  success: '#237804',
  error: '#cf1322',
  default: '#595959',
} as const;
