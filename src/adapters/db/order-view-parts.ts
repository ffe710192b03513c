import { type Kysely, sql } from 'kysely';
import type { OrderRejection } from '../../domain/order.ts';
import type { Database } from './schema.ts';

/** What an order view shows besides the order row: its rejections and active materials. */
export type OrderViewParts = {
  rejections: Pick<OrderRejection, 'stage' | 'reasons' | 'at'>[];
  materials: {
    id: string;
    kind: string;
    websiteIndex: number | null;
    contentType: string;
    byteSize: number;
    validUntil: string | null;
    createdAt: string;
  }[];
};

type RawParts = {
  rejections: { stage: OrderRejection['stage']; reasons: OrderRejection['reasons']; at: string }[];
  materials: (Omit<OrderViewParts['materials'][number], 'createdAt'> & { createdAt: string })[];
};

/**
 * Both lists in one round trip (the order view is the most frequent authenticated read; two queries per view
 * cost more than the JSON aggregation does). Timestamps come back as JSON text and are normalised to ISO here.
 */
export async function readOrderViewParts(db: Kysely<Database>, orderId: string): Promise<OrderViewParts> {
  const { rows } = await sql<RawParts>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('stage', r.stage, 'reasons', r.reasons, 'at', r.at) ORDER BY r.at),
                       '[]'::json)
         FROM order_rejections r WHERE r.order_id = ${orderId}) AS rejections,
      (SELECT coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'websiteIndex', m.website_index,
                                                  'contentType', m.content_type, 'byteSize', m.byte_size,
                                                  'validUntil', m.valid_until, 'createdAt', m.created_at)
                                ORDER BY m.created_at), '[]'::json)
         FROM materials m WHERE m.order_id = ${orderId} AND m.status = 'active') AS materials
  `.execute(db);
  const raw = rows[0] ?? { rejections: [], materials: [] };
  return {
    rejections: raw.rejections.map((r) => ({ stage: r.stage, reasons: r.reasons, at: new Date(r.at) })),
    materials: raw.materials.map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() })),
  };
}
