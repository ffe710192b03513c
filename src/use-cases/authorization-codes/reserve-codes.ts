import { type Kysely, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema.ts';
import { type AuthCodeState, allowedFrom, normalizeCode, reserveRefusal } from '../../domain/authorization-code.ts';
import { DomainError, type ErrorCode } from '../../domain/errors.ts';

/**
 * How filing orders hold authorization codes (domain.md §3.6). Every function takes the caller's transaction
 * (a Transaction is a Kysely), so the code states move together with the order state. Each UPDATE repeats its
 * allowed-from states in the WHERE clause and the affected rows are checked: that guard, not the earlier read,
 * is what stops two orders from taking one code at the same time.
 */

export type CodeToReserve = { code: string; websiteIndex: number; ipAddresses: string[] };

export type ReserveCodesInput = { orderId: string; accountId: string; codes: CodeToReserve[]; now: Date };

const codeField = (i: number) => `websites.${i}.authorizationCode`;

const refuse = (code: ErrorCode, websiteIndex: number, extra: Record<string, unknown> = {}) =>
  new DomainError(code, { details: { websiteIndex, field: codeField(websiteIndex), ...extra } });

/** in_filing → unused, or → invalid when the code's year is over (open question 19, see CODE_TRANSITIONS). */
const releasedState = (now: Date) =>
  sql<AuthCodeState>`CASE WHEN expires_at <= ${now} THEN 'invalid' ELSE 'unused' END`;

async function releaseHeld(trx: Kysely<Database>, orderId: string, now: Date, keep: string[]) {
  let q = trx
    .updateTable('authorization_codes')
    .set({ state: releasedState(now), order_id: null, updated_at: now })
    .where('order_id', '=', orderId)
    .where('state', 'in', allowedFrom('release'));
  if (keep.length > 0) q = q.where('code', 'not in', keep);
  return q.returning(['code', 'state']).execute();
}

/**
 * Binds the order's codes, one per website. Re-running it for the same order (resubmission) is a no-op for codes
 * it already holds, keeps them even past their expiry date, and releases codes the order no longer lists.
 * Errors carry the website index and form field so the applicant sees which website's code is wrong.
 */
export async function reserveCodes(
  trx: Kysely<Database>,
  { orderId, accountId, codes, now }: ReserveCodesInput,
): Promise<{ reserved: string[]; released: string[] }> {
  const wanted = codes.map((c) => ({ ...c, code: normalizeCode(c.code) }));
  const firstUse = new Map<string, number>();
  for (const w of wanted) {
    const earlier = firstUse.get(w.code);
    // One code backs one website: the same code on two websites of one order is already "in use".
    if (earlier !== undefined) throw refuse('AUTH_CODE_IN_USE', w.websiteIndex, { sameAsWebsiteIndex: earlier });
    firstUse.set(w.code, w.websiteIndex);
  }

  const rows =
    wanted.length === 0
      ? []
      : await trx
          .selectFrom('authorization_codes')
          .selectAll()
          .where('code', 'in', [...firstUse.keys()])
          .orderBy('code')
          .forUpdate()
          .execute();
  const byCode = new Map(rows.map((r) => [r.code, r]));

  for (const w of wanted) {
    const row = byCode.get(w.code);
    if (!row) throw refuse('AUTH_CODE_NOT_FOUND', w.websiteIndex);
    const snapshot = { state: row.state, accountId: row.account_id, orderId: row.order_id, expiresAt: row.expires_at };
    const refusal = reserveRefusal(snapshot, { orderId, accountId, now });
    if (refusal) throw refuse(refusal, w.websiteIndex);
    if (!w.ipAddresses.map((ip) => ip.trim()).includes(row.public_ip)) {
      const field = `websites.${w.websiteIndex}.ipAddresses`;
      const message = `授权码对应的公网IP ${row.public_ip} 不在该网站的IP地址中`;
      throw new DomainError('VALIDATION_FAILED', {
        details: { field, websiteIndex: w.websiteIndex, publicIp: row.public_ip, issues: [{ field, message }] },
      });
    }
  }

  for (const w of wanted) {
    const res = await trx
      .updateTable('authorization_codes')
      .set({ state: 'in_filing', order_id: orderId, updated_at: now })
      .where('code', '=', w.code)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', 'in', allowedFrom('reserve')), eb('expires_at', '>', now)]),
          eb.and([eb('state', '=', 'in_filing'), eb('order_id', '=', orderId)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw refuse('AUTH_CODE_IN_USE', w.websiteIndex);
  }

  const released = await releaseHeld(trx, orderId, now, [...firstUse.keys()]);
  return { reserved: [...firstUse.keys()], released: released.map((r) => r.code) };
}

/** The order was abandoned or withdrawn: its codes become usable again, or invalid if their year is over. */
export async function releaseCodes(
  trx: Kysely<Database>,
  { orderId, now }: { orderId: string; now: Date },
): Promise<{ released: string[]; invalidated: string[] }> {
  const rows = await releaseHeld(trx, orderId, now, []);
  return {
    released: rows.filter((r) => r.state === 'unused').map((r) => r.code),
    invalidated: rows.filter((r) => r.state === 'invalid').map((r) => r.code),
  };
}

/** The administration approved the filing: its codes are spent for good. */
export async function consumeCodes(
  trx: Kysely<Database>,
  { orderId, now }: { orderId: string; now: Date },
): Promise<{ consumed: string[] }> {
  const rows = await trx
    .updateTable('authorization_codes')
    .set({ state: 'used', updated_at: now })
    .where('order_id', '=', orderId)
    .where('state', 'in', allowedFrom('consume'))
    .returning('code')
    .execute();
  return { consumed: rows.map((r) => r.code) };
}

export type CodeStateChange = {
  code: string;
  previousState: AuthCodeState;
  state: AuthCodeState;
  orderId: string | null;
};

/**
 * The provider disables a code (fraud, resource returned). An in-filing code may be disabled too: the order
 * keeps pointing at it so reviewers see why its resubmission fails. Used codes stay used; invalid is idempotent.
 */
export async function invalidateCode(db: Kysely<Database>, rawCode: string, now: Date): Promise<CodeStateChange> {
  const code = normalizeCode(rawCode);
  const before = await db.selectFrom('authorization_codes').selectAll().where('code', '=', code).executeTakeFirst();
  if (!before) throw new DomainError('NOT_FOUND', { details: { code } });
  if (before.state === 'invalid') return { code, previousState: 'invalid', state: 'invalid', orderId: before.order_id };
  const res = await db
    .updateTable('authorization_codes')
    .set({ state: 'invalid', updated_at: now })
    .where('code', '=', code)
    .where('state', 'in', allowedFrom('invalidate'))
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    // Used (or consumed between our read and the update): an approved filing's code cannot be taken back.
    throw new DomainError('AUTH_CODE_IN_USE', { details: { code } });
  }
  return { code, previousState: before.state, state: 'invalid', orderId: before.order_id };
}

/**
 * Called by the deadline sweeper on the code's expiry date. Only an unused code expires; an in-filing code is
 * left alone (it stays valid for the filing that holds it, and releaseCodes invalidates it if that filing is
 * abandoned). Returns null for an unknown code so a stale deadline row fires harmlessly.
 */
export async function expireCode(
  trx: Kysely<Database>,
  rawCode: string,
  now: Date,
): Promise<{ code: string; state: AuthCodeState; changed: boolean } | null> {
  const code = normalizeCode(rawCode);
  const updated = await trx
    .updateTable('authorization_codes')
    .set({ state: 'invalid', updated_at: now })
    .where('code', '=', code)
    .where('state', 'in', allowedFrom('expire'))
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return { code, state: 'invalid', changed: true };
  const row = await trx.selectFrom('authorization_codes').select('state').where('code', '=', code).executeTakeFirst();
  return row ? { code, state: row.state, changed: false } : null;
}
