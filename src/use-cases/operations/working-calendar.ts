import type { Kysely } from 'kysely';
import { appendAudit } from '../../adapters/db/audit-log.ts';
import type { Database } from '../../adapters/db/schema.ts';
import type { AppContext } from '../../app-context.ts';
import type { CalendarYear, SaveCalendarDays } from '../../contracts/calendar-api.ts';
import { calendarSource, setCalendarOverrides } from '../../domain/calendar/working-days.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AuthUser } from '../../domain/roles.ts';
import { backfillSlaDueAt, reviewSlaPolicy } from '../orders/review-sla-policy.ts';

const DAY_MS = 86_400_000;

/**
 * The provider's entries over the maintained working-day calendar. They are loaded into the process at start-up
 * and after every change here; other instances pick a change up at their next refresh (startCalendarRefresh).
 * A change also moves the due times of the orders already waiting for review (they were counted on the old days).
 */
export async function loadWorkingCalendar(db: Kysely<Database>): Promise<number> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  setCalendarOverrides(rows.map((r) => ({ date: r.date, working: r.kind === 'workday' })));
  return rows.length;
}

/** Reloads the entries every `intervalMs` (one cheap query), so an admin's change on one instance reaches all. */
export function startCalendarRefresh(db: Kysely<Database>, intervalMs: number, onError: (err: unknown) => void) {
  const timer = setInterval(() => void loadWorkingCalendar(db).catch(onError), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function getCalendarYear(ctx: AppContext, year: number): Promise<CalendarYear> {
  const rows = await ctx.db
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return {
    year,
    source: calendarSource(year),
    days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, updatedAt: r.updated_at.toISOString() })),
  };
}

async function afterCalendarChange(ctx: AppContext): Promise<void> {
  await loadWorkingCalendar(ctx.db);
  await backfillSlaDueAt(ctx.db, reviewSlaPolicy(ctx.config), { all: true });
}

const datesBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

/** Enters (or re-enters) every date from `from` to `to` as a holiday or a make-up working day; audited. */
export async function saveCalendarDays(
  ctx: AppContext,
  user: AuthUser,
  input: SaveCalendarDays,
): Promise<CalendarYear> {
  const now = ctx.clock.now();
  const dates = datesBetween(input.from, input.to);
  await ctx.db.transaction().execute(async (trx) => {
    for (const date of dates) {
      await trx
        .insertInto('calendar_days')
        .values({ date, kind: input.kind, name: input.name, updated_by: user.id, updated_at: now })
        .onConflict((oc) =>
          oc.column('date').doUpdateSet({ kind: input.kind, name: input.name, updated_by: user.id, updated_at: now }),
        )
        .execute();
    }
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'calendar.days_saved',
      details: { from: input.from, to: input.to, kind: input.kind, name: input.name, days: dates.length },
    });
  });
  await afterCalendarChange(ctx);
  return getCalendarYear(ctx, Number(input.from.slice(0, 4)));
}

/** Removes one entry: the date goes back to what the maintained calendar (or Monday–Friday) says; audited. */
export async function deleteCalendarDay(ctx: AppContext, user: AuthUser, date: string): Promise<CalendarYear> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('calendar_days').where('date', '=', date).returningAll().executeTakeFirst();
    if (!gone) throw new DomainError('NOT_FOUND', { details: { date } });
    await appendAudit(trx, {
      at: now,
      actorId: user.id,
      actorRole: user.role,
      action: 'calendar.day_removed',
      details: { date, kind: gone.kind, name: gone.name },
    });
  });
  await afterCalendarChange(ctx);
  return getCalendarYear(ctx, Number(date.slice(0, 4)));
}
