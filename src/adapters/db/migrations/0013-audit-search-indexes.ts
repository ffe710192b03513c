import { type Kysely, sql } from 'kysely';

/**
 * The back office's audit search and dashboard read the log by time, by actor and by action prefix, newest first
 * (keyset by id). Without these every search and every dashboard range scans the whole log, which only grows.
 * text_pattern_ops lets `action LIKE 'order.%'` use the index whatever the database's collation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE INDEX audit_log_at ON audit_log (at);
    CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
    CREATE INDEX audit_log_action ON audit_log (action text_pattern_ops, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX audit_log_action;
    DROP INDEX audit_log_actor;
    DROP INDEX audit_log_at;
  `.execute(db);
}
