import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from './schema.ts';

/** The work tables swept by the worker: when a row is due, and what marks it finished. */
const WORK_TABLES = {
  // A held outbox row (manual forwarding) is not due until a reviewer forwards it.
  outbox: { due: 'next_attempt_at', finished: 'done_at', held: 'held_at' },
  deadlines: { due: 'due_at', finished: 'fired_at', held: null },
} as const;

/**
 * Claims up to `limit` due, unfinished rows with a lease, in one statement: the inner SELECT … FOR UPDATE SKIP LOCKED
 * lets several workers sweep at once without taking the same row, and the lease hands a row back if its worker
 * dies. The returned rows carry the incremented attempt count.
 */
export async function claimDueRows<T extends keyof typeof WORK_TABLES>(
  db: Kysely<Database>,
  table: T,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<Array<Selectable<Database[T]>>> {
  const { due, finished, held } = WORK_TABLES[table];
  const { now, limit, leaseMs } = options;
  const result = await sql<Selectable<Database[T]>>`
    UPDATE ${sql.table(table)}
    SET locked_until = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM ${sql.table(table)}
      WHERE ${sql.ref(finished)} IS NULL AND ${sql.ref(due)} <= ${now}
        ${held ? sql`AND ${sql.ref(held)} IS NULL` : sql``}
        AND (locked_until IS NULL OR locked_until < ${now})
      ORDER BY ${sql.ref(due)}
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return result.rows;
}
