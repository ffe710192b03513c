import type { Kysely } from 'kysely';
import type { AuthorizationCodeRow, Database } from '../../adapters/db/schema.ts';
import { type AuthCodeState, displayState } from '../../domain/authorization-code.ts';

/** A code as its owner sees it. `state` is the display state; `storedState` is what the database holds. */
export type AuthorizationCodeView = {
  code: string;
  resourceId: string;
  publicIp: string;
  issuedAt: Date;
  expiresAt: Date;
  state: AuthCodeState;
  storedState: AuthCodeState;
  /** The filing order holding (in_filing) or having used (used) the code. */
  orderId: string | null;
};

export const toCodeView = (row: AuthorizationCodeRow, now: Date): AuthorizationCodeView => ({
  code: row.code,
  resourceId: row.resource_id,
  publicIp: row.public_ip,
  issuedAt: new Date(row.issued_at),
  expiresAt: new Date(row.expires_at),
  state: displayState(row.state, new Date(row.expires_at), now),
  storedState: row.state,
  orderId: row.order_id,
});

/** The account's codes, newest first (the console's "管理授权码" list). */
export async function listCodes(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
  filter: { resourceId?: string } = {},
): Promise<AuthorizationCodeView[]> {
  let q = db.selectFrom('authorization_codes').selectAll().where('account_id', '=', accountId);
  if (filter.resourceId) q = q.where('resource_id', '=', filter.resourceId);
  const rows = await q.orderBy('issued_at', 'desc').orderBy('code').execute();
  return rows.map((r) => toCodeView(r, now));
}
