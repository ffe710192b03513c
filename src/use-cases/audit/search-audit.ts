import type { AppContext } from '../../app-context.ts';
import type { AuditEntry, AuditPage } from '../../contracts/audit-api.ts';
import { isStaffRole } from '../../domain/roles.ts';
import { normaliseEmail } from '../auth/users.ts';

export type AuditFilters = {
  actorId?: string;
  /** Resolved here to the user's id; never stored or echoed. */
  actorEmail?: string;
  orderId?: string;
  action?: string;
  from?: string;
  to?: string;
  untilId?: string;
  cursor?: string;
  limit?: number;
};

const DEFAULT_LIMIT = 50;

/** LIKE treats `_` and `%` as wildcards; an action prefix means them literally. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The client address kept for MLPS-1 is personal data; the search shows its network part only
 * (203.0.*.*, 2001:db8:*), enough to tell one origin from another without naming a subscriber.
 */
export const maskAddress = (ip: string): string => {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return `${ip.split('.').slice(0, 2).join('.')}.*.*`;
  if (ip.includes(':')) return `${ip.split(':').slice(0, 2).join(':')}:*`;
  return '*';
};

const publicDetails = (details: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(details ?? {}).map(([k, v]) => [k, k === 'ip' && typeof v === 'string' ? maskAddress(v) : v]),
  );

/**
 * Audit entries newest first, filtered by actor, order, action prefix and time, paged by id (keyset: stable while
 * new entries arrive). Served by the indexes of migration 0013 (at, actor+id, action+id) and 0001 (order+id).
 */
export async function searchAudit(ctx: Pick<AppContext, 'db'>, filters: AuditFilters): Promise<AuditPage> {
  const limit = filters.limit ?? DEFAULT_LIMIT;
  let actorId = filters.actorId;
  if (filters.actorEmail) {
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', normaliseEmail(filters.actorEmail))
      .executeTakeFirst();
    if (!user) return { items: [], nextCursor: null };
    actorId = user.id;
  }
  let q = ctx.db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'a.actor_role',
      'a.action',
      'a.order_id',
      'a.from_state',
      'a.to_state',
      'a.reason',
      'a.details',
      'u.display_name',
      'u.role as user_role',
    ])
    .orderBy('a.id', 'desc')
    .limit(limit + 1);
  if (actorId) q = q.where('a.actor_id', '=', actorId);
  if (filters.orderId) q = q.where('a.order_id', '=', filters.orderId);
  if (filters.action) q = q.where('a.action', 'like', likePrefix(filters.action));
  if (filters.from) q = q.where('a.at', '>=', new Date(filters.from));
  if (filters.to) q = q.where('a.at', '<', new Date(filters.to));
  if (filters.untilId) q = q.where('a.id', '<=', filters.untilId);
  if (filters.cursor) q = q.where('a.id', '<', filters.cursor);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const items: AuditEntry[] = page.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actor: {
      id: r.actor_id,
      role: r.actor_role,
      displayName: r.user_role && isStaffRole(r.user_role) ? r.display_name : null,
    },
    action: r.action,
    orderId: r.order_id,
    fromState: r.from_state,
    toState: r.to_state,
    reason: r.reason,
    details: publicDetails(r.details),
  }));
  return { items, nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
}
