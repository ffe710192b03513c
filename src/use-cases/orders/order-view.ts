import { readOrderViewParts } from '../../adapters/db/order-view-parts.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderView } from '../../contracts/order-api.ts';
import { FILING_TYPE_INFO } from '../../domain/filing-type.ts';
import { allowedEvents } from '../../domain/lifecycle/transition.ts';
import { AUTHENTICITY_MATERIAL_KINDS, type MaterialKind } from '../../domain/material-kind.ts';
import type { Order } from '../../domain/order.ts';
import { EDITABLE_STATES, ORDER_STATE_LABELS } from '../../domain/order-state.ts';
import { maskOrderData } from '../../domain/privacy/mask.ts';
import { precheckOrder } from './precheck-order.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * hasAuthenticityMaterials (order-guards.ts) over the active materials the view already read, instead of a
 * second query: every website has a verification photo or video.
 */
const coversEveryWebsite = (order: Order, materials: { kind: string; websiteIndex: number | null }[]): boolean => {
  if (!FILING_TYPE_INFO[order.type].needsAuthenticityVerification) return true;
  const covered = new Set(
    materials.filter((m) => AUTHENTICITY_MATERIAL_KINDS.includes(m.kind as MaterialKind)).map((m) => m.websiteIndex),
  );
  return order.data.websites.every((_, i) => covered.has(i));
};

/**
 * What an applicant or a reviewer sees of an order: masked data, the actions the transition table allows this
 * audience now, the field-level rejection reasons, the pre-check and the regulator's progress.
 */
export async function buildOrderView(
  ctx: AppContext,
  order: Order,
  audience: 'applicant' | 'reviewer',
): Promise<OrderView> {
  const { rejections, materials } = await readOrderViewParts(ctx.db, order.id);
  const check =
    EDITABLE_STATES.includes(order.state) || (audience === 'reviewer' && order.state === 'pending_provider_review')
      ? await precheckOrder(ctx.db, ctx, order)
      : null;
  const actions = allowedEvents(
    {
      type: order.type,
      state: order.state,
      verificationStage: order.verificationStage,
      termsAccepted: order.termsAcceptedAt !== null,
      blockingFindings: check?.blocking ?? 0,
      authenticityComplete: coversEveryWebsite(order, materials),
    },
    audience,
  );
  const info = FILING_TYPE_INFO[order.type];
  const status = order.regulatorStatus;
  return {
    id: order.id,
    type: order.type,
    typeCode: info.code,
    typeName: { zhCN: info.nameZh, enUS: info.nameEn },
    typeReason: order.determination.reason ?? null,
    state: order.state,
    stateLabel: { zhCN: ORDER_STATE_LABELS[order.state].zh, enUS: ORDER_STATE_LABELS[order.state].en },
    version: order.version,
    verificationStage: order.verificationStage,
    province: order.province,
    data: maskOrderData(order.data),
    targetWebsiteIds: order.targetWebsiteIds,
    termsAccepted: order.termsAcceptedAt !== null,
    allowedActions: actions,
    rejections: rejections.map((r) => ({ stage: r.stage, reasons: r.reasons, at: r.at.toISOString() })),
    precheck: check,
    materials,
    sms:
      status?.state === 'sms_pending' && order.state === 'pending_sms_verification'
        ? {
            deadlineAt: status.deadlineAt,
            persons: status.persons.map(({ mobileMasked, roles, state, resendCount, wrongAttempts }) => ({
              mobileMasked,
              roles: roles ?? [],
              state,
              resendCount,
              wrongAttempts,
            })),
          }
        : null,
    numbers:
      status?.state === 'approved' && order.state === 'approved'
        ? { subjectNumber: status.subjectNumber, websites: status.websites }
        : null,
    submittedAt: iso(order.submittedAt),
    lastSubmittedAt: iso(order.lastSubmittedAt),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    closedAt: iso(order.closedAt),
  };
}
