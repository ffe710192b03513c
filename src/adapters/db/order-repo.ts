import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import type { Order, OrderRejection } from '../../domain/order.ts';
import type { PiCipher } from '../../domain/ports/pi-cipher.ts';
import { writeOrderSearchTerms } from './order-search-terms.ts';
import type { Database, FilingOrderRow } from './schema.ts';

const toOrder = (row: FilingOrderRow, cipher: PiCipher): Order => ({
  id: row.id,
  accountId: row.account_id,
  subjectId: row.subject_id,
  type: row.type as Order['type'],
  state: row.state as Order['state'],
  verificationStage: row.verification_stage,
  version: row.version,
  province: row.province,
  data: cipher.decryptJson(row.data_enc),
  determination: row.determination as Order['determination'],
  targetWebsiteIds: row.target_website_ids as string[],
  termsAcceptedAt: row.terms_accepted_at,
  submissionCount: row.submission_count,
  regulatorRef: row.regulator_ref,
  regulatorStatus: row.regulator_status as Order['regulatorStatus'],
  reviewerId: row.reviewer_id,
  submittedAt: row.submitted_at,
  lastSubmittedAt: row.last_submitted_at,
  lastActivityAt: row.last_activity_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  closedAt: row.closed_at,
});

export async function findOrder(db: Kysely<Database>, cipher: PiCipher, id: string): Promise<Order | null> {
  const row = await db.selectFrom('filing_orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrder(row, cipher) : null;
}

export async function getOrder(db: Kysely<Database>, cipher: PiCipher, id: string): Promise<Order> {
  const order = await findOrder(db, cipher, id);
  if (!order) throw new DomainError('ORDER_NOT_FOUND');
  return order;
}

/** Loads the order and row-locks it for the rest of the transaction. */
export async function getOrderForUpdate(trx: Kysely<Database>, cipher: PiCipher, id: string): Promise<Order> {
  const row = await trx.selectFrom('filing_orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('ORDER_NOT_FOUND');
  return toOrder(row, cipher);
}

export async function listOrdersOfAccount(db: Kysely<Database>, cipher: PiCipher, accountId: string): Promise<Order[]> {
  const rows = await db
    .selectFrom('filing_orders')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => toOrder(r, cipher));
}

export type OrderPatch = Partial<
  Pick<
    Order,
    | 'state'
    | 'data'
    | 'province'
    | 'termsAcceptedAt'
    | 'submissionCount'
    | 'regulatorRef'
    | 'regulatorStatus'
    | 'reviewerId'
    | 'submittedAt'
    | 'lastSubmittedAt'
    | 'lastActivityAt'
    | 'closedAt'
    | 'subjectId'
  >
> & {
  /** The provider review's due time (migration 0012); only transitions set it. */
  slaDueAt?: Date | null;
};

/**
 * Optimistic concurrency: the update applies only if nobody changed the order since `expectedVersion` was read.
 * Exactly one of two concurrent deciders wins; the other gets ORDER_VERSION_CONFLICT.
 */
export async function updateOrder(
  trx: Kysely<Database>,
  cipher: PiCipher,
  id: string,
  expectedVersion: number,
  patch: OrderPatch,
  now: Date,
): Promise<number> {
  const { data, regulatorStatus, slaDueAt, ...rest } = patch;
  const result = await trx
    .updateTable('filing_orders')
    .set({
      ...(rest.state !== undefined && { state: rest.state }),
      ...(rest.province !== undefined && { province: rest.province }),
      ...(rest.termsAcceptedAt !== undefined && { terms_accepted_at: rest.termsAcceptedAt }),
      ...(rest.submissionCount !== undefined && { submission_count: rest.submissionCount }),
      ...(rest.regulatorRef !== undefined && { regulator_ref: rest.regulatorRef }),
      ...(rest.reviewerId !== undefined && { reviewer_id: rest.reviewerId }),
      ...(rest.submittedAt !== undefined && { submitted_at: rest.submittedAt }),
      ...(rest.lastSubmittedAt !== undefined && { last_submitted_at: rest.lastSubmittedAt }),
      ...(rest.lastActivityAt !== undefined && { last_activity_at: rest.lastActivityAt }),
      ...(rest.closedAt !== undefined && { closed_at: rest.closedAt }),
      ...(rest.subjectId !== undefined && { subject_id: rest.subjectId }),
      ...(data !== undefined && { data_enc: cipher.encryptJson(data) }),
      ...(slaDueAt !== undefined && { sla_due_at: slaDueAt }),
      ...(regulatorStatus !== undefined && { regulator_status: JSON.stringify(regulatorStatus) }),
      version: expectedVersion + 1,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new DomainError('ORDER_VERSION_CONFLICT');
  if (data !== undefined) await writeOrderSearchTerms(trx, cipher, id, data);
  return expectedVersion + 1;
}

export async function listRejections(db: Kysely<Database>, orderId: string): Promise<OrderRejection[]> {
  const rows = await db
    .selectFrom('order_rejections')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('at', 'asc')
    .execute();
  return rows.map((r) => ({ id: r.id, stage: r.stage, reasons: r.reasons as OrderRejection['reasons'], at: r.at }));
}
