import type { AuthorizationCodeRow } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { OrderData } from '../../contracts/filing-data.ts';
import { type AuthCodeState, displayState } from '../../domain/authorization-code.ts';
import { maskSubject } from '../../domain/privacy/mask.ts';

/**
 * A code as its owner sees it. `state` is the display state; `storedState` is what the database holds.
 *
 * Codes are bearer credentials by design (JD: the server's owner hands a code to whoever files), so the filing
 * holding a code may belong to another account. Its owner then learns only that the code is in use and by whom,
 * with the name masked as everywhere else; never the other account's order id (issue 6 item 13).
 */
export type AuthorizationCodeView = {
  code: string;
  resourceId: string;
  publicIp: string;
  issuedAt: Date;
  expiresAt: Date;
  state: AuthCodeState;
  storedState: AuthCodeState;
  /** The filing order holding (in_filing) or having used (used) the code, only when it is this account's own. */
  orderId: string | null;
  /** Held by a filing or used by one, whoever's. */
  inUse: boolean;
  /** The sponsor of that filing, masked (individuals to the first character); null if unused or not yet named. */
  filerName: string | null;
};

type HoldingOrder = { accountId: string; dataEnc: string } | null;

export const toCodeView = (
  row: AuthorizationCodeRow,
  now: Date,
  holder: { order: HoldingOrder; decrypt: (token: string) => OrderData } | null = null,
): AuthorizationCodeView => {
  const inUse = row.state === 'in_filing' || row.state === 'used';
  const order = inUse ? (holder?.order ?? null) : null;
  const subject = order ? holder!.decrypt(order.dataEnc).subject : undefined;
  return {
    code: row.code,
    resourceId: row.resource_id,
    publicIp: row.public_ip,
    issuedAt: new Date(row.issued_at),
    expiresAt: new Date(row.expires_at),
    state: displayState(row.state, new Date(row.expires_at), now),
    storedState: row.state,
    orderId: order && order.accountId === row.account_id ? row.order_id : null,
    inUse,
    filerName: subject?.sponsorName ? (maskSubject(subject).sponsorName ?? null) : null,
  };
};

/** The account's codes, newest first (the console's "管理授权码" list). */
export async function listCodes(
  ctx: Pick<AppContext, 'db' | 'cipher'>,
  accountId: string,
  now: Date,
  filter: { resourceId?: string; code?: string } = {},
): Promise<AuthorizationCodeView[]> {
  let q = ctx.db
    .selectFrom('authorization_codes as c')
    .leftJoin('filing_orders as o', 'o.id', 'c.order_id')
    .selectAll('c')
    .select(['o.account_id as order_account_id', 'o.data_enc as order_data_enc'])
    .where('c.account_id', '=', accountId);
  if (filter.resourceId) q = q.where('c.resource_id', '=', filter.resourceId);
  if (filter.code) q = q.where('c.code', '=', filter.code);
  const rows = await q.orderBy('c.issued_at', 'desc').orderBy('c.code').execute();
  const decrypt = (token: string) => ctx.cipher.decryptJson<OrderData>(token);
  return rows.map(({ order_account_id, order_data_enc, ...row }) =>
    toCodeView(row, now, {
      order: order_account_id && order_data_enc ? { accountId: order_account_id, dataEnc: order_data_enc } : null,
      decrypt,
    }),
  );
}
