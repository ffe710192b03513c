import type { SimContext } from './context.ts';

export type OutboxMessage = { id: number; orderRef: string; mobile: string; text: string; sentAt: string };

/** The SMS "sent" by MIIT, newest first: what a tester reads instead of a phone. */
export async function readOutbox(
  ctx: Pick<SimContext, 'db'>,
  filter: { mobile?: string; orderRef?: string; limit?: number } = {},
): Promise<OutboxMessage[]> {
  let q = ctx.db.selectFrom('sim_sms_outbox').selectAll();
  if (filter.mobile) q = q.where('mobile', '=', filter.mobile.trim());
  if (filter.orderRef) q = q.where('order_ref', '=', filter.orderRef);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orderRef: r.order_ref,
    mobile: r.mobile,
    text: r.text,
    sentAt: r.sent_at.toISOString(),
  }));
}

/** The 6-digit code inside a message text (tests and demo tooling). */
export const codeFromText = (text: string): string | null => /(?<!\d)(\d{6})(?!\d)/.exec(text)?.[1] ?? null;
