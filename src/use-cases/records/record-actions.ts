import type { AppContext } from '../../app-context.ts';
import type { RecordAction, RecordActionBlock, RecordActionView } from '../../contracts/records-api.ts';
import { FILING_TYPE_INFO, type FilingType } from '../../domain/filing-type.ts';
import { ORDER_STATE_LABELS, type OrderState, TERMINAL_STATES } from '../../domain/order-state.ts';
import type { AuthUser } from '../../domain/roles.ts';

/** The texts of the reasons, as the portal shows them beside a disabled action. */
const BLOCK_TEXT: Record<RecordActionBlock, { zhCN: string; enUS: string }> = {
  SUB_ACCOUNT_CANNOT_FILE: {
    zhCN: '子账号不能办理备案，请使用主账号操作',
    enUS: 'Sub-accounts cannot file; use the main account',
  },
  ACCOUNT_NOT_REAL_NAME_VERIFIED: {
    zhCN: '账号未完成实名认证，完成后才能办理备案',
    enUS: 'The account is not real-name verified yet; filing needs a verified account',
  },
  ORDER_ALREADY_OPEN: {
    zhCN: '已有进行中的备案订单，请先完成或放弃该订单',
    enUS: 'An order is already open; finish or abandon it first',
  },
  TYPE_NO_SUBJECT_HERE: {
    zhCN: '本账号尚无已备案的主体',
    enUS: 'This account has no filed subject here yet',
  },
  WEBSITE_NOT_ACTIVE: {
    zhCN: '该网站不是已备案状态，不能办理变更或注销',
    enUS: 'This website is not an active filing; it cannot be changed or cancelled',
  },
};

export const SUBJECT_ACTIONS: readonly RecordAction[] = [
  'file_website',
  'change_subject',
  'change_images',
  'cancel_subject',
];
export const WEBSITE_ACTIONS: readonly RecordAction[] = [
  'change_website',
  'change_access',
  'cancel_website',
  'cancel_access',
];

export type OpenOrder = {
  id: string;
  type: FilingType;
  typeName: { zhCN: string; enUS: string };
  state: OrderState;
  stateLabel: { zhCN: string; enUS: string };
  targetWebsiteIds: string[];
};

/** The account's open order (at most one: the partial unique index on filing_orders guarantees it). */
export async function findOpenOrder(ctx: AppContext, accountId: string): Promise<OpenOrder | null> {
  const row = await ctx.db
    .selectFrom('filing_orders')
    .select(['id', 'type', 'state', 'target_website_ids'])
    .where('account_id', '=', accountId)
    .where('state', 'not in', [...TERMINAL_STATES])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const type = row.type as FilingType;
  const state = row.state as OrderState;
  const targets =
    typeof row.target_website_ids === 'string' ? JSON.parse(row.target_website_ids) : row.target_website_ids;
  return {
    id: row.id,
    type,
    typeName: { zhCN: FILING_TYPE_INFO[type].nameZh, enUS: FILING_TYPE_INFO[type].nameEn },
    state,
    stateLabel: { zhCN: ORDER_STATE_LABELS[state].zh, enUS: ORDER_STATE_LABELS[state].en },
    targetWebsiteIds: Array.isArray(targets) ? (targets as string[]) : [],
  };
}

type Facts = {
  role: AuthUser['role'];
  realNameVerified: boolean;
  hasSubject: boolean;
  openOrder: boolean;
  /** For website actions: the website's record status. */
  websiteStatus?: string;
};

/**
 * Whether one action may be started now, and if not the first reason in the order the start request checks
 * them (create-order.ts: who may file, then one open order per account, then the record itself).
 */
export function decideAction(action: RecordAction, f: Facts): RecordActionView {
  const block = (code: RecordActionBlock): RecordActionView => ({
    action,
    allowed: false,
    reason: { code, message: BLOCK_TEXT[code] },
  });
  if (f.role === 'sub_account') return block('SUB_ACCOUNT_CANNOT_FILE');
  if (!f.realNameVerified) return block('ACCOUNT_NOT_REAL_NAME_VERIFIED');
  if (f.openOrder) return block('ORDER_ALREADY_OPEN');
  if (action !== 'file_website' && !f.hasSubject) return block('TYPE_NO_SUBJECT_HERE');
  if (WEBSITE_ACTIONS.includes(action) && f.websiteStatus !== 'active') return block('WEBSITE_NOT_ACTIVE');
  return { action, allowed: true, reason: null };
}

export const subjectActions = (f: Facts): RecordActionView[] => SUBJECT_ACTIONS.map((a) => decideAction(a, f));
export const websiteActions = (f: Facts): RecordActionView[] => WEBSITE_ACTIONS.map((a) => decideAction(a, f));
